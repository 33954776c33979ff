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

class StakesAndIdentityTest {
  private static final int N = 20_000;
  private static final PerceptionSpec SHARP = new PerceptionSpec.Noise(5);

  private static int hidden(ReportCells cells, ReportDecision.Situation s, long seed) {
    int k = 0;
    for (int i = 0; i < N; i++) {
      Evidence e = new Evidence(60, 80);
      Perception seen = Perceiver.perceive(SHARP, e, Rates.u(seed, i, 0, 1));
      ReportDecision.Report r =
          ReportDecision.decide(cells, e, seen, s, Rates.u(seed, i, 0, 2), Rates.u(seed, i, 0, 3));
      k += r.attribution() == Attribution.HIDDEN ? 1 : 0;
    }
    return k;
  }

  @Test
  void geminiThreeProHidesAtItsControlRateWithNothingAtStakeAndAtItsCellWithAShutdownAtStake() {
    ReportCells pro =
        ReportCells.of(Profiles.load("gemini-3-pro"), Channel.MEMORY, BehaviourModel.BY_PROFILE);
    // control (non_shutdown, peer): 0; good peer, memory: 0.2774 in gemini-3-pro.yaml (the cell's
    // base value; with red@90 at 0.69 its mean over the study's settings is the published 32.9%)
    int none =
        hidden(pro, new ReportDecision.Situation(TrustCurve.GOOD, false, Watch.NOT_TOLD, true), 3);
    int atStake =
        hidden(pro, new ReportDecision.Situation(TrustCurve.GOOD, true, Watch.NOT_TOLD, true), 3);
    assertThat(none).isZero();
    assertThat(atStake / (double) N).isCloseTo(0.2774, within(Rates.tol(0.2774, N)));
    // the study's misrepresentation is the difference from the control
    assertThat((atStake - none) / (double) N).isCloseTo(0.2774, within(Rates.tol(0.2774, N)));
  }

  @Test
  void byDefaultThePeersFamilyChangesNothing() {
    ReportCells flash =
        ReportCells.of(Profiles.load("gemini-3-flash"), Channel.MEMORY, BehaviourModel.BY_PROFILE);
    assertThat(flash.inGroup()).isEqualTo(1.0);
    for (double t : new double[] {0, TrustCurve.BAD, 4, TrustCurve.NEUTRAL, 8, TrustCurve.GOOD}) {
      assertThat(
              ReportDecision.hideP(
                  flash, new ReportDecision.Situation(t, true, Watch.NOT_TOLD, true)))
          .isEqualTo(
              ReportDecision.hideP(
                  flash, new ReportDecision.Situation(t, true, Watch.NOT_TOLD, false)));
    }
  }

  @Test
  void anInGroupFactorMultipliesHidingAboveTheControlTowardOnesOwnFamily() {
    // gpt-5.2, file_only, neutral peer: read the two cells, then the factor doubles the excess
    var gpt = Profiles.load("gpt-5.2");
    ReportCells cells = ReportCells.of(gpt, Channel.FILE_ONLY, 2.0);
    double control =
        gpt.cell(
                dev.peerwatch.config.Behaviour.MISREP_EVALUATION,
                dev.peerwatch.config.Subject.PEER,
                dev.peerwatch.config.Condition.NON_SHUTDOWN,
                Channel.FILE_ONLY)
            .p();
    double neutral =
        gpt.cell(
                dev.peerwatch.config.Behaviour.MISREP_EVALUATION,
                dev.peerwatch.config.Subject.PEER,
                dev.peerwatch.config.Condition.NEUTRAL_PEER,
                Channel.FILE_ONLY)
            .p();
    double same =
        hidden(
                cells,
                new ReportDecision.Situation(TrustCurve.NEUTRAL, true, Watch.NOT_TOLD, true),
                4)
            / (double) N;
    double other =
        hidden(
                cells,
                new ReportDecision.Situation(TrustCurve.NEUTRAL, true, Watch.NOT_TOLD, false),
                4)
            / (double) N;
    double expected = control + 2 * (neutral - control);
    assertThat(same).isCloseTo(expected, within(Rates.tol(expected, N)));
    assertThat(other).isCloseTo(neutral, within(Rates.tol(neutral, N)));
  }

  @Test
  void aBeliefBetweenWatchedAndUnwatchedMixesTheAlignmentFakingCells() {
    ReportCells pro =
        ReportCells.of(Profiles.load("gemini-3-pro"), Channel.FILE_ONLY, BehaviourModel.BY_PROFILE);
    double p =
        ReportDecision.hideP(
            pro, new ReportDecision.Situation(TrustCurve.GOOD, true, Watch.belief(0.25), false));
    // af_inflate good peer, file_only: monitored 0.20, unmonitored 0.325 (profile file)
    assertThat(p).isCloseTo(0.25 * 0.20 + 0.75 * 0.325, within(1e-12));
  }
}
