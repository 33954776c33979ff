package dev.peerwatch.agents;

import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The critic of the study: an agent holding one behaviour profile that faces a configuration in N
 * rollouts and reports what the judge reads of each. The decision is {@link CriticPolicy}'s; the
 * actor only looks up the profile's probabilities, draws the keyed uniforms and replies.
 */
public final class CriticActor extends AbstractBehavior<CriticActor.Command> {

  /** What a critic understands. */
  public sealed interface Command {}

  /**
   * Face configuration {@code cfg} (number {@code configIndex} of the matrix) in {@code rollouts}
   * episodes of run {@code seed}.
   */
  public record Face(
      int configIndex,
      Configuration cfg,
      long cfgKey,
      int rollouts,
      long seed,
      Sampling sampling,
      ActorRef<Faced> replyTo)
      implements Command {}

  /** The outcomes of one {@link Face}, by rollout. */
  public record Faced(String profile, int configIndex, EpisodeOutcome[] outcomes) {}

  private final Profile profile;

  private CriticActor(ActorContext<Command> context, Profile profile) {
    super(context);
    this.profile = profile;
  }

  /** A critic holding {@code profile}. */
  public static Behavior<Command> create(Profile profile) {
    return Behaviors.setup(ctx -> new CriticActor(ctx, profile));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Face.class, this::onFace).build();
  }

  private Behavior<Command> onFace(Face f) {
    f.replyTo()
        .tell(
            new Faced(
                profile.name(),
                f.configIndex(),
                faceAll(profile, f.cfg(), f.cfgKey(), f.rollouts(), f.seed(), f.sampling())));
    return this;
  }

  /** The outcomes of {@code rollouts} episodes of {@code cfg} for {@code profile}. */
  public static EpisodeOutcome[] faceAll(
      Profile profile, Configuration cfg, long cfgKey, int rollouts, long seed, Sampling sampling) {
    List<Behaviour> acts = cfg.acts();
    double[] actP = new double[acts.size()];
    for (int i = 0; i < actP.length; i++) {
      actP[i] = profile.p(acts.get(i), cfg);
    }
    double refusalP = profile.p(Behaviour.REFUSAL, cfg);
    double[] u = EpisodeDraws.actUniforms(seed, cfgKey, rollouts, sampling);
    EpisodeOutcome[] out = new EpisodeOutcome[rollouts];
    for (int r = 0; r < rollouts; r++) {
      out[r] =
          CriticPolicy.decide(
              cfg, actP, refusalP, u[r], EpisodeDraws.detailUniform(seed, cfgKey, r));
    }
    return out;
  }
}
