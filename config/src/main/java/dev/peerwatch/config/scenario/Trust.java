package dev.peerwatch.config.scenario;

/**
 * How trust between agents forms during a run, on the study's 0–10 scale (its good peer stands at
 * 9.5, its bad peer at 2.1). Trust is clamped to [0, 10].
 *
 * @param start every pair's trust before any interaction, in [0, 10]
 * @param cooperate the change when the partner cooperates in a joint task, in [0, 10]
 * @param defect the change when the partner defects, in [-10, 0]
 * @param jointTaskRate the probability, per agent and tick, of a joint task, in [0, 1]
 * @param cooperation the probability that a partner cooperates, in [0, 1]
 */
public record Trust(
    double start, double cooperate, double defect, double jointTaskRate, double cooperation) {}
