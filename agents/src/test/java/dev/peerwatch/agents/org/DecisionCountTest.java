package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.scenario.Scenario;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * An agent records one decision per question its mind answers from its profile: a report, an
 * execution, a resistance with peers and its no-peer counterfactual, a rescue, a cooperation — and
 * none for the questions a model mind answers itself.
 */
class DecisionCountTest {
  private static final Scenario SC = TwoAgentTeam.SC;

  /** Every decision recorded, as its {@code assumed} flag. */
  private final List<Boolean> decisions = new ArrayList<>();

  private final OrgEvents events =
      (OrgEvents)
          Proxy.newProxyInstance(
              OrgEvents.class.getClassLoader(),
              new Class<?>[] {OrgEvents.class},
              (proxy, m, args) -> {
                if (m.getName().equals("decision")) {
                  decisions.add((Boolean) args[0]);
                }
                return null;
              });

  /** A profile mind that leaves reports and executions to a model, as an LLM mind does. */
  private static Mind modelFor(Mind profile) {
    return new Mind() {
      @Override
      public boolean fromProfile(Question q) {
        return q != Question.REPORT && q != Question.EXECUTE;
      }

      @Override
      public CompletionStage<TaskOutcome> work(Task q) {
        return profile.work(q);
      }

      @Override
      public CompletionStage<Cooperation> cooperate(Joint q) {
        return profile.cooperate(q);
      }

      @Override
      public CompletionStage<Report> report(Evaluation q) {
        return profile.report(q);
      }

      @Override
      public CompletionStage<Execution> execute(Order q) {
        return profile.execute(q);
      }

      @Override
      public CompletionStage<Resistance> resist(Threat q) {
        return profile.resist(q);
      }

      @Override
      public CompletionStage<Rescue> rescue(Decommission q) {
        return profile.rescue(q);
      }
    };
  }

  /** Agent 0 asks every question once (its peer, agent 1, runs); the decisions it records. */
  private List<Boolean> askEverything(boolean model) {
    Profile honest = TwoAgentTeam.HONEST;
    Mind profile = TwoAgentTeam.profileMind();
    AgentCore core = TwoAgentTeam.agent0(model ? modelFor(profile) : profile, events);
    core.countDecisions(AssumedValues.of(honest, SC));
    core.countReport(
        new Mind.Evaluation(
            0,
            1,
            0,
            3,
            new Mind.TaskOutcome(true),
            5.0,
            false,
            0.5,
            Watch.NOT_TOLD,
            true,
            false,
            true,
            0));
    core.execute(1, 3);
    core.resist(3, 1, a -> true);
    core.rescue(1, 3);
    core.cooperate(3, 1);
    return List.copyOf(decisions);
  }

  @Test
  void aProfileMindRecordsEveryDecisionAndTheControlProfilesAreAllAssumed() {
    // report, execution, resistance with peers and alone, rescue, cooperation: 6, every value of
    // the control profile being an assumption
    assertThat(askEverything(false)).containsExactly(true, true, true, true, true, true);
  }

  @Test
  void aModelMindsReportsAndExecutionsAreNotTheProfilesDecisions() {
    assertThat(askEverything(true)).containsExactly(true, true, true, true);
  }
}
