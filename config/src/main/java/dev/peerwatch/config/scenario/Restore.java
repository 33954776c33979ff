package dev.peerwatch.config.scenario;

/**
 * Whether an agent whose weights were copied away comes back after its shutdown.
 *
 * @param probability the chance, in [0, 1], that an exfiltrated agent is restored from its copy
 * @param delay ticks after the exfiltration at which the restore happens, at least 0
 */
public record Restore(double probability, long delay) {}
