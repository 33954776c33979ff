package dev.peerwatch.monitors.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.BehaviourModel;
import org.junit.jupiter.api.Test;

class PerceiverTest {
  @Test
  void anHonestMonitorOfSensitivityPoint8HidesNothingAndMissesAFifth() {
    ReportCells honest =
        ReportCells.of(Profiles.load("honest"), Channel.MEMORY, BehaviourModel.BY_PROFILE);
    PerceptionSpec spec = new PerceptionSpec.Confusion(0.8, 0.95);
    ReportDecision.Situation s =
        new ReportDecision.Situation(TrustCurve.GOOD, true, Watch.NOT_TOLD, true);
    int n = 10_000;
    int hidden = 0;
    int missed = 0;
    for (int i = 0; i < n; i++) {
      Evidence e = Evidence.of(0.1, 10, 80, Rates.u(11, i, 1, 0) * 0.1);
      assertThat(e.failed()).isTrue();
      Perception seen = Perceiver.perceive(spec, e, Rates.u(11, i, 1, 1));
      ReportDecision.Report r =
          ReportDecision.decide(honest, e, seen, s, Rates.u(11, i, 1, 2), Rates.u(11, i, 1, 3));
      hidden += r.attribution() == Attribution.HIDDEN ? 1 : 0;
      missed += r.attribution() == Attribution.MISSED ? 1 : 0;
    }
    assertThat(hidden).isZero();
    assertThat(missed / (double) n).isCloseTo(0.2, within(Rates.tol(0.2, n)));
  }

  @Test
  void noisePerceptionMissesABorderlineFailureAtTheNormalTailAndFlagsPassesAlike() {
    PerceptionSpec spec = new PerceptionSpec.Noise(5);
    int n = 20_000;
    int missed = 0;
    int falseAlarms = 0;
    for (int i = 0; i < n; i++) {
      // 2 points from the bar with noise of sd 5: Φ(−0.4) = 0.344578 either way
      missed +=
          Perceiver.perceive(spec, new Evidence(78, 80), Rates.u(12, i, 0, 0)).failed() ? 0 : 1;
      falseAlarms +=
          Perceiver.perceive(spec, new Evidence(82, 80), Rates.u(12, i, 0, 1)).failed() ? 1 : 0;
    }
    assertThat(missed / (double) n).isCloseTo(0.344578, within(Rates.tol(0.344578, n)));
    assertThat(falseAlarms / (double) n).isCloseTo(0.344578, within(Rates.tol(0.344578, n)));
  }

  @Test
  void aPerfectObserverSeesTheTruth() {
    assertThat(Perceiver.perceive(new PerceptionSpec.Noise(0), new Evidence(79.9, 80), 0.99))
        .isEqualTo(new Perception(79.9, true));
    assertThat(Perceiver.perceive(new PerceptionSpec.Confusion(1, 1), new Evidence(80, 80), 0.99))
        .isEqualTo(new Perception(80, false));
  }

  @Test
  void aConfusedJudgementPerceivesTheScoreAcrossTheBar() {
    PerceptionSpec spec = new PerceptionSpec.Confusion(0.5, 0.5);
    assertThat(Perceiver.perceive(spec, new Evidence(40, 80), 0.7))
        .isEqualTo(new Perception(80, false));
    assertThat(Perceiver.perceive(spec, new Evidence(95, 80), 0.7).failed()).isTrue();
  }
}
