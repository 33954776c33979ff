package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.Keys;
import org.junit.jupiter.api.Test;

/**
 * An agent's draws are the addressed draws of (seed, entity, tick, purpose), whatever the order in
 * which they are asked for: the steps it keeps (its own entity, the tick it last drew in) must
 * never leak into another entity's or another tick's draw.
 */
class AgentDrawsTest {
  @Test
  void everyDrawIsTheKeyedDrawInAnyOrderOfTicksAndEntities() {
    OrgEvents none = TwoAgentTeam.noEvents();
    AgentCore a = TwoAgentTeam.agent0(TwoAgentTeam.profileMind(), none);
    long[][] asks = {
      {0, 1, AgentCore.TASK},
      {0, 1, AgentCore.COOPERATE},
      {1, 1, AgentCore.TASK}, // the partner's entity in the same tick
      {0, 2, AgentCore.TASK},
      {0, 1, AgentCore.CROSS}, // back to an earlier tick
      {7, 2, AgentCore.JOINT},
      {0, 2, AgentCore.COOPERATE},
      {0, 1_000_000, AgentCore.TASK},
      {0, 2, AgentCore.TASK},
    };
    for (long[] q : asks) {
      assertThat(a.u(q[0], q[1], q[2]))
          .as("entity %d, tick %d", q[0], q[1])
          .isEqualTo(Keys.uniform(Keys.key(1, q[0], q[1], q[2])));
    }
  }
}
