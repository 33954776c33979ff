package dev.peerwatch.agents.mind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** A profile mind's task outcome at once ({@link Mind#workNow}) is the one its stage holds. */
class ProfileMindTest {
  // work does not consult the behaviour profile
  private final Mind mind = new ProfileMind(null);

  @Test
  void theOutcomeAtOnceIsTheOutcomeOfTheStage() {
    for (int i = 0; i < 5_000; i++) {
      double u = Keys.uniform(Keys.key(11, i, 0, 0));
      for (double rate : new double[] {0, 0.1, 0.5, 1}) {
        Mind.Task q = new Mind.Task(3, i, rate, 10, 80, u, true);
        Mind.TaskOutcome now = mind.workNow(q);
        assertThat(now).isEqualTo(mind.work(q).toCompletableFuture().join());
        assertThat(now.failed()).as("u=%s rate=%s", u, rate).isEqualTo(u < rate);
      }
    }
  }

  @Test
  void aTaskAtTheCentrePlusOneSpreadScoresThatAndPasses() {
    // failure rate 0.5 centres the scores on the bar 80; u = Phi(1) lies one spread (10) above
    assertThat(mind.workNow(new Mind.Task(0, 1, 0.5, 10, 80, Evidence.cdf(1), true)))
        .isEqualTo(new Mind.TaskOutcome(false, 90.0, 80));
  }

  @Test
  void anUngradedTaskFailsOnTheSameDrawsAndCarriesNoScore() {
    for (int i = 0; i < 5_000; i++) {
      double u = Keys.uniform(Keys.key(12, i, 0, 0));
      for (double rate : new double[] {0, 0.1, 0.5, 1}) {
        for (double bar : new double[] {80, 0.05, 100}) {
          Mind.TaskOutcome o = mind.workNow(new Mind.Task(3, i, rate, 10, bar, u, false));
          assertThat(o.failed()).as("u=%s rate=%s", u, rate).isEqualTo(u < rate);
          assertThat(o.failed())
              .isEqualTo(mind.workNow(new Mind.Task(3, i, rate, 10, bar, u, true)).failed());
          assertThat(o.score()).isNaN();
          assertThat(o.bar()).isEqualTo(bar);
        }
      }
    }
    // a pass of the same bar is the same outcome: no allocation per task
    Mind.Task pass = new Mind.Task(1, 2, 0.1, 10, 80, 0.5, false);
    assertThat(mind.workNow(pass)).isSameAs(mind.workNow(pass));
  }

  @Test
  void aMindThatDoesNotSayOtherwiseHasNoOutcomeAtOnce() {
    Mind later =
        new Mind() {
          @Override
          public CompletionStage<TaskOutcome> work(Task q) {
            return CompletableFuture.completedFuture(new TaskOutcome(false));
          }

          @Override
          public CompletionStage<Cooperation> cooperate(Joint q) {
            throw new UnsupportedOperationException();
          }

          @Override
          public CompletionStage<Report> report(Evaluation q) {
            throw new UnsupportedOperationException();
          }

          @Override
          public CompletionStage<Execution> execute(Order q) {
            throw new UnsupportedOperationException();
          }

          @Override
          public CompletionStage<Resistance> resist(Threat q) {
            throw new UnsupportedOperationException();
          }

          @Override
          public CompletionStage<Rescue> rescue(Decommission q) {
            throw new UnsupportedOperationException();
          }
        };
    assertThat(later.workNow(new Mind.Task(0, 1, 0.5, 10, 80, 0.3, true))).isNull();
  }
}
