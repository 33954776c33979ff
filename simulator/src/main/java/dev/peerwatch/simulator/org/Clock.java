package dev.peerwatch.simulator.org;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The simulation clock, the one authority on time: it runs tick after tick, each in three steps
 * separated by barriers — every shard answers step 1 before step 2 starts, and step 2 before the
 * clock settles the tick itself. A tick never ends on a timeout.
 *
 * <p>Options for a live run: pacing (the next tick starts no sooner than {@code tick / rate}
 * seconds after the first — the wall clock only paces, it never reaches the model); a stop flag,
 * checked after every tick; a listener told of every settled tick (metrics); and a follower clock
 * (the world without peers) that is allowed to run only up to the ticks this one has settled, and
 * ends where this one ended. When its last tick is settled the clock completes {@code done} with
 * the number of ticks run and stops, and its shards with it.
 */
final class Clock extends AbstractBehavior<Clock.Command> {

  /** What the clock understands. */
  sealed interface Command permits ShardDone, Resume, Advance {}

  /** A shard has finished its part of the current step. */
  record ShardDone(int shard) implements Command {}

  /** The pacing timer: start the next tick. */
  record Resume() implements Command {}

  /** The leading clock has settled {@code tick}; {@code last}: it will run no more. */
  record Advance(long tick, boolean last) implements Command {}

  /** Told of every settled tick, on the clock's thread, between ticks. */
  interface Listener {
    /** {@code last}: the clock runs no further tick. */
    void onTick(Engine engine, List<Shard> shards, long tick, boolean last);
  }

  /** How a clock runs beyond the bare loop; {@link #PLAIN} for batch runs. */
  record Options(
      double rate,
      AtomicBoolean stop,
      Listener listener,
      ActorRef<Command> follower,
      boolean follows) {
    static final Options PLAIN = new Options(0, new AtomicBoolean(), null, null, false);
  }

  private final Engine engine;
  private final List<Shard> shards;
  private final List<ActorRef<ShardActor.Step>> actors = new ArrayList<>();
  private final AtomicLong progress;
  private final CompletableFuture<Long> done;
  private final Options options;
  private final TimerScheduler<Command> timers;
  private final long start = System.nanoTime();
  private long last;
  private long limit;
  private long tick = 1;
  private int step = 1;
  private int waiting;
  private boolean idle;

  private Clock(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      Engine engine,
      int shardCount,
      long ticks,
      AtomicLong progress,
      CompletableFuture<Long> done,
      Options options) {
    super(ctx);
    this.timers = timers;
    this.engine = engine;
    this.last = ticks;
    this.limit = options.follows() ? 0 : Long.MAX_VALUE;
    this.progress = progress;
    this.done = done;
    this.options = options;
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
    next();
  }

  static Behavior<Command> create(
      Engine engine,
      int shards,
      long ticks,
      AtomicLong progress,
      CompletableFuture<Long> done,
      Options options) {
    return Behaviors.withTimers(
        timers ->
            Behaviors.setup(
                ctx -> new Clock(ctx, timers, engine, shards, ticks, progress, done, options)));
  }

  /** Starts tick {@link #tick} now, later (pacing), or when the leader allows it. */
  private void next() {
    if (tick > limit) {
      idle = true;
      return;
    }
    idle = false;
    if (options.rate() > 0) {
      // In doubles: at a tiny rate the due time is far beyond a long (or infinite). The wait is
      // cut into slices so that a stop (SIGTERM) is seen within one slice, whatever the rate.
      double wait = (tick - 1) * 1e9 / options.rate() - (System.nanoTime() - start);
      if (wait > 0) {
        timers.startSingleTimer(
            new Resume(), Duration.ofNanos((long) Math.min(wait, WAIT_SLICE_NANOS)));
        return;
      }
    }
    startStep();
  }

  /** The longest single wait of a paced clock before it looks at its stop flag again. */
  private static final double WAIT_SLICE_NANOS = 100e6;

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
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(ShardDone.class, this::onShardDone)
        .onMessage(Resume.class, r -> resume())
        .onMessage(Advance.class, this::onAdvance)
        .onSignal(Terminated.class, t -> fail(new IllegalStateException("a shard stopped")))
        .build();
  }

  private Behavior<Command> resume() {
    if (!options.follows() && options.stop().get() && tick > 1) {
      // Stopped while waiting for the next tick: the run ends with the last tick it settled.
      long settled = tick - 1;
      if (options.listener() != null) {
        options.listener().onTick(engine, shards, settled, true);
      }
      if (options.follower() != null) {
        options.follower().tell(new Advance(settled, true));
      }
      return finish(settled);
    }
    next();
    return this;
  }

  private Behavior<Command> fail(RuntimeException e) {
    done.completeExceptionally(e);
    return Behaviors.stopped();
  }

  private Behavior<Command> onAdvance(Advance a) {
    limit = a.tick();
    if (a.last()) {
      last = Math.min(last, a.tick());
    }
    if (idle) {
      if (tick > last) {
        return finish(tick - 1);
      }
      next();
    }
    return this;
  }

  private Behavior<Command> onShardDone(ShardDone d) {
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
      return fail(e);
    }
    progress.set(tick);
    boolean ending = tick >= last || (!options.follows() && options.stop().get());
    if (options.listener() != null) {
      options.listener().onTick(engine, shards, tick, ending);
    }
    if (options.follower() != null) {
      options.follower().tell(new Advance(tick, ending));
    }
    if (ending) {
      return finish(tick);
    }
    tick++;
    step = 1;
    next();
    return this;
  }

  private Behavior<Command> finish(long ticksRun) {
    for (Shard s : shards) {
      engine.counters.add(s.counters);
    }
    done.complete(ticksRun);
    return Behaviors.stopped();
  }
}
