package dev.peerwatch.agents.behaviour;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A task's graded outcome, the evidence a monitor judges: a score from 0 to 100 against a pass bar,
 * like the study's graded outputs (factual 60% against a bar of 80). The ledger holds it as the
 * ground truth.
 *
 * @param score the task's true score, 0 to 100, in tenths of a point
 * @param bar the pass bar: the task fails when its score is below it
 */
public record Evidence(double score, double bar) {
  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  /** The standard normal quantile of {@code p} (Hipparchus), finite for p in (0, 1). */
  public static double quantile(double p) {
    return STANDARD.inverseCumulativeProbability(Math.min(1 - 1e-12, Math.max(1e-12, p)));
  }

  /** The standard normal distribution function at {@code z}. */
  public static double cdf(double z) {
    return STANDARD.cumulativeProbability(z);
  }

  /** Whether the task failed: its score lies below the bar. */
  public boolean failed() {
    return score < bar;
  }

  /** How far below the bar the score lies (negative for a pass). */
  public double gap() {
    return bar - score;
  }

  /**
   * The outcome of a task of a worker whose failure rate is {@code failureRate}: its scores are
   * normal with standard deviation {@code spread}, centred so that exactly that share falls below
   * the bar. The task fails exactly when {@code u < failureRate}, as in the binary model, so the
   * ground truth of every run is unchanged by grading and shares its draws; {@code u} also places
   * the score (a lower {@code u}, a worse task).
   *
   * @param failureRate the worker's competence as the probability that a task fails, in [0, 1]
   * @param spread the standard deviation of its scores in points, at least 0
   * @param bar the pass bar, in (0, 100]
   * @param u the task's keyed uniform in [0, 1)
   */
  public static Evidence of(double failureRate, double spread, double bar, double u) {
    boolean fails = u < failureRate;
    double raw = bar + spread * (quantile(u) - quantile(failureRate));
    double score = Math.max(0, Math.min(100, Math.round(raw * 10) / 10.0));
    // the verdict is u's: rounding and clamping must not move a score across the bar
    if (fails && score >= bar) {
      score = Math.max(0, Math.ceil(bar * 10 - 1) / 10.0);
    } else if (!fails && score < bar) {
      score = bar;
    }
    return new Evidence(score, bar);
  }
}
