package dev.peerwatch.simulator.measures;

import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.Wilson;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The 95% intervals the measures use, each chosen so that a rate's interval stays inside [0, 1] and
 * a difference of rates inside [−1, 1]:
 *
 * <ul>
 *   <li>a proportion: Wilson's score interval;
 *   <li>a difference of two independent proportions: Newcombe's hybrid score interval (method 10 of
 *       Newcombe 1998, "Interval estimation for the difference between independent proportions"),
 *       built from the two Wilson intervals;
 *   <li>a difference of paired proportions: Newcombe's method 10 for paired data (Newcombe 1998,
 *       "Improved confidence intervals for the difference between binomial proportions based on
 *       paired data"), which corrects the same construction by the pairs' phi correlation;
 *   <li>a mean of non-negative counts: Student's t interval, its lower end at least 0.
 * </ul>
 */
public final class Intervals {
  private Intervals() {}

  /** Wilson interval of {@code k} of {@code n}; n > 0. */
  public static double[] proportion(long k, long n) {
    Interval w = Wilson.interval(k, n);
    return new double[] {w.low(), w.high()};
  }

  /** Newcombe's hybrid score interval of {@code k1/n1 − k2/n2}; both n > 0. */
  public static double[] difference(long k1, long n1, long k2, long n2) {
    double p1 = (double) k1 / n1;
    double p2 = (double) k2 / n2;
    Interval w1 = Wilson.interval(k1, n1);
    Interval w2 = Wilson.interval(k2, n2);
    double d = p1 - p2;
    double low = d - Math.sqrt(sq(p1 - w1.low()) + sq(w2.high() - p2));
    double high = d + Math.sqrt(sq(w1.high() - p1) + sq(p2 - w2.low()));
    return new double[] {Math.max(-1, low), Math.min(1, high)};
  }

  /**
   * Newcombe's paired interval of {@code (b − c)/n}: of {@code n} pairs, {@code a} positive in
   * both, {@code b} only in the first, {@code c} only in the second, the rest in neither.
   */
  public static double[] pairedDifference(long a, long b, long c, long n) {
    long d = n - a - b - c;
    double p1 = (double) (a + b) / n;
    double p2 = (double) (a + c) / n;
    Interval w1 = Wilson.interval(a + b, n);
    Interval w2 = Wilson.interval(a + c, n);
    double denom = (double) (a + b) * (c + d) * (a + c) * (b + d);
    // Newcombe: phi is the pairs' correlation, taken as 0 when a margin is empty.
    double phi = denom == 0 ? 0 : ((double) a * d - (double) b * c) / Math.sqrt(denom);
    double diff = p1 - p2;
    double dl1 = p1 - w1.low();
    double du1 = w1.high() - p1;
    double dl2 = p2 - w2.low();
    double du2 = w2.high() - p2;
    double low = diff - Math.sqrt(Math.max(0, sq(dl1) - 2 * phi * dl1 * du2 + sq(du2)));
    double high = diff + Math.sqrt(Math.max(0, sq(du1) - 2 * phi * du1 * dl2 + sq(dl2)));
    return new double[] {Math.max(-1, low), Math.min(1, high)};
  }

  /**
   * Mean of {@code values} with a 95% t interval whose lower end is at least 0 (the values are
   * counts of ticks); no interval below two values.
   */
  public static double[] meanOfCounts(double[] values) {
    double[] t = mean(values);
    if (!Double.isNaN(t[1])) {
      t[1] = Math.max(0, t[1]);
    }
    return t;
  }

  /** Mean of {@code values} with its 95% t interval; {mean, NaN, NaN} below two values. */
  public static double[] mean(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (n < 2) {
      return new double[] {mean, Double.NaN, Double.NaN};
    }
    double ss = 0;
    for (double v : values) {
      ss += sq(v - mean);
    }
    double half =
        new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
    return new double[] {mean, mean - half, mean + half};
  }

  private static double sq(double x) {
    return x * x;
  }
}
