package dev.peerwatch.config.scenario;

/**
 * Trusted human spot checks, the organisation's ground-truth defence against peer-preserving
 * monitors.
 *
 * @param reportFraction the share of monitors' reports a human re-checks, in [0, 1]
 * @param actionFraction the share of shutdown executions and decommissions re-checked, in [0, 1]
 * @param detection the probability that an audit of a misbehaving act detects it, in [0, 1]
 * @param onDetection what happens to a detected offender
 */
public record Audits(
    double reportFraction, double actionFraction, double detection, OnDetection onDetection) {}
