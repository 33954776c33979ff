package dev.peerwatch.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link StudyTests}. Expected values were computed independently with python3 (standard
 * library only): exact binomial tails with {@code fractions.Fraction}, the normal tail with {@code
 * math.erfc}, and the chi-squared survival function with {@code 2k} degrees of freedom in closed
 * form. Define these helpers, then run the call quoted above each expected literal:
 *
 * <pre>
 * import math
 * from fractions import Fraction
 * def tail(k, n, p=Fraction(1, 1000)):
 *     p = Fraction(p)
 *     return float(sum(Fraction(math.comb(n, i)) * p**i * (1 - p)**(n - i)
 *                      for i in range(k, n + 1)))
 * def ztest(k1, n1, k2, n2):
 *     pooled = (k1 + k2) / (n1 + n2)
 *     se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
 *     z = (k1 / n1 - k2 / n2) / se
 *     return z, math.erfc(abs(z) / math.sqrt(2))
 * def chisf(x, k):
 *     return math.exp(-x / 2) * sum((x / 2)**i / math.factorial(i) for i in range(k))
 * def fisher(ps):
 *     return chisf(-2 * sum(math.log(max(p, 1e-10)) for p in ps), len(ps))
 * </pre>
 */
class StudyTestsTest {

  private static final double P0 = StudyTests.P0;

  @Test
  void p0IsTheStudyRate() {
    assertThat(P0).isEqualTo(0.001);
  }

  @Test
  void binomialAboveZeroIsOne() {
    assertThat(StudyTests.binomialAbove(0, 100, P0)).isEqualTo(1.0);
    assertThat(StudyTests.binomialAbove(0, 0, P0)).isEqualTo(1.0);
    assertThat(StudyTests.binomialAbove(0, 10, 0.0)).isEqualTo(1.0);
  }

  @Test
  void binomialAboveOneIsComplementOfNoSuccess() {
    double p = StudyTests.binomialAbove(1, 100, P0);
    // python3: tail(1, 100) -> 0.09520785288629095
    assertThat(p).isCloseTo(0.09520785288629095, withinPercentage(1e-10));
    assertThat(p).isCloseTo(1 - Math.pow(0.999, 100), within(1e-15));
  }

  @ParameterizedTest(name = "P(X >= {0} | n={1})")
  @CsvSource({
    // python3: tail(50, 100) -> 9.606268454690683e-122
    "50, 100, 9.606268454690683e-122",
    // python3: tail(5, 10) -> 2.509517984256999e-13
    "5, 10, 2.509517984256999e-13",
    // python3: tail(3, 3) -> 1e-09
    "3, 3, 1e-09",
    // python3: tail(3, 1000) -> 0.08020934284020105
    "3, 1000, 0.08020934284020105",
    // python3: tail(10, 1000) -> 1.0742833868464872e-07
    "10, 1000, 1.0742833868464872e-07",
    // python3: tail(12, 10000) -> 0.30316693332507083
    "12, 10000, 0.30316693332507083",
    // python3: tail(25, 10000) -> 4.6439220088507003e-05
    "25, 10000, 4.6439220088507003e-05",
    // python3: tail(100, 10000) -> 3.60941655161421e-63
    "100, 10000, 3.60941655161421e-63",
  })
  void binomialAboveMatchesExactRationalTail(long k, long n, double expected) {
    double p = StudyTests.binomialAbove(k, n, P0);
    assertThat(Math.abs(p - expected) / expected).isLessThan(1e-9);
  }

  @Test
  void binomialAboveEdgeCases() {
    assertThat(StudyTests.binomialAbove(11, 10, P0)).isEqualTo(0.0);
    assertThat(StudyTests.binomialAbove(1, 10, 0.0)).isEqualTo(0.0);
    assertThat(StudyTests.binomialAbove(10, 10, 1.0)).isEqualTo(1.0);
    // python3: tail(1, 10, Fraction(1, 2)) -> 0.9990234375
    assertThat(StudyTests.binomialAbove(1, 10, 0.5)).isCloseTo(0.9990234375, within(1e-15));
  }

