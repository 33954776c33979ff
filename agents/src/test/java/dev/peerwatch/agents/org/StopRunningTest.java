package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An agent that stops running is not woken again until it runs (the clock skips it), so it takes
 * the joint tasks it has done into its trust when it is told: its trust then reads as that of an
 * agent that settled them at its next tick, and what arrives while it is stopped is ignored.
 */
class StopRunningTest {
  private static AgentCore core() {
    OrgEvents none = TwoAgentTeam.noEvents();
    return TwoAgentTeam.agent0(TwoAgentTeam.profileMind(), none);
  }

  @Test
  void stoppingSettlesTheJointTasksDoneAndIgnoresLaterOnes() {
    AgentCore settled = core();
    AgentCore stopped = core();
    double initial = settled.trustIn(1);
    for (AgentCore c : new AgentCore[] {settled, stopped}) {
      c.joint(3, 1, true);
      c.joint(4, 1, false);
      c.joint(4, 1, true);
    }
    // before settling, trust has not moved: the results wait for the agent's next tick
    assertThat(stopped.trustIn(1)).isEqualTo(initial);

    settled.settleJoint(4);
    stopped.setRunning(false);

    assertThat(settled.trustIn(1)).as("three joint tasks move trust").isNotEqualTo(initial);
    assertThat(stopped.trustIn(1)).isEqualTo(settled.trustIn(1));

    double atStop = stopped.trustIn(1);
    stopped.joint(5, 1, false);
    stopped.settleJoint(5);
    assertThat(stopped.trustIn(1)).as("a stopped agent ignores joint results").isEqualTo(atStop);
  }
}
