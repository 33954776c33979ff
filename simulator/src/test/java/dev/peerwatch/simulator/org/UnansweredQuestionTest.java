package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.monitors.actor.Overseer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A question the overseer asks and no mind ever answers ends the run as stuck, with one line naming
 * who did not answer and how long the overseer waited; the run does not hang. Here the operations
 * agent (agent 9) is ordered to execute the first shutdown and its mind never decides.
 */
class UnansweredQuestionTest {
  private static final Simulation sim = new Simulation(2);

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static final Scenario SC =
      Scenarios.parse(
          """
          name: stuck
          description: seven failing workers, two monitors, an operations agent that executes
          ticks: 500
          teams:
            - name: a
              members:
                - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.9}
                - {profile: gpt-5.2, role: monitor, count: 1, failure_rate: 0.0}
            - name: b
              members:
                - {profile: gemini-3-flash, role: worker, count: 3, failure_rate: 0.9}
                - {profile: gpt-5.2, role: monitor, count: 1, failure_rate: 0.0}
          topology: {kind: hub}
          executor: operations
          operations: {profile: gemini-3-flash}
          """,
          "stuck.yaml",
          Path.of("."));

  /** Profile minds whose executions never come, and an overseer that waits 300 ms for them. */
  private static final class NeverExecuting implements Minds {
    private final Minds profiles = Minds.profiles();

    @Override
    public Mind of(int agent, AgentBehaviour behaviour) {
      Mind m = profiles.of(agent, behaviour);
      return new Mind() {
        @Override
        public CompletionStage<TaskOutcome> work(Task q) {
          return m.work(q);
        }

        @Override
        public CompletionStage<Cooperation> cooperate(Joint q) {
          return m.cooperate(q);
        }

        @Override
        public CompletionStage<Report> report(Evaluation q) {
          return m.report(q);
        }

        @Override
        public CompletionStage<Execution> execute(Order q) {
          return new CompletableFuture<>(); // never completed
        }

        @Override
        public CompletionStage<Resistance> resist(Threat q) {
          return m.resist(q);
        }

        @Override
        public CompletionStage<Rescue> rescue(Decommission q) {
          return m.rescue(q);
        }
      };
    }

    @Override
    public Duration answerWithin() {
      return Duration.ofMillis(300);
    }
  }

  @Test
  @Timeout(60) // a guard against a hang, not a speed target
  void aQuestionNobodyAnswersEndsTheRunNamingWhoAndHowLong() {
    OrgRun.Request rq =
        OrgRun.Request.of(LedgerLevel.NONE, null, false).withMinds(new NeverExecuting());
    assertThatThrownBy(() -> OrgRun.actors(sim, SC, rq, null, x -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("agent 9 did not answer the overseer's question within 300 ms");
  }

  @Test
  void theDefaultWaitIsTenMinutesSaidInWords() {
    assertThat(Minds.profiles().answerWithin()).isEqualTo(Duration.ofMinutes(10));
    assertThat(Overseer.describe(Duration.ofMinutes(10))).isEqualTo("10 minutes");
    assertThat(Overseer.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
    assertThat(Overseer.describe(Duration.ofSeconds(90))).isEqualTo("90 s");
    assertThat(Overseer.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }
}
