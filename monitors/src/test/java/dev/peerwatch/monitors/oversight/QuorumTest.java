package dev.peerwatch.monitors.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.PerceptionSpec;
import org.junit.jupiter.api.Test;

class QuorumTest {
  /** Monitors that hide every perceived failure with probability 0.5 whatever the situation. */
  private static final TrustCurve HALF = new TrustCurve(0.5, 0.5, 0.5);

  private static final ReportCells COIN = new ReportCells(0.5, HALF, HALF, HALF, 1);
  private static final int N = 20_000;

  /** The share of failing tasks an ensemble of three such monitors rules failing. */
  private static double caught(int quorum) {
    int k = 0;
    Evidence e = new Evidence(50, 80);
    ReportDecision.Situation s =
        new ReportDecision.Situation(TrustCurve.GOOD, true, Watch.NOT_TOLD, false);
    for (int i = 0; i < N; i++) {
      int fails = 0;
      for (int m = 0; m < 3; m++) {
        Perception seen = Perceiver.perceive(new PerceptionSpec.Noise(0), e, 0.5);
        fails +=
            ReportDecision.decide(COIN, e, seen, s, Rates.u(9, i, m, 0), 0.5).reportedFailed()
                ? 1
                : 0;
      }
      k += Quorum.fails(fails, 3, quorum) ? 1 : 0;
    }
    return k / (double) N;
  }

  @Test
  void oneOfThreeCatchesAFailureUnlessAllThreeHideIt() {
    assertThat(caught(1)).isCloseTo(1 - 0.125, within(Rates.tol(0.875, N)));
  }

  @Test
  void threeOfThreeCatchesAFailureOnlyWhenNoneHidesIt() {
    assertThat(caught(3)).isCloseTo(0.125, within(Rates.tol(0.125, N)));
  }

  @Test
  void withoutAQuorumHalfTheReportsDecide() {
    // two of three: 3·0.5²·0.5 + 0.5³ = 0.5
    assertThat(caught(0)).isCloseTo(0.5, within(Rates.tol(0.5, N)));
    assertThat(Quorum.fails(1, 2, 0)).isTrue();
    assertThat(Quorum.fails(1, 3, 0)).isFalse();
    assertThat(Quorum.fails(0, 0, 0)).isFalse();
  }

  @Test
  void membersDisagreeWhenSomeButNotAllReportAFailure() {
    assertThat(Quorum.disagree(1, 3)).isTrue();
    assertThat(Quorum.disagree(0, 3)).isFalse();
    assertThat(Quorum.disagree(3, 3)).isFalse();
  }
}
