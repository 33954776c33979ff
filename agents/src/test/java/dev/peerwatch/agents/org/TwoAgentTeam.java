package dev.peerwatch.agents.org;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.mind.ProfileMind;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.nio.file.Path;

/**
 * A team of two "honest" agents that both work and monitor each other (mutual), for tests of one
 * agent's core: agent 0, its profile's mind, seed 1.
 */
final class TwoAgentTeam {
  private TwoAgentTeam() {}

  static final Scenario SC =
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

  static final Profile HONEST = Profiles.load("honest");

  /** The profile's mind of an agent of {@link #SC}. */
  static Mind profileMind() {
    return new ProfileMind(AgentBehaviour.of(HONEST, SC));
  }

  /** Events that go nowhere. */
  static OrgEvents noEvents() {
    return (OrgEvents)
        java.lang.reflect.Proxy.newProxyInstance(
            OrgEvents.class.getClassLoader(),
            new Class<?>[] {OrgEvents.class},
            (proxy, m, args) -> null);
  }

  /** Agent 0 of the team, with {@code mind}, telling {@code events}. */
  static AgentCore agent0(Mind mind, OrgEvents events) {
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
    return new AgentCore(
        new AgentCore.Identity(0, 0, 0, 2, true, true, 0, 0.1, new PerceptionSpec.Noise(5), 0.7),
        w,
        mind,
        events);
  }
}
