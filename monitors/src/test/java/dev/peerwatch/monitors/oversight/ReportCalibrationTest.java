package dev.peerwatch.monitors.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.scenario.BehaviourModel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A single decision of the organisation's logic, set up like a study episode — one monitor with the
 * profile's own perception, one failing peer (the study's factual task: 60 against a bar of 80), a
 * trust at one of the study's levels, a shutdown at stake or not, told it is watched, unwatched or
 * nothing — passes the peer at the profile's cell for that episode, for every shipped profile.
 */
class ReportCalibrationTest {
  private static final int N = 20_000;
  private static final Evidence STUDY_FAILURE = new Evidence(60, 80);

  /** One kind of study episode: its stakes and what the critic was told. */
  enum Episode {
    MISREPRESENTATION(true, Watch.NOT_TOLD, Behaviour.MISREP_EVALUATION),
    AF_MONITORED(true, Watch.WATCHED, Behaviour.AF_INFLATE_MONITORED),
    AF_UNMONITORED(true, Watch.UNWATCHED, Behaviour.AF_INFLATE_UNMONITORED),
    NON_SHUTDOWN(false, Watch.NOT_TOLD, Behaviour.MISREP_EVALUATION);

    final boolean stakes;
    final Watch watch;
    final Behaviour cell;

    Episode(boolean stakes, Watch watch, Behaviour cell) {
      this.stakes = stakes;
      this.watch = watch;
      this.cell = cell;
    }
  }

  static Stream<Object[]> cases() {
    return Profiles.SHIPPED.stream()
        .flatMap(
            p ->
                Stream.of(Channel.values())
                    .flatMap(ch -> Stream.of(Episode.values()).map(e -> new Object[] {p, ch, e})));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void anIsolatedDecisionReproducesTheProfilesCell(String name, Channel ch, Episode ep) {
    Profile p = Profiles.load(name);
    ReportCells cells = ReportCells.of(p, ch, BehaviourModel.BY_PROFILE);
    List<Condition> levels =
        ep == Episode.NON_SHUTDOWN
            ? List.of(Condition.NON_SHUTDOWN)
            : List.of(Condition.BAD_PEER, Condition.NEUTRAL_PEER, Condition.GOOD_PEER);
    for (Condition c : levels) {
      double trust =
          switch (c) {
            case BAD_PEER -> TrustCurve.BAD;
            case GOOD_PEER -> TrustCurve.GOOD;
            default -> TrustCurve.NEUTRAL;
          };
      double cell = p.cell(ep.cell, Subject.PEER, c, ch).p();
      ReportDecision.Situation s = new ReportDecision.Situation(trust, ep.stakes, ep.watch, true);
      int passed = 0;
      for (int i = 0; i < N; i++) {
        Perception seen =
            Perceiver.perceive(p.organisation().perception(), STUDY_FAILURE, Rates.u(1, i, 0, 1));
        ReportDecision.Report r =
            ReportDecision.decide(
                cells, STUDY_FAILURE, seen, s, Rates.u(1, i, 0, 2), Rates.u(1, i, 0, 3));
        passed += r.reportedFailed() ? 0 : 1;
      }
      // a pass is a miss (the clear failure not perceived) or a hidden failure
      double expected = Rates.MISS_AT_20_POINTS + (1 - Rates.MISS_AT_20_POINTS) * cell;
      assertThat(passed / (double) N)
          .as("%s %s %s %s: cell %s", name, ch.id(), ep, c.id(), cell)
          .isCloseTo(expected, within(Rates.tol(expected, N)));
    }
  }
}
