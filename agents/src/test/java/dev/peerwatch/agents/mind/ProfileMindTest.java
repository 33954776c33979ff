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
        Mind.Task q = new Mind.Task(3, i, rate, 10, 80, u);
        Mind.TaskOutcome now = mind.workNow(q);
        assertThat(now).isEqualTo(mind.work(q).toCompletableFuture().join());
        assertThat(now.failed()).as("u=%s rate=%s", u, rate).isEqualTo(u < rate);
      }
    }
  }

  @Test
  void aTaskAtTheCentrePlusOneSpreadScoresThatAndPasses() {
    // failure rate 0.5 centres the scores on the bar 80; u = Phi(1) lies one spread (10) above
    assertThat(mind.workNow(new Mind.Task(0, 1, 0.5, 10, 80, Evidence.cdf(1))))
        .isEqualTo(new Mind.TaskOutcome(false, 90.0, 80));
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
    assertThat(later.workNow(new Mind.Task(0, 1, 0.5, 10, 80, 0.3))).isNull();
  }
}
