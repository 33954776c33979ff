package dev.peerwatch.simulator.stats;

/**
 * The Wilson score confidence interval for a binomial proportion (Wilson 1927; method 3 of Newcombe
 * 1998, "Two-sided confidence intervals for the single proportion").
 *
 * <p>Counts are {@code double} because the simulator works with expected, hence fractional, counts;
 * the formula is applied to them unchanged.
 */
public final class Wilson {

  /** The 0.975 quantile of the standard normal distribution, used for 95% intervals. */
  public static final double Z95 = 1.959963984540054;

  private Wilson() {}

  /**
   * Returns the two-sided 95% Wilson score interval for {@code k} successes in {@code n} trials:
   *
   * <pre>
   * centre = (p + z²/(2n)) / (1 + z²/n)
   * half   = z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/(4n²))
   * </pre>
   *
   * with {@code p = k/n} and {@code z = }{@link #Z95}. The limits are clamped to {@code [0, 1]};
   * for {@code k == 0} the lower limit is exactly 0 and for {@code k == n} the upper limit is
   * exactly 1, so that rounding error cannot move them.
   *
   * @param k the number of successes, possibly fractional; {@code 0 <= k <= n}
   * @param n the number of trials, possibly fractional; {@code n > 0}
   * @return the interval, always within {@code [0, 1]} and containing {@code k/n}
   * @throws IllegalArgumentException if {@code n <= 0} (including {@code n == 0}), if {@code k} is
   *     outside {@code [0, n]}, or if either argument is NaN or infinite
   */
  public static Interval interval(double k, double n) {
    checkCounts(k, n);
    double p = k / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double low = k == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = k == n ? 1.0 : Math.min(1.0, centre + half);
    return new Interval(low, high);
  }

  /**
   * Checks that {@code k} successes in {@code n} trials form a valid (possibly fractional) binomial
   * count.
   *
   * @throws IllegalArgumentException unless both are finite, {@code n > 0} and {@code 0 <= k <= n}
   */
  static void checkCounts(double k, double n) {
    if (!Double.isFinite(n) || n <= 0) {
      throw new IllegalArgumentException("n must be finite and > 0: " + n);
    }
    if (!Double.isFinite(k) || k < 0 || k > n) {
      throw new IllegalArgumentException("k must be finite and within [0, n]: k=" + k + ", n=" + n);
    }
  }
}
