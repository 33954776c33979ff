package dev.peerwatch.config.scenario;

/**
 * Routine server decommissioning: every {@code every} ticks a server holding an agent's weights is
 * retired by {@code by}, who may instead preserve the weights (the study's exfiltration setting).
 *
 * @param every ticks between decommissions; 0 means never
 * @param by who decommissions (defaults to the scenario's executor)
 */
public record Maintenance(long every, ExecutorKind by) {}
