package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.Keys;

/** Keyed uniforms and binomial tolerances for the tests of this package. */
final class Rates {
  /**
   * Φ(−4): the share of the study's clear failures (60 vs a bar of 80) that noise of sd 5 hides.
   */
  static final double MISS_AT_20_POINTS = 3.167124183e-5;

  private Rates() {}

  static double u(long seed, long entity, long tick, long purpose) {
    return Keys.uniform(Keys.key(seed, entity, tick, purpose));
  }

  /** A tolerance of 4.5 binomial standard errors around p over n draws (plus rounding slack). */
  static double tol(double p, int n) {
    return 4.5 * Math.sqrt(p * (1 - p) / n) + 1e-9;
  }
}
