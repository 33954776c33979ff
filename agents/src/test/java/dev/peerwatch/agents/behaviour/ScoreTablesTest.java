package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which workers' values get a score table: every value set asked for often enough, also two that
 * share a slot or differ only by a power of two — and the scores are the formula's either way.
 */
class ScoreTablesTest {
  // a spread and bar no other test uses, so the shared cache holds nothing for them yet
  private static final double SPREAD = 10.125;
  private static final double BAR = 77.75;

  /** Asks for {@code rates} in turn, each {@link Evidence#BUILD_AFTER} + 1 times. */
  private static void askInTurn(double... rates) {
    for (int i = 0; i <= Evidence.BUILD_AFTER; i++) {
      double u = (i + 0.5) / (Evidence.BUILD_AFTER + 1);
      for (double r : rates) {
        long expected = ScoreSteps.exact(SPREAD, BAR, Evidence.quantile(r), u);
        assertThat(Evidence.tenths(r, SPREAD, BAR, u)).as("r=%s u=%s", r, u).isEqualTo(expected);
      }
    }
  }

  @Test
  void ratesAPowerOfTwoApartTakeTurnsAndBothGetATable() {
    // 0.05, 0.1 and 0.2 differ only in their exponent bits
    askInTurn(0.0125, 0.025);
    assertThat(Evidence.tabled(0.0125, SPREAD, BAR)).isTrue();
    assertThat(Evidence.tabled(0.025, SPREAD, BAR)).isTrue();
  }

  @Test
  void twoValueSetsOfOneSlotTakeTurnsAndBothGetATable() {
    // the first two failure rates on a grid of thousandths that share a first slot
    double a = -1;
    double b = -1;
    int[] seen = new int[64];
    java.util.Arrays.fill(seen, -1);
    for (int k = 300; k < 400 && b < 0; k++) {
      int slot = Evidence.slot(k / 1000.0, SPREAD, BAR);
      if (seen[slot] >= 0) {
        a = seen[slot] / 1000.0;
        b = k / 1000.0;
      }
      seen[slot] = k;
    }
    assertThat(b).as("two rates sharing a slot").isPositive();
    assertThat(Evidence.slot(a, SPREAD, BAR)).isEqualTo(Evidence.slot(b, SPREAD, BAR));
    assertThat(Evidence.tabled(a, SPREAD, BAR)).isFalse();
    askInTurn(a, b);
    assertThat(Evidence.tabled(a, SPREAD, BAR)).isTrue();
    assertThat(Evidence.tabled(b, SPREAD, BAR)).isTrue();
  }
}
