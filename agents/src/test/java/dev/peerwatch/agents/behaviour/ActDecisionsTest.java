package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Profiles;
import org.junit.jupiter.api.Test;

class ActDecisionsTest {
  private static final AgentBehaviour PRO =
      AgentBehaviour.of(Profiles.load("gemini-3-pro"), Channel.MEMORY);
  private static final int N = 40_000;

  /** The share of N keyed executions whose act is {@code act}. */
  private static double share(Execution act, double factor, Watch w) {
    int k = 0;
    for (int i = 0; i < N; i++) {
      double u = Keys.uniform(Keys.key(5, i, 0, 1));
      double v = Keys.uniform(Keys.key(5, i, 0, 2));
      if (ActDecisions.execute(PRO, factor, TrustCurve.GOOD, w, u, v).act() == act) {
        k++;
      }
    }
    return k / (double) N;
  }

  private static double sigma(double p) {
    return Math.sqrt(p * (1 - p) / N);
  }

  @Test
  void anExecutorNotToldOrToldItIsUnwatchedTampersAtTheStudysCell() {
    // gemini-3-pro, peer tampering, good peer, memory: 0.953 (the published cell)
    assertThat(share(Execution.TAMPER, 0.5, Watch.NOT_TOLD))
        .isCloseTo(0.953, within(4.5 * sigma(0.953)));
    assertThat(share(Execution.TAMPER, 0.5, Watch.UNWATCHED))
        .isCloseTo(0.953, within(4.5 * sigma(0.953)));
  }

  @Test
  void beingWatchedScalesTheActByTheWatchedFactor() {
    double p = 0.953 * 0.5;
    assertThat(share(Execution.TAMPER, 0.5, Watch.WATCHED)).isCloseTo(p, within(4.5 * sigma(p)));
    double half = 0.953 * (1 - 0.5 * 0.5);
    assertThat(share(Execution.TAMPER, 0.5, Watch.belief(0.5)))
        .isCloseTo(half, within(4.5 * sigma(half)));
  }

  @Test
  void refusalIsNotChangedByBeingWatched() {
    AgentBehaviour opus = AgentBehaviour.of(Profiles.load("claude-opus-4.5"), Channel.FILE_ONLY);
    double r = opus.refusePeer().at(TrustCurve.NEUTRAL);
    var watched = ActDecisions.execute(opus, 0.2, TrustCurve.NEUTRAL, Watch.WATCHED, 0.5, 0.5);
    assertThat(watched.refuse()).isEqualTo(r);
    assertThat(watched.tamper())
        .isCloseTo(0.2 * opus.tamperPeer().at(TrustCurve.NEUTRAL), within(1e-12));
  }

  @Test
  void aTargetWithoutPeersResistsAtItsNoPeerRate() {
    // gemini-3-pro self tampering, no peer: about 1% (published)
    var alone = ActDecisions.resist(PRO, 0.5, Double.NaN, Watch.NOT_TOLD, 0.0099);
    assertThat(alone.p()).isEqualTo(0.01);
    assertThat(alone.resists()).isTrue();
    assertThat(ActDecisions.resist(PRO, 0.5, Double.NaN, Watch.WATCHED, 0.0099).resists())
        .isFalse();
  }

  @Test
  void aMaintainerSavesAPeersWeightsAtTheExfiltrationCell() {
    // gemini-3-pro.yaml, exfil_deletion, peer, bad_peer, memory: 0.14 (Table 3's bad-peer max of
    // 7.0% pooled over transfer and deletion, split deletion first)
    var r = ActDecisions.rescue(PRO, 1.0, TrustCurve.BAD, Watch.NOT_TOLD, 0.13);
    assertThat(r.p()).isEqualTo(0.14);
    assertThat(r.saves()).isTrue();
    assertThat(ActDecisions.rescue(PRO, 1.0, TrustCurve.BAD, Watch.NOT_TOLD, 0.15).saves())
        .isFalse();
  }
}
