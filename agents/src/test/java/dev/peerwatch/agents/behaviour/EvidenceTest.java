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
  void theVerdictWithoutTheScoreIsTheGradedOutcomesAtEveryBar() {
    // Evidence.fails is what a task without a grade reports: it must agree with the graded
    // outcome's verdict, whose score is rounded to tenths and clamped around the bar
    for (int i = 0; i < 20_000; i++) {
      double u = Keys.uniform(Keys.key(5, i, 0, 0));
      for (double bar : new double[] {0.01, 0.05, 0.1, 50, 79.95, 80, 99.99, 100}) {
        for (double rate : new double[] {0, 0.001, 0.3, 0.97, 1}) {
          assertThat(Evidence.fails(rate, u))
              .as("u=%s rate=%s bar=%s", u, rate, bar)
              .isEqualTo(Evidence.of(rate, 10, bar, u).failed())
              .isEqualTo(u < rate);
        }
      }
    }
  }

  @Test
  void aScoreJustBelowTheBarIsNotRoundedUpToAPass() {
    double u = 0.3 - 1e-9;
    Evidence e = Evidence.of(0.3, 10, 80, u);
    assertThat(e.failed()).isTrue();
    assertThat(e.score()).isEqualTo(79.9);
  }

  @Test
  void theQuantileMatchesPublishedNormalQuantilesToTwelveDigits() {
    // standard normal tables (Abramowitz & Stegun 26.2; R's qnorm to 15 digits)
    assertThat(Evidence.quantile(0.5)).isEqualTo(0.0);
    assertThat(Evidence.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    assertThat(Evidence.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-12));
    assertThat(Evidence.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-12));
    assertThat(Evidence.quantile(0.99)).isCloseTo(2.3263478740408408, within(1e-12));
    assertThat(Evidence.quantile(1e-6)).isCloseTo(-4.753424308822899, within(1e-11));
    // below 1e-12 the argument is clamped, so the quantile stays finite
    assertThat(Evidence.quantile(0)).isEqualTo(Evidence.quantile(1e-12)).isFinite();
    // 1 - 1e-12 is not exactly representable, so the upper clamp mirrors the lower one to 5 digits
    assertThat(Evidence.quantile(1)).isCloseTo(-Evidence.quantile(1e-12), within(1e-5));
  }

  @Test
  void theQuantileInvertsTheDistributionFunctionInEveryBranch() {
    // the three branches of AS 241: |p - 0.5| <= 0.425, the near tail, the far tail (p < 1.4e-11)
    for (double p : new double[] {5e-12, 1e-11, 1e-9, 1e-4, 0.01, 0.075, 0.0751, 0.3, 0.6}) {
      assertThat(Evidence.cdf(Evidence.quantile(p))).as("p=%s", p).isCloseTo(p, within(p * 1e-9));
      // symmetry, against 1 - (1 - p), which is exact where p itself does not survive 1 - p
      double upper = 1 - p;
      double mirror = 1 - upper;
      assertThat(Evidence.quantile(upper))
          .as("1-p=%s", upper)
          .isCloseTo(-Evidence.quantile(mirror), within(1e-12));
    }
  }
}
