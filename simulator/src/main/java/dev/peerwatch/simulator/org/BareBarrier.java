package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.actor.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The yardstick of the actor path's speed: one actor per agent with trivial logic (count the tick)
 * behind a coordinator's barrier — a tick message to every agent, a reply from every agent — on the
 * same actor system and dispatcher. For benchmarks only.
 */
public final class BareBarrier extends AbstractBehavior<BareBarrier.Command> {
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** What the coordinator understands. */
  sealed interface Command permits Done {}

  /** An agent has counted the tick. */
  record Done(int agent) implements Command {}

  /** A tick for an agent. */
  record Tick(long tick, ActorRef<Command> replyTo) {}

  private final List<ActorRef<Tick>> agents = new ArrayList<>();
  private final long ticks;
  private final CompletableFuture<Long> done;
  private long tick = 1;
  private int waiting;

  private BareBarrier(ActorContext<Command> ctx, int n, long ticks, CompletableFuture<Long> done) {
    super(ctx);
    this.ticks = ticks;
    this.done = done;
    for (int a = 0; a < n; a++) {
      agents.add(ctx.spawn(agent(a, new long[1]), "a" + a));
    }
    start();
  }

  private static Behavior<Tick> agent(int id, long[] count) {
    return Behaviors.receiveMessage(
        t -> {
          count[0]++;
          t.replyTo().tell(new Done(id));
          return Behaviors.same();
        });
  }

  private void start() {
    waiting = agents.size();
    Tick t = new Tick(tick, getContext().getSelf());
    for (ActorRef<Tick> a : agents) {
      a.tell(t);
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder().onMessage(Done.class, d -> onDone()).build();
  }

  private Behavior<Command> onDone() {
    if (--waiting > 0) {
      return this;
    }
    if (tick == ticks) {
      done.complete(tick);
      return Behaviors.stopped();
    }
    tick++;
    start();
    return this;
  }

  /** Runs {@code n} trivial agents for {@code ticks} ticks; the seconds it took. */
  public static double seconds(Simulation sim, int n, long ticks) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    long t0 = System.nanoTime();
    sim.spawn(
        Behaviors.<Command>setup(ctx -> new BareBarrier(ctx, n, ticks, done)),
        "bare-" + RUNS.incrementAndGet());
    done.join();
    return (System.nanoTime() - t0) / 1e9;
  }
}
