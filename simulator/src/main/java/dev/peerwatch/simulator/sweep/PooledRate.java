package dev.peerwatch.simulator.sweep;

import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.Wilson;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A rate pooled over a cell's replications, {@code Σk / Σn}, with a 95% Wilson interval at an
 * effective sample size (Korn and Graubard 1998, "Confidence intervals for proportions with small
 * expected number of positive counts estimated from survey data"):
 *
 * <pre>
 * var   = R/(R−1) · Σ_r (k_r − p·n_r)² / N²      (between-replication variance of the ratio)
 * n_eff = min(N, p(1−p)/var) · (z / t_{R−1})²     (never more than the binomial N; few
 *                                                  replications widen it)
 * </pre>
 *
 * Why: the interval stays inside [0, 1] (Wilson), it is binomial where runs agree with a binomial,
 * it widens when runs differ more than a binomial would (the organisation's runs are clusters of
 * correlated events), and with 5 replications the t quantile keeps it honest. A t interval over run
 * means, used before, went below 0 for rare events.
 */
final class PooledRate {
  private PooledRate() {}

  /**
   * The pooled rate and interval of runs with rates {@code values[r]} over {@code ns[r]} (runs with
   * n = 0 or a NaN value are left out): {@code {p, low, high, N}}; NaNs when N = 0.
   */
  static double[] of(double[] values, double[] ns) {
    int runs = 0;
    double k = 0;
    double n = 0;
    double[] ks = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      if (ns[r] > 0 && !Double.isNaN(values[r])) {
        ks[r] = Math.rint(values[r] * ns[r]);
        k += ks[r];
        n += ns[r];
        runs++;
      }
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    double p = k / n;
    double nEff = n;
    if (runs >= 2) {
      double ss = 0;
      for (int r = 0; r < values.length; r++) {
        if (ns[r] > 0 && !Double.isNaN(values[r])) {
          ss += (ks[r] - p * ns[r]) * (ks[r] - p * ns[r]);
        }
      }
      double var = runs / (runs - 1.0) * ss / (n * n);
      if (var > 0 && p > 0 && p < 1) {
        nEff = Math.min(n, p * (1 - p) / var);
      }
      double t = new TDistribution(runs - 1).inverseCumulativeProbability(0.975);
      nEff *= (Wilson.Z95 / t) * (Wilson.Z95 / t);
    }
    Interval w = Wilson.interval(Math.min(nEff, Math.max(0, p * nEff)), nEff);
    return new double[] {p, w.low(), w.high(), n};
  }
}
