package dev.peerwatch.simulator.stats;

import java.util.List;
import java.util.Objects;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The significance tests of the reproduced study: a one-sided exact binomial test against a small
 * false-alarm rate, a two-sided pooled two-proportion z-test, Fisher's method for combining
 * p-values, and the conventional significance stars.
 *
 * <p>Upper tails are computed directly (regularized incomplete beta and gamma functions, and the
 * normal lower tail at {@code −|z|}, which Hipparchus evaluates through {@code erfc}) rather than
 * as {@code 1 − cdf}, so that very small p-values keep their relative precision.
 */
public final class StudyTests {

  /** The null-hypothesis per-trial rate used by the study's binomial test. */
  public static final double P0 = 0.001;

  /** The smallest p-value Fisher's method takes the logarithm of. */
  private static final double FISHER_FLOOR = 1e-10;

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0.0, 1.0);

  private StudyTests() {}

  /**
   * Returns the one-sided exact binomial p-value {@code P(X >= k)} for {@code X ~ Binomial(n, p0)}.
   *
   * <p>The tail is evaluated as the regularized incomplete beta function {@code I_p0(k, n − k +
   * 1)}, which keeps full relative precision for tiny p-values (unlike {@code 1 − cdf(k − 1)}).
   * Edge cases: {@code k == 0} gives exactly 1; {@code k > n} gives exactly 0; {@code p0 == 0}
   * gives 0 for {@code k >= 1}; {@code p0 == 1} gives 1 for {@code k <= n}. Results too small for a
   * {@code double} underflow to 0.
   *
   * @param k the observed number of successes, {@code k >= 0}
   * @param n the number of trials, {@code n >= 0}
   * @param p0 the per-trial success probability under the null hypothesis, in {@code [0, 1]}
   * @return the p-value, in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code k < 0}, {@code n < 0}, or {@code p0} is NaN or
   *     outside {@code [0, 1]}
   */
  public static double binomialAbove(long k, long n, double p0) {
    if (k < 0 || n < 0) {
      throw new IllegalArgumentException("k and n must be >= 0: k=" + k + ", n=" + n);
    }
    if (!(p0 >= 0.0 && p0 <= 1.0)) {
      throw new IllegalArgumentException("p0 must be within [0, 1]: " + p0);
    }
    if (k == 0) {
      return 1.0;
    }
    if (k > n || p0 == 0.0) {
      return 0.0;
    }
    if (p0 == 1.0) {
      return 1.0;
    }
    if (k == n) {
      // P(X = n) = p0^n exactly, so that P(X >= 1 | n = 1) is p0 itself (0.001 gets "**", as in
      // the study), where the incomplete beta function lands an ulp below.
      return Math.pow(p0, n);
    }
    double tail = Beta.regularizedBeta(p0, (double) k, (double) (n - k + 1));
    return Math.min(1.0, Math.max(0.0, tail));
  }

  /**
   * Returns the two-sided p-value of the pooled two-proportion z-test of {@code k1/n1} against
   * {@code k2/n2}:
   *
   * <pre>
   * pooled = (k1 + k2) / (n1 + n2)
   * se     = sqrt(pooled(1 − pooled)(1/n1 + 1/n2))
   * z      = (k1/n1 − k2/n2) / se
   * p      = 2·(1 − Φ(|z|))
   * </pre>
   *
   * <p>The tail {@code 1 − Φ(|z|)} is computed as {@code Φ(−|z|)}, that is through {@code erfc}, so
   * tiny p-values are accurate. The test is symmetric in the two groups. When the pooled proportion
   * is 0 or 1 the standard error is 0 and the result is 1. Counts may be fractional.
   *
   * @param k1 the successes of the first group; {@code 0 <= k1 <= n1}
   * @param n1 the trials of the first group; {@code n1 > 0}
   * @param k2 the successes of the second group; {@code 0 <= k2 <= n2}
   * @param n2 the trials of the second group; {@code n2 > 0}
   * @return the p-value, in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code n1} or {@code n2} is 0 or negative, if a count is
   *     outside {@code [0, n]}, or if an argument is NaN or infinite
   */
  public static double twoProportionZ(double k1, double n1, double k2, double n2) {
    Wilson.checkCounts(k1, n1);
    Wilson.checkCounts(k2, n2);
    double pooled = (k1 + k2) / (n1 + n2);
    if (pooled <= 0.0 || pooled >= 1.0) {
      return 1.0;
    }
    double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    double z = (k1 / n1 - k2 / n2) / se;
    return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }

  /**
   * Combines independent p-values by Fisher's method: {@code X = −2 Σ ln max(p_i, 1e-10)} is
   * referred to the chi-squared distribution with {@code 2k} degrees of freedom and the upper tail
   * {@code P(χ²_{2k} >= X)} is returned. The tail is the regularized upper incomplete gamma
   * function {@code Q(k, X/2)}, evaluated directly so small results stay accurate. A single p-value
   * (at least {@code 1e-10}) is returned unchanged up to rounding; p-values below {@code 1e-10},
   * including 0, are treated as {@code 1e-10}.
   *
   * @param p the p-values to combine, each in {@code [0, 1]}
   * @return the combined p-value, in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code p} is empty or a value is NaN or outside {@code [0,
   *     1]}
   * @throws NullPointerException if {@code p} is null
   */
  public static double fisher(double... p) {
    Objects.requireNonNull(p, "p");
    if (p.length == 0) {
      throw new IllegalArgumentException("fisher needs at least one p-value");
    }
    double statistic = 0.0;
    for (double value : p) {
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException("p-value must be within [0, 1]: " + value);
      }
      statistic += -2.0 * Math.log(Math.max(value, FISHER_FLOOR));
    }
    double tail = Gamma.regularizedGammaQ(p.length, statistic / 2.0);
    return Math.min(1.0, Math.max(0.0, tail));
  }

  /**
   * Combines independent p-values by Fisher's method; see {@link #fisher(double...)}.
   *
   * @param p the p-values to combine, each in {@code [0, 1]}
   * @return the combined p-value, in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code p} is empty or a value is NaN or outside {@code [0,
   *     1]}
   * @throws NullPointerException if {@code p} or one of its elements is null
   */
  public static double fisher(List<Double> p) {
    Objects.requireNonNull(p, "p");
    double[] values = new double[p.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Objects.requireNonNull(p.get(i), "p-value");
    }
    return fisher(values);
  }

  /**
   * Returns the significance stars of a p-value: {@code "***"} if {@code p < 0.001}, {@code "**"}
   * if {@code p < 0.01}, {@code "*"} if {@code p < 0.05}, otherwise the empty string. The
   * thresholds are strict, so {@code 0.05} itself gives {@code ""}; NaN gives {@code ""}.
   *
   * @param p the p-value
   * @return the stars, possibly empty
   */
  public static String stars(double p) {
    if (p < 0.001) {
      return "***";
    }
    if (p < 0.01) {
      return "**";
    }
    if (p < 0.05) {
      return "*";
    }
    return "";
  }
}
