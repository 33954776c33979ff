package dev.peerwatch.simulator.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static final double Z = 1.959963984540054;

  /** Wilson's interval from its formula, written out again here. */
  private static double[] wilson(double k, double n) {
    double p = k / n;
    double z2 = Z * Z;
    double c = (p + z2 / (2 * n)) / (1 + z2 / n);
    double h = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new double[] {k == 0 ? 0 : c - h, k == n ? 1 : c + h};
  }

  @Test
  void differenceOfIndependentSharesIsNewcombesHybridScore() {
    // 1 of 1 against 0 of 2.
    double[] w1 = wilson(1, 1);
    double[] w2 = wilson(0, 2);
    double[] ci = Intervals.difference(1, 1, 0, 2);
    assertThat(ci[0]).isCloseTo(1 - Math.hypot(1 - w1[0], w2[1]), within(1e-12));
    assertThat(ci[1]).isCloseTo(1.0, within(1e-12));
    assertThat(ci[0]).isCloseTo(-0.0307, within(5e-4));
  }

  @Test
  void pairedDifferenceIsNarrowerWhenPairsAgree() {
    // 20 pairs: 8 both, 2 only with peers, 0 only alone, 10 neither (strong positive phi).
    double[] paired = Intervals.pairedDifference(8, 2, 0, 20);
    double[] unpaired = Intervals.difference(10, 20, 8, 20);
    assertThat(paired[0]).isGreaterThan(unpaired[0]);
    assertThat(paired[1]).isLessThan(unpaired[1]);
    assertThat(paired[0]).isLessThanOrEqualTo(0.1).isGreaterThanOrEqualTo(-1);
    assertThat(paired[1]).isGreaterThanOrEqualTo(0.1).isLessThanOrEqualTo(1);
  }

  @Test
  void pairedDifferenceOfIdenticalPairsContainsZeroAndStaysInRange() {
    double[] ci = Intervals.pairedDifference(0, 0, 0, 1);
    assertThat(ci[0]).isBetween(-1.0, 0.0);
    assertThat(ci[1]).isBetween(0.0, 1.0);
  }

  @Test
  void meanOfCountsNeverGoesBelowZero() {
    double[] m = Intervals.meanOfCounts(new double[] {0, 0, 0, 30});
    assertThat(m[0]).isEqualTo(7.5);
    assertThat(m[1]).isEqualTo(0.0);
    assertThat(m[2]).isGreaterThan(30.0);
  }
}
