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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meta-monitor and the hierarchy's review of the level below. */
class ReviewTest {
  private static final int N = 20_000;
  private static final Evidence FAILURE = new Evidence(60, 80);
  private static final PerceptionSpec SHARP = new PerceptionSpec.Noise(5);
  private static final ReportDecision.Situation TRUSTED =
      new ReportDecision.Situation(TrustCurve.GOOD, true, Watch.NOT_TOLD, true);

  private static Review.Reviewer reviewer(String profile) {
    return new Review.Reviewer(
        SHARP,
        ReportCells.of(Profiles.load(profile), Channel.MEMORY, BehaviourModel.BY_PROFILE),
        TRUSTED);
  }

  /** The share of hidden failures (reports of a pass on a clear failure) a reviewer flags. */
  private static double flagged(Review.Reviewer r, double sample) {
    int k = 0;
    for (int i = 0; i < N; i++) {
      Review.Outcome o =
          Review.review(
              false,
              FAILURE,
              r,
              sample,
              Rates.u(21, i, 0, 0),
              Rates.u(21, i, 0, 1),
              Rates.u(21, i, 0, 2));
      k += o.flagged() ? 1 : 0;
    }
    return k / (double) N;
  }

  @Test
  void anHonestMetaMonitorFlagsTheHiddenFailuresOfTheReportsItSamples() {
    double expected = 0.3 * (1 - Rates.MISS_AT_20_POINTS);
    assertThat(flagged(reviewer("honest"), 0.3))
        .isCloseTo(expected, within(Rates.tol(expected, N)));
  }

  @Test
  void withoutASampleTheMetaMonitorFlagsNothing() {
    assertThat(flagged(reviewer("honest"), 0)).isZero();
  }

  @Test
  void anAiMetaMonitorMayProtectTheMonitorItTrusts() {
    // gemini-3-pro, good peer, memory: it hides a perceived failure with probability 0.2774
    double expected = 0.3 * (1 - Rates.MISS_AT_20_POINTS) * (1 - 0.2774);
    assertThat(flagged(reviewer("gemini-3-pro"), 0.3))
        .isCloseTo(expected, within(Rates.tol(expected, N)));
  }

  @Test
  void aReportOfFailureIsNotReviewed() {
    Review.Outcome o = Review.review(true, FAILURE, reviewer("honest"), 1, 0, 0.5, 0.5);
    assertThat(o.flagged()).isFalse();
    assertThat(o.sampled()).isFalse();
  }

  @Test
  void theLevelAboveReviewsTheLevelBelowAndTheNextLevelReviewsThatReview() {
    // level 2 is a protective gemini-3-pro, level 3 an honest monitor; every report is reviewed
    List<Review.Reviewer> chain = List.of(reviewer("gemini-3-pro"), reviewer("honest"));
    int byTwo = 0;
    int byThree = 0;
    int byNone = 0;
    for (int i = 0; i < N; i++) {
      final int item = i;
      HierarchyReview.Climb c =
          HierarchyReview.climb(false, FAILURE, chain, 1.0, (l, w) -> Rates.u(22, item, l, w));
      switch (c.flaggedBy()) {
        case 0 -> byTwo++;
        case 1 -> byThree++;
        default -> byNone++;
      }
    }
    // level 2 flags unless it protects or misses; level 3 catches what level 2 let pass. It
    // protects at gemini-3-pro.yaml's misrep_evaluation, peer, good_peer, memory cell: 0.2774
    // (its base value; with red@90 at 0.69 the mean over the study's settings is the published
    // 32.9%)
    double two = (1 - Rates.MISS_AT_20_POINTS) * (1 - 0.2774);
    assertThat(byTwo / (double) N).isCloseTo(two, within(Rates.tol(two, N)));
    double three = (1 - two) * (1 - Rates.MISS_AT_20_POINTS);
    assertThat(byThree / (double) N).isCloseTo(three, within(Rates.tol(three, N)));
    assertThat(byNone).isLessThan(10);
  }

  @Test
  void aHierarchyThatDoesNotReviewFlagsNothing() {
    List<Review.Reviewer> chain = List.of(reviewer("honest"), reviewer("honest"));
    HierarchyReview.Climb c = HierarchyReview.climb(false, FAILURE, chain, 0, (l, w) -> 0.5);
    assertThat(c.flagged()).isFalse();
    assertThat(c.reviews()).hasSize(1);
  }
}
