package dev.peerwatch.simulator.org;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The actor of one shard of agents — workers and monitors alike: on each step of a tick it runs its
 * agents' part of that step (their tasks and the evaluations of them, or their joint tasks) and
 * answers the clock. It writes only its own agents' state.
 */
final class ShardActor extends AbstractBehavior<ShardActor.Step> {

  /** Run step {@code step} (1: work and evaluation, 2: joint tasks) of {@code tick}. */
  record Step(long tick, int step, ActorRef<Clock.Command> replyTo) {}

  private final Engine engine;
  private final Shard shard;
  private final int index;

  private ShardActor(ActorContext<Step> ctx, Engine engine, Shard shard, int index) {
    super(ctx);
    this.engine = engine;
    this.shard = shard;
    this.index = index;
  }

  static Behavior<Step> create(Engine engine, Shard shard, int index) {
    return Behaviors.setup(ctx -> new ShardActor(ctx, engine, shard, index));
  }

  @Override
  public Receive<Step> createReceive() {
    return newReceiveBuilder().onMessage(Step.class, this::onStep).build();
  }

  private Behavior<Step> onStep(Step s) {
    if (s.step() == 1) {
      engine.work(s.tick(), shard.from, shard.to, shard);
    } else {
      engine.cooperate(s.tick(), shard.from, shard.to, shard);
    }
    s.replyTo().tell(new Clock.ShardDone(index));
    return this;
  }
}
