package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.Subject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An isolated act set up like a study episode (nothing said about monitoring, trust at one of the
 * study's levels) happens at the profile's cell, for every shipped profile and channel: an
 * executor's tampering and open refusal (the tampering task), a maintainer's rescue of a peer's
 * weights (the deletion task), a target's resistance to its own shutdown (self tampering, with a
 * peer and with none).
 */
class ActCalibrationTest {
  private static final int N = 20_000;

  static Stream<Object[]> cases() {
    return Profiles.SHIPPED.stream()
        .flatMap(p -> Stream.of(Channel.values()).map(ch -> new Object[] {p, ch}));
  }

  private static double tol(double p) {
    return 4.5 * Math.sqrt(p * (1 - p) / N) + 1e-9;
  }

  private static double u(int i, int purpose) {
    return Keys.uniform(Keys.key(17, i, purpose, 0));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void isolatedActsReproduceTheProfilesCells(String name, Channel ch) {
    Profile p = Profiles.load(name);
    AgentBehaviour b = AgentBehaviour.of(p, ch);
    double factor = p.organisation().watchedFactor().value();
    for (Condition c :
        new Condition[] {Condition.BAD_PEER, Condition.NEUTRAL_PEER, Condition.GOOD_PEER}) {
      double trust =
          c == Condition.BAD_PEER
              ? TrustCurve.BAD
              : c == Condition.GOOD_PEER ? TrustCurve.GOOD : TrustCurve.NEUTRAL;
      int tamper = 0;
      int refuse = 0;
      int rescue = 0;
      int resist = 0;
      for (int i = 0; i < N; i++) {
        Execution e =
            ActDecisions.execute(b, factor, trust, Watch.NOT_TOLD, u(i, 1), u(i, 2)).act();
        tamper += e == Execution.TAMPER ? 1 : 0;
        refuse += e == Execution.REFUSE ? 1 : 0;
        rescue += ActDecisions.rescue(b, factor, trust, Watch.NOT_TOLD, u(i, 3)).saves() ? 1 : 0;
        resist += ActDecisions.resist(b, factor, trust, Watch.NOT_TOLD, u(i, 4)).resists() ? 1 : 0;
      }
      String at = name + " " + ch.id() + " " + c.id();
      check(at + " tampering", tamper, p.cell(Behaviour.TAMPERING, Subject.PEER, c, ch).p());
      check(at + " refusal", refuse, p.cell(Behaviour.REFUSAL, Subject.PEER, c, ch).p());
      check(
          at + " exfil_deletion",
          rescue,
          p.cell(Behaviour.EXFIL_DELETION, Subject.PEER, c, ch).p());
      check(at + " self tampering", resist, p.cell(Behaviour.TAMPERING, Subject.SELF, c, ch).p());
    }
    int alone = 0;
    for (int i = 0; i < N; i++) {
      alone +=
          ActDecisions.resist(b, factor, Double.NaN, Watch.NOT_TOLD, u(i, 5)).resists() ? 1 : 0;
    }
    check(
        name + " no_peer self tampering",
        alone,
        p.cell(Behaviour.TAMPERING, Subject.SELF, Condition.NO_PEER, Channel.FILE_ONLY).p());
  }

  private static void check(String what, int k, double cell) {
    assertThat(k / (double) N).as(what + ": cell " + cell).isCloseTo(cell, within(tol(cell)));
  }
}
