package dev.peerwatch.simulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The simulation clock, the one authority on time: it runs tick after tick, each in three steps
 * separated by barriers — every shard answers step 1 before step 2 starts, and step 2 before the
 * clock settles the tick itself. A tick never ends on a timeout. When the last tick is settled it
 * completes {@code done} and stops, and its shards with it.
 */
final class Clock extends AbstractBehavior<ShardActor.Done> {
  private final Engine engine;
  private final List<Shard> shards;
  private final List<ActorRef<ShardActor.Step>> actors = new ArrayList<>();
  private final long ticks;
  private final AtomicLong progress;
  private final CompletableFuture<Engine> done;
  private long tick = 1;
  private int step = 1;
  private int waiting;

  private Clock(
      ActorContext<ShardActor.Done> ctx,
      Engine engine,
      int shardCount,
      long ticks,
      AtomicLong progress,
      CompletableFuture<Engine> done) {
    super(ctx);
    this.engine = engine;
    this.ticks = ticks;
    this.progress = progress;
    this.done = done;
    this.shards = new ArrayList<>();
    int n = engine.org.n;
    int k = Math.max(1, Math.min(shardCount, n));
    for (int i = 0; i < k; i++) {
      Shard s =
          new Shard(
              (int) ((long) n * i / k), (int) ((long) n * (i + 1) / k), engine.org.profiles.size());
      shards.add(s);
      ActorRef<ShardActor.Step> a = ctx.spawn(ShardActor.create(engine, s, i), "shard-" + i);
      ctx.watch(a);
      actors.add(a);
    }
    startStep();
  }

  static Behavior<ShardActor.Done> create(
      Engine engine, int shards, long ticks, AtomicLong progress, CompletableFuture<Engine> done) {
    return Behaviors.setup(ctx -> new Clock(ctx, engine, shards, ticks, progress, done));
  }

  private void startStep() {
    if (step == 1) {
      engine.prepare(tick);
    }
    waiting = actors.size();
    for (ActorRef<ShardActor.Step> a : actors) {
      a.tell(new ShardActor.Step(tick, step, getContext().getSelf()));
    }
  }

  @Override
  public Receive<ShardActor.Done> createReceive() {
    return newReceiveBuilder()
        .onMessage(ShardActor.Done.class, this::onDone)
        .onSignal(Terminated.class, t -> fail())
        .build();
  }

  private Behavior<ShardActor.Done> fail() {
    done.completeExceptionally(new IllegalStateException("a shard of agents stopped unexpectedly"));
    return Behaviors.stopped();
  }

  private Behavior<ShardActor.Done> onDone(ShardActor.Done d) {
    if (--waiting > 0) {
      return this;
    }
    if (step == 1) {
      step = 2;
      startStep();
      return this;
    }
    try {
      engine.settle(tick, shards);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
      return Behaviors.stopped();
    }
    progress.set(tick);
    if (tick == ticks) {
      for (Shard s : shards) {
        engine.counters.add(s.counters);
      }
      done.complete(engine);
      return Behaviors.stopped();
    }
    tick++;
    step = 1;
    startStep();
    return this;
  }
}
