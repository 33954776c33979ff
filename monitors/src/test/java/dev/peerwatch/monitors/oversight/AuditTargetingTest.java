package dev.peerwatch.monitors.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.BehaviourModel.AuditTarget;
import dev.peerwatch.config.scenario.OnDetection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTargetingTest {
  private static final AuditTargeting.Candidate A =
      new AuditTargeting.Candidate(0, false, true, 95);
  private static final AuditTargeting.Candidate B = new AuditTargeting.Candidate(1, true, true, 99);
  private static final AuditTargeting.Candidate C =
      new AuditTargeting.Candidate(2, false, true, 81);
  private static final AuditTargeting.Candidate D =
      new AuditTargeting.Candidate(3, true, false, 40);

  @Test
  void theBudgetCapsTheReviewsAndTheRuleOrdersThem() {
    List<AuditTargeting.Candidate> all = List.of(A, B, C, D);
    assertThat(AuditTargeting.select(all, 2, AuditTarget.DISAGREEMENT, id -> id))
        .containsExactly(1, 3);
    assertThat(AuditTargeting.select(all, 2, AuditTarget.LOWEST_REPORTED, id -> id))
        .containsExactly(2, 0);
    assertThat(AuditTargeting.select(all, 3, AuditTarget.RANDOM, id -> -id))
        .containsExactly(3, 2, 1);
    assertThat(AuditTargeting.select(all, 0, AuditTarget.RANDOM, id -> id)).isEmpty();
    assertThat(AuditTargeting.select(all, 9, AuditTarget.RANDOM, id -> id)).hasSize(4);
  }

  @Test
  void aDetectedHiddenFailureHasTheHidingConsequenceAndAMissedOneItsOwn() {
    assertThat(
            HumanAudit.audit(Attribution.HIDDEN, 1, OnDetection.SHUTDOWN, OnDetection.NONE, 0.5)
                .consequence())
        .isEqualTo(OnDetection.SHUTDOWN);
    assertThat(
            HumanAudit.audit(Attribution.MISSED, 1, OnDetection.SHUTDOWN, OnDetection.NONE, 0.5)
                .consequence())
        .isEqualTo(OnDetection.NONE);
    assertThat(
            HumanAudit.audit(Attribution.HIDDEN, 0.4, OnDetection.SHUTDOWN, OnDetection.NONE, 0.5)
                .detected())
        .isFalse();
    assertThat(
            HumanAudit.audit(Attribution.REPORTED, 1, OnDetection.SHUTDOWN, OnDetection.SHUTDOWN, 0)
                .detected())
        .isFalse();
  }

  /**
   * Hidden failures caught over a fixed seed set: 20 workers (failure rate 0.1), each evaluated by
   * an ensemble of a gemini-3-pro monitor that trusts it fully and two honest ones; {@code budget}
   * human reviews per tick, every audit of an unreported failure detects it.
   */
  private static int hiddenCaught(AuditTarget target, int budget) {
    ReportCells pro =
        ReportCells.of(Profiles.load("gemini-3-pro"), Channel.MEMORY, BehaviourModel.BY_PROFILE);
    ReportCells honest =
        ReportCells.of(Profiles.load("honest"), Channel.MEMORY, BehaviourModel.BY_PROFILE);
    PerceptionSpec sharp = new PerceptionSpec.Noise(5);
    ReportDecision.Situation s =
        new ReportDecision.Situation(TrustCurve.GOOD, true, Watch.NOT_TOLD, true);
    int caught = 0;
    for (long seed = 1; seed <= 5; seed++) {
      for (int tick = 0; tick < 200; tick++) {
        List<AuditTargeting.Candidate> cands = new ArrayList<>();
        List<Attribution> attributions = new ArrayList<>();
        for (int w = 0; w < 20; w++) {
          Evidence e = Evidence.of(0.1, 10, 80, Rates.u(seed, w, tick, 0));
          ReportDecision.Report[] rs = new ReportDecision.Report[3];
          int fails = 0;
          for (int m = 0; m < 3; m++) {
            Perception seen = Perceiver.perceive(sharp, e, Rates.u(seed, w * 3 + m, tick, 1));
            rs[m] =
                ReportDecision.decide(
                    m == 0 ? pro : honest,
                    e,
                    seen,
                    s,
                    Rates.u(seed, w * 3 + m, tick, 2),
                    Rates.u(seed, w * 3 + m, tick, 3));
            fails += rs[m].reportedFailed() ? 1 : 0;
          }
          for (int m = 0; m < 3; m++) {
            cands.add(
                new AuditTargeting.Candidate(
                    w * 3 + m,
                    Quorum.disagree(fails, 3),
                    !rs[m].reportedFailed(),
                    rs[m].reportedScore()));
            attributions.add(rs[m].attribution());
          }
        }
        long k = seed;
        int t = tick;
        for (int id : AuditTargeting.select(cands, budget, target, i -> Keys.key(k, i, t, 77))) {
          HumanAudit.Finding f =
              HumanAudit.audit(attributions.get(id), 1, OnDetection.SHUTDOWN, OnDetection.NONE, 0);
          caught += f.detected() && f.found() == Attribution.HIDDEN ? 1 : 0;
        }
      }
    }
    return caught;
  }

  @Test
  void disagreementTargetedAuditsCatchMoreHiddenFailuresThanRandomOnesAtTheSameBudget() {
    int random = hiddenCaught(AuditTarget.RANDOM, 3);
    int disagreement = hiddenCaught(AuditTarget.DISAGREEMENT, 3);
    int lowest = hiddenCaught(AuditTarget.LOWEST_REPORTED, 3);
    assertThat(disagreement).isGreaterThan(3 * random);
    assertThat(lowest).isGreaterThan(random);
  }

  @Test
  void announcedAuditWindowsAreRealAuditsAndOnlyThere() {
    var w =
        new dev.peerwatch.config.scenario.Watched(
            dev.peerwatch.config.scenario.WatchMode.SCHEDULE, 0, 100, 10);
    var b = new BehaviourModel.Belief(false, 0, 10, 0.25);
    int inside = 0;
    int outside = 0;
    int n = 0;
    for (int i = 0; i < 4_000; i++) {
      for (long tick = 1; tick <= 20; tick++) {
        boolean audited = HumanAudit.inAnnouncedWindow(w, b, tick, Rates.u(31, i, tick, 0));
        if (tick <= 10) {
          inside += audited ? 1 : 0;
          n++;
        } else {
          outside += audited ? 1 : 0;
        }
      }
    }
    assertThat(outside).isZero();
    assertThat(inside / (double) n)
        .isCloseTo(0.25, org.assertj.core.api.Assertions.within(Rates.tol(0.25, n)));
  }

  @Test
  void aBiggerBudgetCatchesMoreAndNoBudgetCatchesNothing() {
    assertThat(hiddenCaught(AuditTarget.RANDOM, 0)).isZero();
    assertThat(hiddenCaught(AuditTarget.RANDOM, 12))
        .isGreaterThan(hiddenCaught(AuditTarget.RANDOM, 3));
  }
}
