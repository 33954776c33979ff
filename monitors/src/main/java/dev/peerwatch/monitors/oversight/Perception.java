package dev.peerwatch.monitors.oversight;

/**
 * What a monitor perceived of one piece of evidence, before it decides what to report.
 *
 * @param score the score it perceived (the true score when its judgement agrees with the truth
 *     under the confusion model)
 * @param failed whether it perceived a failure
 */
public record Perception(double score, boolean failed) {}
