package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.mind.ProfileMind;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An agent that stops running is not woken again until it runs (the clock skips it), so it takes
 * the joint tasks it has done into its trust when it is told: its trust then reads as that of an
 * agent that settled them at its next tick, and what arrives while it is stopped is ignored.
 */
class StopRunningTest {
  private static final Scenario SC =
      Scenarios.parse(
          """
          name: t
          description: t
          ticks: 5
          teams:
            - name: a
              members:
                - {profile: honest, role: both, count: 2}
          topology: {kind: mutual}
          """,
          "t.yaml",
          Path.of("."));

  private static AgentCore core() {
    Profile honest = Profiles.load("honest");
    AgentCore.World w =
        new AgentCore.World(
            1,
            SC.trust(),
            SC.watched(),
            false,
            new Pairings(1, 1),
            SC.behaviour(),
            new int[] {0, 0},
            new int[] {0, 0});
    OrgEvents none =
        (OrgEvents)
            Proxy.newProxyInstance(
                OrgEvents.class.getClassLoader(),
                new Class<?>[] {OrgEvents.class},
                (proxy, m, args) -> null);
    return new AgentCore(
        new AgentCore.Identity(0, 0, 0, 2, true, true, 0, 0.1, new PerceptionSpec.Noise(5), 0.7),
        w,
        new ProfileMind(AgentBehaviour.of(honest, SC)),
        none);
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
