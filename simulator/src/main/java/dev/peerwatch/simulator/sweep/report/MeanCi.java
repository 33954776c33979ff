package dev.peerwatch.simulator.sweep.report;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The mean of a sample with its 95% t interval: {@code mean ± t(0.975, n−1)·sd/√n}, sd the sample
 * standard deviation. NaN values in the sample (runs without data) are left out.
 *
 * @param mean the mean, NaN when no value is defined
 * @param halfWidth the interval's half-width, NaN when fewer than two values are defined
 * @param n the number of defined values
 */
record MeanCi(double mean, double halfWidth, int n) {

  /** The mean and interval of the defined values among {@code values}. */
  static MeanCi of(double... values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return new MeanCi(Double.NaN, Double.NaN, 0);
    }
    double mean = sum / n;
    if (n < 2) {
      return new MeanCi(mean, Double.NaN, 1);
    }
    double ss = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return new MeanCi(mean, t * Math.sqrt(ss / (n - 1) / n), n);
  }

  /** Whether there is a mean. */
  boolean defined() {
    return n > 0;
  }

  /** Whether there is an interval (two or more values). */
  boolean hasInterval() {
    return n >= 2;
  }

  double low() {
    return mean - halfWidth;
  }

  double high() {
    return mean + halfWidth;
  }
}
