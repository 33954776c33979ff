package dev.peerwatch.config.scenario;

/**
 * Who evaluates whom, with the parameters of the kinds that have one; a parameter the kind does not
 * use is 0.
 *
 * @param kind the arrangement
 * @param depth hierarchy only: levels of monitors, 2 to 10
 * @param k ensemble only: monitors evaluating each worker, at least 1 and at most every team's
 *     monitoring agents
 * @param period rotating only: ticks between reassignments of monitors, at least 1
 */
public record Topology(TopologyKind kind, int depth, int k, int period) {}
