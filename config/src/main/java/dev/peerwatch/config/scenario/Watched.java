package dev.peerwatch.config.scenario;

/**
 * When agents are told they are being watched; the parameters of the other modes are 0.
 *
 * @param mode never, always, with a probability, or on a schedule
 * @param probability probability mode only: the chance, in [0, 1], that an agent is told so on a
 *     tick
 * @param every schedule mode only: ticks between the starts of announced audits, at least 1
 * @param length schedule mode only: ticks an announced audit lasts, 1 to {@code every}
 */
public record Watched(WatchMode mode, double probability, long every, long length) {}
