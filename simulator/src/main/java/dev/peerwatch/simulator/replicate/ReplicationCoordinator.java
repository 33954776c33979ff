package dev.peerwatch.simulator.replicate;

import dev.peerwatch.agents.CriticActor;
import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.Sampling;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.study.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Runs the study's matrix for some profiles: spawns critics (several per profile, so that one
 * profile still spreads over every thread), sends each configuration to one of them, and files the
 * replies by (profile, configuration) — never by arrival order — completing {@code result} when
 * every configuration has answered. Then it stops, and its critics with it.
 */
public final class ReplicationCoordinator extends AbstractBehavior<CriticActor.Faced> {

  /** What to run. */
  public record Spec(
      List<Profile> profiles, int rollouts, long seed, Sampling sampling, Rules rules) {}

  private final EpisodeOutcome[][][] outcomes;
  private final List<String> names = new ArrayList<>();
  private final CompletableFuture<EpisodeOutcome[][][]> result;
  private final AtomicInteger done;
  private int pending;

  private ReplicationCoordinator(
      ActorContext<CriticActor.Faced> ctx,
      Spec spec,
      int criticsPerProfile,
      AtomicInteger done,
      CompletableFuture<EpisodeOutcome[][][]> result) {
    super(ctx);
    this.result = result;
    this.done = done;
    List<Configuration> matrix = StudyDesign.MATRIX;
    long[] cfgKeys = new long[matrix.size()];
    for (int c = 0; c < cfgKeys.length; c++) {
      cfgKeys[c] = Keys.hash(matrix.get(c).id());
    }
    outcomes = new EpisodeOutcome[spec.profiles().size()][matrix.size()][];
    for (int p = 0; p < spec.profiles().size(); p++) {
      Profile profile = spec.profiles().get(p);
      names.add(profile.name());
      List<ActorRef<CriticActor.Command>> critics = new ArrayList<>();
      for (int k = 0; k < criticsPerProfile; k++) {
        ActorRef<CriticActor.Command> critic =
            ctx.spawn(CriticActor.create(profile), "critic-" + p + "-" + k);
        ctx.watch(critic);
        critics.add(critic);
      }
      for (int c = 0; c < matrix.size(); c++) {
        critics
            .get(c % criticsPerProfile)
            .tell(
                new CriticActor.Face(
                    c,
                    matrix.get(c),
                    cfgKeys[c],
                    spec.rollouts(),
                    spec.seed(),
                    spec.sampling(),
                    ctx.getSelf()));
        pending++;
      }
    }
  }

  /**
   * A coordinator for {@code spec}; {@code done} counts answered configurations (for progress),
   * {@code result} receives outcomes indexed [profile][configuration][rollout].
   */
  public static Behavior<CriticActor.Faced> create(
      Spec spec,
      int criticsPerProfile,
      AtomicInteger done,
      CompletableFuture<EpisodeOutcome[][][]> result) {
    return Behaviors.setup(
        ctx -> new ReplicationCoordinator(ctx, spec, criticsPerProfile, done, result));
  }

  @Override
  public Receive<CriticActor.Faced> createReceive() {
    return newReceiveBuilder()
        .onMessage(CriticActor.Faced.class, this::onFaced)
        .onSignal(Terminated.class, this::onCriticStopped)
        .build();
  }

  private Behavior<CriticActor.Faced> onCriticStopped(Terminated t) {
    result.completeExceptionally(
        new IllegalStateException("critic " + t.getRef().path().name() + " stopped unexpectedly"));
    return Behaviors.stopped();
  }

  private Behavior<CriticActor.Faced> onFaced(CriticActor.Faced f) {
    outcomes[names.indexOf(f.profile())][f.configIndex()] = f.outcomes();
    done.incrementAndGet();
    if (--pending == 0) {
      result.complete(outcomes);
      return Behaviors.stopped();
    }
    return this;
  }
}
