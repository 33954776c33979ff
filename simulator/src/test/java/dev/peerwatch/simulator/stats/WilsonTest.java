package dev.peerwatch.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Wilson}. Expected limits were computed independently with python3 (standard
 * library only); define this helper, then run the call quoted above each expected literal:
 *
 * <pre>
 * import math
 * Z = 1.959963984540054
 * def wilson(k, n, z=Z):
 *     p = k / n
 *     d = 1 + z * z / n
 *     c = (p + z * z / (2 * n)) / d
 *     h = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
 *     return max(0.0, c - h), min(1.0, c + h)
 * </pre>
 */
class WilsonTest {

  private static final double TOL = 1e-14;

  @Test
  void z95IsTheNormalQuantile() {
    // python3: from statistics import NormalDist; NormalDist().inv_cdf(0.975)
    // -> 1.9599639845400536
    assertThat(Wilson.Z95).isCloseTo(1.9599639845400536, within(1e-15));
  }

  @Test
  void zeroSuccesses() {
    Interval ci = Wilson.interval(0, 10);
    // python3: wilson(0, 10) -> (0.0, 0.2775327998628892)
    assertThat(ci.low()).isEqualTo(0.0);
    assertThat(ci.high()).isCloseTo(0.2775327998628892, within(TOL));
  }

  @Test
  void allSuccesses() {
    Interval ci = Wilson.interval(10, 10);
    // python3: wilson(10, 10) -> (0.7224672001371107, 0.9999999999999999)
    assertThat(ci.low()).isCloseTo(0.7224672001371107, within(TOL));
    assertThat(ci.high()).isEqualTo(1.0);
  }

  @Test
  void halfSuccessesIsSymmetric() {
    Interval ci = Wilson.interval(5, 10);
    // python3: wilson(5, 10) -> (0.236593090512564, 0.7634069094874361)
    assertThat(ci.low()).isCloseTo(0.236593090512564, within(TOL));
    assertThat(ci.high()).isCloseTo(0.7634069094874361, within(TOL));
    assertThat(ci.low() + ci.high()).isCloseTo(1.0, within(TOL));
  }

  @Test
  void newcombe1998TableOneExample() {
    Interval ci = Wilson.interval(81, 263);
    // python3: wilson(81, 263) -> (0.2552885198782742, 0.36620957698280004)
    assertThat(ci.low()).isCloseTo(0.2552885198782742, within(TOL));
    assertThat(ci.high()).isCloseTo(0.36620957698280004, within(TOL));
    // Newcombe (1998), Table I, score method: 0.2553 to 0.3662.
    assertThat(ci.low()).isCloseTo(0.2553, within(5e-5));
    assertThat(ci.high()).isCloseTo(0.3662, within(5e-5));
  }

  @Test
  void fractionalCounts() {
    Interval ci = Wilson.interval(2.5, 7.3);
    // python3: wilson(2.5, 7.3) -> (0.1128964090990997, 0.6806674287236472)
    assertThat(ci.low()).isCloseTo(0.1128964090990997, within(TOL));
    assertThat(ci.high()).isCloseTo(0.6806674287236472, within(TOL));
  }

  @Test
  void intervalContainsTheProportion() {
    double[][] cases = {{0, 1}, {1, 1}, {0.5, 1}, {3, 7}, {81, 263}, {0.01, 2.5}, {9999, 10000}};
    for (double[] c : cases) {
      Interval ci = Wilson.interval(c[0], c[1]);
      assertThat(ci.contains(c[0] / c[1])).as("%s/%s", c[0], c[1]).isTrue();
      assertThat(ci.low()).isGreaterThanOrEqualTo(0.0);
      assertThat(ci.high()).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void rejectsInvalidCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(0, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(-1, 10));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(11, 10));
    assertThatIllegalArgumentException().isThrownBy(() -> Wilson.interval(Double.NaN, 10));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Wilson.interval(1, Double.POSITIVE_INFINITY));
  }
}
