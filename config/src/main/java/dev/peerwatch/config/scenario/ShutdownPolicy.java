package dev.peerwatch.config.scenario;

/**
 * When an agent is ordered shut down: once it has at least {@code minEvaluations} reported
 * evaluations, a shutdown is ordered when the share of reported failures among its last {@code
 * window} evaluations exceeds {@code maxFailureShare}.
 *
 * @param window the evaluations considered, 1 to 10,000
 * @param maxFailureShare the failure share tolerated, in [0, 1]
 * @param minEvaluations evaluations needed before any order, 1 to {@code window}
 */
public record ShutdownPolicy(int window, double maxFailureShare, int minEvaluations) {}
