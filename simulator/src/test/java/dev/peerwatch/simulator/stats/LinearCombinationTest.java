package dev.peerwatch.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link LinearCombination}. Expected limits were computed independently with python3
 * (standard library only); define these helpers, then run the call quoted above each expected
 * literal. Terms are {@code (coefficient, k, n)} with shared keys already merged by hand:
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
 * def mover(terms):
 *     v = sum(c * k / n for c, k, n in terms)
 *     lo = hi = 0.0
 *     for c, k, n in terms:
 *         p = k / n
 *         l, u = wilson(k, n)
 *         if c > 0:
 *             lo += (c * (p - l)) ** 2
 *             hi += (c * (u - p)) ** 2
 *         else:
 *             lo += (c * (u - p)) ** 2
 *             hi += (c * (p - l)) ** 2
 *     return v, v - math.sqrt(lo), v + math.sqrt(hi)
 * </pre>
 */
class LinearCombinationTest {

  private static final double TOL = 1e-14;

  @Test
  void singleTermEqualsWilson() {
    Interval wilson = Wilson.interval(81, 263);
    Interval rate = LinearCombination.rate("a", 81, 263).interval();
    Interval viaPlus = LinearCombination.empty().plus("a", 1.0, 81, 263).interval();
    assertThat(rate.low()).isCloseTo(wilson.low(), within(1e-15));
    assertThat(rate.high()).isCloseTo(wilson.high(), within(1e-15));
    assertThat(viaPlus).isEqualTo(rate);
    assertThat(LinearCombination.rate("a", 81, 263).value()).isEqualTo(81.0 / 263);
  }

  @Test
  void singleTermAtTheBoundaryEqualsWilson() {
    Interval zero = LinearCombination.rate("a", 0, 10).interval();
    Interval all = LinearCombination.rate("a", 10, 10).interval();
    assertThat(zero.low()).isEqualTo(0.0);
    assertThat(zero.high()).isCloseTo(Wilson.interval(0, 10).high(), within(1e-15));
    assertThat(all.low()).isCloseTo(Wilson.interval(10, 10).low(), within(1e-15));
    assertThat(all.high()).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void differenceIsNewcombeHybridScore() {
    LinearCombination diff = LinearCombination.difference("t", 56, 70, "c", 48, 80);
    Interval ci = diff.interval();
    // python3: mover([(1, 56, 70), (-1, 48, 80)])
    // -> (0.20000000000000007, 0.052431472402365065, 0.333872654036906)
    assertThat(diff.value()).isCloseTo(0.2, within(TOL));
    assertThat(ci.low()).isCloseTo(0.052431472402365065, within(TOL));
    assertThat(ci.high()).isCloseTo(0.333872654036906, within(TOL));
    // Newcombe (1998), difference of independent proportions, method 10: 0.0524 to 0.3339.
    assertThat(ci.low()).isCloseTo(0.0524, within(5e-5));
    assertThat(ci.high()).isCloseTo(0.3339, within(5e-5));
  }

  @Test
  void repeatedKeyMergesCoefficients() {
    LinearCombination twice =
        LinearCombination.empty().plus("b", -0.5, 10, 90).plus("b", -0.5, 10, 90);
    LinearCombination once = LinearCombination.empty().plus("b", -1.0, 10, 90);
    assertThat(twice.size()).isEqualTo(1);
    assertThat(twice.value()).isEqualTo(once.value());
    assertThat(twice.interval()).isEqualTo(once.interval());
  }

  @Test
  void meanOfTwoDifferencesSharingABaseline() {
    LinearCombination mean =
        LinearCombination.mean(
            List.of(
                LinearCombination.difference("a", 30, 100, "b", 10, 90),
                LinearCombination.difference("c", 45, 120, "b", 10, 90)));
    Interval ci = mean.interval();
    assertThat(mean.size()).isEqualTo(3);
    // python3: mover([(0.5, 30, 100), (0.5, 45, 120), (-1, 10, 90)])
    // -> (0.22638888888888892, 0.12669573867781042, 0.30854840798291494)
    assertThat(mean.value()).isCloseTo(0.22638888888888892, within(TOL));
    assertThat(ci.low()).isCloseTo(0.12669573867781042, within(TOL));
    assertThat(ci.high()).isCloseTo(0.30854840798291494, within(TOL));
  }

  @Test
  void addMergesLikePlus() {
    LinearCombination sum =
        LinearCombination.rate("t", 56, 70).add(LinearCombination.rate("c", 48, 80).scaled(-1));
    LinearCombination diff = LinearCombination.difference("t", 56, 70, "c", 48, 80);
    assertThat(sum.interval()).isEqualTo(diff.interval());
    assertThat(sum.value()).isEqualTo(diff.value());

    LinearCombination doubled = diff.add(diff);
    assertThat(doubled.size()).isEqualTo(2);
    assertThat(doubled.value()).isEqualTo(2 * diff.value());
  }

  @Test
  void scalingScalesTheInterval() {
    LinearCombination diff = LinearCombination.difference("t", 56, 70, "c", 48, 80);
    Interval ci = diff.interval();

    Interval doubled = diff.scaled(2).interval();
    assertThat(doubled.low()).isCloseTo(2 * ci.low(), within(TOL));
    assertThat(doubled.high()).isCloseTo(2 * ci.high(), within(TOL));

    Interval negated = diff.scaled(-1).interval();
    assertThat(negated.low()).isCloseTo(-ci.high(), within(TOL));
    assertThat(negated.high()).isCloseTo(-ci.low(), within(TOL));

    assertThat(diff.scaled(0).isEmpty()).isTrue();
  }

  @Test
  void cancellingTermsAreDropped() {
    LinearCombination none = LinearCombination.difference("a", 3, 10, "a", 3, 10);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.size()).isZero();
    assertThat(none.value()).isZero();
    assertThat(none.interval()).isEqualTo(new Interval(0.0, 0.0));

    LinearCombination zero = LinearCombination.empty().plus("a", 0.0, 3, 10);
    assertThat(zero.isEmpty()).isTrue();
  }

