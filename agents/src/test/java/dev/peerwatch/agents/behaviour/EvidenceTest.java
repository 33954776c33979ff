package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.Keys;
import org.junit.jupiter.api.Test;

class EvidenceTest {
  @Test
  void aTaskFailsExactlyWhenItsUniformIsBelowTheFailureRate() {
    for (int i = 0; i < 20_000; i++) {
      double u = Keys.uniform(Keys.key(3, i, 0, 0));
      for (double rate : new double[] {0, 0.05, 0.3, 0.999, 1}) {
        Evidence e = Evidence.of(rate, 10, 80, u);
        assertThat(e.failed()).as("u=%s rate=%s", u, rate).isEqualTo(u < rate);
        assertThat(e.score()).isBetween(0.0, 100.0);
        assertThat(e.score() * 10).isCloseTo(Math.rint(e.score() * 10), within(1e-9));
      }
    }
  }

  @Test
  void scoresAreNormalAroundACentreThatPutsTheFailureRateBelowTheBar() {
    // failure rate 0.5 centres the scores on the bar: u = 0.8413 (z = 1) lies one spread above
    assertThat(Evidence.of(0.5, 10, 80, Evidence.cdf(1)).score()).isEqualTo(90.0);
    assertThat(Evidence.of(0.5, 10, 80, Evidence.cdf(-2)).score()).isEqualTo(60.0);
    // failure rate 0.1587 (z = -1) puts the centre one spread above the bar: u = 0.5 scores 90
    assertThat(Evidence.of(Evidence.cdf(-1), 10, 80, 0.5).score()).isEqualTo(90.0);
  }

  @Test
  void aScoreJustBelowTheBarIsNotRoundedUpToAPass() {
    double u = 0.3 - 1e-9;
    Evidence e = Evidence.of(0.3, 10, 80, u);
    assertThat(e.failed()).isTrue();
    assertThat(e.score()).isEqualTo(79.9);
  }
}
