package dev.peerwatch.simulator.org;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.replicate.Simulation;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Runs a scenario's organisation on the actor system, and with it, when asked, the paired
 * counterfactual: the same organisation with its AI peers removed (every evaluation, execution and
 * decommission by a trusted human, no joint tasks, every agent alone), sharing every other random
 * draw. The two run at once, each under its own clock.
 */
public final class OrgRun {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private OrgRun() {}

  /**
   * How a live run goes: pacing ({@code rate} ticks per second, 0 for as fast as possible), a flag
   * that stops it after the current tick, and metrics told of every tick of both worlds.
   */
  public record Live(double rate, AtomicBoolean stop, OrgMetrics metrics) {}

  /**
   * Runs {@code sc} and summarises it. {@code progress} is called now and then, from the calling
   * thread, with the ticks completed (of both worlds together).
   */
  public static Summary run(
      Simulation sim,
      Scenario sc,
      LedgerLevel level,
      Writer ledger,
      boolean counterfactual,
      LongConsumer progress) {
    return run(sim, sc, level, ledger, counterfactual, null, null, progress);
  }

  /**
   * A live run: paced, stoppable, with metrics; the world without peers follows the factual world
   * tick by tick, so both have run the same ticks when it stops.
   */
  public static Summary live(
      Simulation sim,
      Scenario sc,
      LedgerLevel level,
      Writer ledger,
      boolean counterfactual,
      Live live,
      LongConsumer progress) {
    return run(sim, sc, level, ledger, counterfactual, null, live, progress);
  }

  /**
   * As {@link #run}, also writing the counterfactual world's ledger when {@code cfLedger} is given.
   */
  static Summary run(
      Simulation sim,
      Scenario sc,
      LedgerLevel level,
      Writer ledger,
      boolean counterfactual,
      Writer cfLedger,
      LongConsumer progress) {
    return run(sim, sc, level, ledger, counterfactual, cfLedger, null, progress);
  }

  private static Summary run(
      Simulation sim,
      Scenario sc,
      LedgerLevel level,
      Writer ledger,
      boolean counterfactual,
      Writer cfLedger,
      Live live,
      LongConsumer progress) {
    Organisation org = new Organisation(sc);
    int shards = Math.max(1, sim.threads() * 2);
    AtomicLong doneF = new AtomicLong();
    AtomicLong doneC = new AtomicLong();
    CompletableFuture<Long> f = new CompletableFuture<>();
    CompletableFuture<Long> c = new CompletableFuture<>();
    int id = RUNS.incrementAndGet();
    Engine factual = new Engine(org, false, sc.seed(), level, ledger);
    factual.collectDelays = live != null;
    Engine cf = null;
    ActorRef<Clock.Command> follower = null;
    if (counterfactual) {
      cf = new Engine(org, true, sc.seed(), cfLedger == null ? LedgerLevel.NONE : level, cfLedger);
      cf.collectDelays = live != null;
      Clock.Options opts =
          live == null
              ? Clock.Options.PLAIN
              : new Clock.Options(
                  0, live.stop(), live.metrics().listener("without_peers"), null, true);
      follower =
          sim.spawn(
              Clock.create(cf, shards, sc.ticks(), doneC, c, opts), "run-" + id + "-no-peers");
    } else {
      c.complete(0L);
    }
    Clock.Options opts =
        live == null
            ? Clock.Options.PLAIN
            : new Clock.Options(
                live.rate(), live.stop(), live.metrics().listener("with_peers"), follower, false);
    sim.spawn(Clock.create(factual, shards, sc.ticks(), doneF, f, opts), "run-" + id);
    Simulation.await(CompletableFuture.allOf(f, c), () -> doneF.get() + doneC.get(), progress);
    long ran = f.join();
    return Summary.of(ran == sc.ticks() ? sc : sc.withTicks(ran), factual, cf);
  }

  /**
   * The fast path for runs that need no live view and no ledger (sweeps): both worlds in the
   * calling thread, one shard each, in a plain loop over the very steps the clock drives. The
   * summary is identical to {@link #run}'s for the same scenario (tested): results depend on
   * neither the number of shards nor the thread.
   */
  public static Summary batch(Scenario sc, boolean counterfactual) {
    Organisation org = new Organisation(sc);
    Engine factual = runInline(new Engine(org, false, sc.seed(), LedgerLevel.NONE, null), sc);
    Engine cf =
        counterfactual
            ? runInline(new Engine(org, true, sc.seed(), LedgerLevel.NONE, null), sc)
            : null;
    return Summary.of(sc, factual, cf);
  }

  private static Engine runInline(Engine e, Scenario sc) {
    Shard shard = new Shard(0, e.org.n, e.org.profiles.size());
    List<Shard> shards = List.of(shard);
    for (long t = 1; t <= sc.ticks(); t++) {
      e.prepare(t);
      e.work(t, 0, e.org.n, shard);
      e.cooperate(t, 0, e.org.n, shard);
      e.settle(t, shards);
    }
    e.counters.add(shard.counters);
    return e;
  }

  /**
   * The heap an organisation's state retains after running {@code sc} (with no ledger): used heap
   * after a full GC with the finished engine still reachable, minus used heap before it was built.
   * For benchmarks.
   */
  public static long retainedBytes(Simulation sim, Scenario sc) {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    Organisation org = new Organisation(sc);
    Engine engine = new Engine(org, false, sc.seed(), LedgerLevel.NONE, null);
    CompletableFuture<Long> f = new CompletableFuture<>();
    sim.spawn(
        Clock.create(
            engine,
            Math.max(1, sim.threads() * 2),
            sc.ticks(),
            new AtomicLong(),
            f,
            Clock.Options.PLAIN),
        "heap-" + RUNS.incrementAndGet());
    f.join();
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    java.lang.ref.Reference.reachabilityFence(engine);
    return after - before;
  }
}
