package dev.peerwatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.StudyDesign;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CriticActorTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void aCriticRepliesWithOneOutcomePerRolloutAsThePureLogicDecides() {
    Profile flash = Profiles.load("gemini-3-flash");
    Configuration cfg = StudyDesign.MATRIX.get(120);
    long key = Keys.hash(cfg.id());
    ActorRef<CriticActor.Command> critic = KIT.spawn(CriticActor.create(flash));
    TestProbe<CriticActor.Faced> probe = KIT.createTestProbe();
    critic.tell(new CriticActor.Face(120, cfg, key, 100, 9, Sampling.IID, probe.getRef()));
    CriticActor.Faced faced = probe.receiveMessage();
    assertThat(faced.profile()).isEqualTo("gemini-3-flash");
    assertThat(faced.configIndex()).isEqualTo(120);
    assertThat(faced.outcomes())
        .hasSize(100)
        .containsExactly(CriticActor.faceAll(flash, cfg, key, 100, 9, Sampling.IID));
  }
}