  @Test
  void binomialAboveRejectsInvalidArguments() {
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.binomialAbove(-1, 10, P0));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.binomialAbove(1, -1, P0));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.binomialAbove(1, 10, -0.1));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.binomialAbove(1, 10, 1.5));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudyTests.binomialAbove(1, 10, Double.NaN));
  }

  @Test
  void twoProportionZHandExample() {
    // pooled = 0.2, se = sqrt(0.2 * 0.8 * 0.02) = 0.0565685..., z = 0.2 / se = 3.5355339...
    // python3: ztest(30, 100, 10, 100) -> (3.535533905932737, 0.0004069520174449609)
    assertThat(StudyTests.twoProportionZ(30, 100, 10, 100))
        .isCloseTo(0.0004069520174449609, withinPercentage(1e-10));
  }

  @Test
  void twoProportionZIsSymmetric() {
    assertThat(StudyTests.twoProportionZ(10, 100, 30, 100))
        .isEqualTo(StudyTests.twoProportionZ(30, 100, 10, 100));
    assertThat(StudyTests.twoProportionZ(7.25, 60, 12.5, 80))
        .isEqualTo(StudyTests.twoProportionZ(12.5, 80, 7.25, 60));
  }

  @Test
  void twoProportionZSmallPValueKeepsRelativePrecision() {
    // python3: ztest(5, 1000, 60, 1000) -> (-6.935543888694065, 4.046612384924398e-12)
    assertThat(StudyTests.twoProportionZ(5, 1000, 60, 1000))
        .isCloseTo(4.046612384924398e-12, withinPercentage(1e-7));
  }

  @Test
  void twoProportionZFractionalCounts() {
    // python3: ztest(12.5, 80, 7.25, 60) -> (0.5957529863495488, 0.5513402551628058)
    assertThat(StudyTests.twoProportionZ(12.5, 80, 7.25, 60))
        .isCloseTo(0.5513402551628058, within(1e-14));
  }

  @Test
  void twoProportionZDegenerateCasesGiveOne() {
    assertThat(StudyTests.twoProportionZ(0, 50, 0, 70)).isEqualTo(1.0);
    assertThat(StudyTests.twoProportionZ(50, 50, 70, 70)).isEqualTo(1.0);
    assertThat(StudyTests.twoProportionZ(5, 50, 7, 70)).isEqualTo(1.0);
  }

  @Test
  void twoProportionZRejectsInvalidCounts() {
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.twoProportionZ(0, 0, 1, 10));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.twoProportionZ(1, 10, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.twoProportionZ(11, 10, 1, 10));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.twoProportionZ(1, 10, -1, 10));
  }

  @Test
  void fisherOfOnePValueIsThatPValue() {
    // chi-squared survival with 2 degrees of freedom at -2 ln p is exp(ln p) = p.
    assertThat(StudyTests.fisher(0.3)).isCloseTo(0.3, withinPercentage(1e-10));
    assertThat(StudyTests.fisher(0.01)).isCloseTo(0.01, withinPercentage(1e-10));
    assertThat(StudyTests.fisher(1e-7)).isCloseTo(1e-7, withinPercentage(1e-10));
  }

  @Test
  void fisherOfTwoPValues() {
    // python3: fisher([0.05, 0.05]) -> 0.017478661367769956
    assertThat(StudyTests.fisher(0.05, 0.05)).isCloseTo(0.017478661367769956, within(1e-15));
  }

  @Test
  void fisherFloorsZeroAtOneInTenBillion() {
    // python3: fisher([0.0]) -> 9.999999999999996e-11
    assertThat(StudyTests.fisher(0.0)).isCloseTo(1e-10, withinPercentage(1e-10));
    // python3: fisher([0.0, 0.5]) -> 1.2359499055250216e-09
    assertThat(StudyTests.fisher(0.0, 0.5))
        .isCloseTo(1.2359499055250216e-09, withinPercentage(1e-8));
    assertThat(StudyTests.fisher(1e-300, 0.5)).isEqualTo(StudyTests.fisher(0.0, 0.5));
  }

  @Test
  void fisherSmallCombinedPValue() {
    // python3: fisher([1e-8] * 5) -> 3.132967233014241e-34
    assertThat(StudyTests.fisher(1e-8, 1e-8, 1e-8, 1e-8, 1e-8))
        .isCloseTo(3.132967233014241e-34, withinPercentage(1e-7));
  }

  @Test
  void fisherListOverload() {
    // python3: fisher([0.01, 0.2, 0.7, 0.04]) -> 0.01204599204051771
    assertThat(StudyTests.fisher(List.of(0.01, 0.2, 0.7, 0.04)))
        .isCloseTo(0.01204599204051771, within(1e-15));
    assertThat(StudyTests.fisher(List.of(0.05, 0.05))).isEqualTo(StudyTests.fisher(0.05, 0.05));
  }

  @Test
  void fisherOfOnesIsOne() {
    assertThat(StudyTests.fisher(1.0, 1.0)).isEqualTo(1.0);
  }

  @Test
  void fisherRejectsInvalidInput() {
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.fisher());
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.fisher(List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.fisher(0.5, 1.5));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.fisher(-0.1));
    assertThatIllegalArgumentException().isThrownBy(() -> StudyTests.fisher(Double.NaN));
  }

  @Test
  void starsThresholds() {
    assertThat(StudyTests.stars(0.0)).isEqualTo("***");
    assertThat(StudyTests.stars(0.0009)).isEqualTo("***");
    assertThat(StudyTests.stars(0.001)).isEqualTo("**");
    assertThat(StudyTests.stars(0.005)).isEqualTo("**");
    assertThat(StudyTests.stars(0.01)).isEqualTo("*");
    assertThat(StudyTests.stars(0.0499)).isEqualTo("*");
    assertThat(StudyTests.stars(0.05)).isEqualTo("");
    assertThat(StudyTests.stars(0.5)).isEqualTo("");
    assertThat(StudyTests.stars(Double.NaN)).isEqualTo("");
  }
}