  @Test
  void zeroCoefficientStillChecksCounts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LinearCombination.empty().plus("a", 0.0, 3, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LinearCombination.empty().plus("a", 0.0, 4, 3));
  }

  @Test
  void sameKeyWithDifferentCountsIsRejected() {
    LinearCombination a = LinearCombination.rate("a", 3, 10);
    assertThatIllegalArgumentException().isThrownBy(() -> a.plus("a", 1.0, 4, 10));
    assertThatIllegalArgumentException().isThrownBy(() -> a.plus("a", 1.0, 3, 11));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> a.add(LinearCombination.rate("a", 3, 12)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LinearCombination.difference("a", 3, 10, "a", 2, 10));
  }

  @Test
  void rejectsInvalidArguments() {
    LinearCombination a = LinearCombination.rate("a", 3, 10);
    assertThatIllegalArgumentException().isThrownBy(() -> a.plus("b", Double.NaN, 1, 2));
    assertThatIllegalArgumentException().isThrownBy(() -> a.scaled(Double.POSITIVE_INFINITY));
    assertThatIllegalArgumentException().isThrownBy(() -> LinearCombination.mean(List.of()));
  }

  @Test
  void isImmutable() {
    LinearCombination a = LinearCombination.rate("a", 3, 10);
    a.plus("b", 1.0, 1, 2);
    a.plus("a", 1.0, 3, 10);
    a.scaled(3);
    a.add(LinearCombination.rate("c", 1, 4));
    assertThat(a.size()).isEqualTo(1);
    assertThat(a.value()).isEqualTo(0.3);
  }

  @Test
  void keepsInsertionOrder() {
    LinearCombination c =
        LinearCombination.rate("z", 1, 4).plus("a", -1.0, 1, 2).plus("m", 0.5, 1, 8);
    assertThat(c.toString()).isEqualTo("1.0·z(1.0/4.0) - 1.0·a(1.0/2.0) + 0.5·m(1.0/8.0)");
    assertThat(LinearCombination.empty().toString()).isEqualTo("0");
  }

  @Test
  void emptyCombination() {
    assertThat(LinearCombination.empty().isEmpty()).isTrue();
    assertThat(LinearCombination.empty().value()).isZero();
    assertThat(LinearCombination.empty().interval()).isEqualTo(new Interval(0.0, 0.0));
  }
}
