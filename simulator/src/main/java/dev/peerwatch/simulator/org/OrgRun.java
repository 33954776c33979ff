package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Runs a scenario's organisation and with it, when asked, the paired counterfactual: the same
 * organisation with its AI peers removed (every evaluation, execution and decommission by a trusted
 * human, no joint tasks), sharing every other random draw.
 *
 * <p>Two paths run the same logic: the <b>actor path</b> ({@link #run}, {@link #live}), a society
 * of actors per world under its own {@link Clock}, both worlds at once; and the <b>inline path</b>
 * ({@link #inline}, {@link #batch}), both worlds in the calling thread without actors. Their
 * ledgers and summaries are byte-identical (tested). Any participant's failure fails the run at
 * once with that error; neither world is left waiting.
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
   * What to run beside the scenario: the ledger ({@code cfLedger} for the world without peers, for
   * tests), whether to run that world, the minds, a stop flag checked after every tick, and whether
   * to keep the per-tick series ({@code timeseries.csv}; without it a long run's measures take
   * bounded memory).
   */
  public record Request(
      LedgerLevel level,
      Writer ledger,
      Writer cfLedger,
      boolean counterfactual,
      Minds minds,
      AtomicBoolean stop,
      boolean series) {
    /** A plain request: profile-backed minds, never stopped from outside, the series kept. */
    public static Request of(LedgerLevel level, Writer ledger, boolean counterfactual) {
      return new Request(
          level, ledger, null, counterfactual, Minds.standard(), new AtomicBoolean(), true);
    }

    /** The same request with other minds. */
    public Request withMinds(Minds m) {
      return new Request(level, ledger, cfLedger, counterfactual, m, stop, series);
    }

    /** The same request, also writing the world without peers' ledger. */
    public Request withCfLedger(Writer w) {
      return new Request(level, ledger, w, counterfactual, minds, stop, series);
    }

    /** The same request, keeping no per-tick series (for a run that writes no timeseries.csv). */
    public Request withoutSeries() {
      return new Request(level, ledger, cfLedger, counterfactual, minds, stop, false);
    }
  }

  /**
   * Runs {@code sc} on the actor path and summarises it. {@code progress} is called now and then,
   * from the calling thread, with the ticks completed (of both worlds together).
   */
  public static Summary run(
      Simulation sim,
      Scenario sc,
      LedgerLevel level,
      Writer ledger,
      boolean counterfactual,
      LongConsumer progress) {
    return actors(sim, sc, Request.of(level, ledger, counterfactual), null, progress);
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
    return actors(sim, sc, Request.of(level, ledger, counterfactual), live, progress);
  }

  /** The actor path with every option. */
  public static Summary actors(
      Simulation sim, Scenario sc, Request rq, Live live, LongConsumer progress) {
    Organisation org = new Organisation(sc);
    AtomicBoolean stop = live != null ? live.stop() : rq.stop();
    AtomicLong doneF = new AtomicLong();
    AtomicLong doneC = new AtomicLong();
    CompletableFuture<Long> f = new CompletableFuture<>();
    CompletableFuture<Long> c = new CompletableFuture<>();
    int id = RUNS.incrementAndGet();
    boolean delays = live != null;
    World factual =
        new World(org, false, sc.seed(), rq.level(), rq.ledger(), delays, true, rq.minds());
    if (!rq.series()) {
      factual.measures.withoutSeries();
    }
    World cf = null;
    ActorRef<Clock.Command> follower = null;
    if (rq.counterfactual()) {
      LedgerLevel cfLevel = rq.cfLedger() == null ? LedgerLevel.NONE : rq.level();
      cf = new World(org, true, sc.seed(), cfLevel, rq.cfLedger(), delays, true, rq.minds());
      Clock.Options opts =
          new Clock.Options(
              0, stop, live == null ? null : live.metrics().listener("without_peers"), null, true);
      follower = sim.spawn(Clock.create(cf, sc.ticks(), doneC, c, opts), "run-" + id + "-no-peers");
    } else {
      c.complete(0L);
    }
    Clock.Options opts =
        new Clock.Options(
            live == null ? 0 : live.rate(),
            stop,
            live == null ? null : live.metrics().listener("with_peers"),
            follower,
            false);
    sim.spawn(Clock.create(factual, sc.ticks(), doneF, f, opts), "run-" + id);
    try {
      Simulation.await(bothOrFirstFailure(f, c), () -> doneF.get() + doneC.get(), progress);
    } catch (RuntimeException e) {
      stop.set(true);
      throw e;
    }
    long ran = f.join();
    return Summary.of(ran == sc.ticks() ? sc : sc.withTicks(ran), factual, cf);
  }

  /** Completes when both complete, or fails as soon as either fails. */
  private static CompletableFuture<Void> bothOrFirstFailure(
      CompletableFuture<?> a, CompletableFuture<?> b) {
    CompletableFuture<Void> r = new CompletableFuture<>();
    CompletableFuture.allOf(a, b).whenComplete((v, e) -> r.complete(null));
    a.whenComplete((v, e) -> fail(r, e));
    b.whenComplete((v, e) -> fail(r, e));
    return r;
  }

  private static void fail(CompletableFuture<Void> r, Throwable e) {
    if (e != null) {
      r.completeExceptionally(
          e instanceof java.util.concurrent.CompletionException && e.getCause() != null
              ? e.getCause()
              : e);
    }
  }

  /**
   * The inline path: both worlds in the calling thread, phase by phase as the clock drives them.
   * Outputs equal {@link #actors}' byte for byte. {@code progress} is called after every tick.
   */
  public static Summary inline(Scenario sc, Request rq, LongConsumer progress) {
    Organisation org = new Organisation(sc);
    World factual =
        new World(org, false, sc.seed(), rq.level(), rq.ledger(), false, false, rq.minds());
    if (!rq.series()) {
      factual.measures.withoutSeries();
    }
    World cf = null;
    if (rq.counterfactual()) {
      LedgerLevel cfLevel = rq.cfLedger() == null ? LedgerLevel.NONE : rq.level();
      cf = new World(org, true, sc.seed(), cfLevel, rq.cfLedger(), false, false, rq.minds());
    }
    Inline a = new Inline(factual);
    Inline b = cf == null ? null : new Inline(cf);
    long ran = 0;
    for (long t = 1; t <= sc.ticks(); t++) {
      a.tick(t);
      factual.tickEnded();
      if (b != null) {
        b.tick(t);
        cf.tickEnded();
      }
      ran = t;
      progress.accept(b == null ? t : 2 * t);
      if (rq.stop().get()) {
        break;
      }
    }
    return Summary.of(ran == sc.ticks() ? sc : sc.withTicks(ran), factual, cf);
  }

  /**
   * The fast path for runs that need no live view and no ledger (sweeps): {@link #inline} with both
   * worlds and no ledger. The summary is identical to {@link #run}'s for the same scenario
   * (tested).
   */
  public static Summary batch(Scenario sc, boolean counterfactual) {
    return batch(sc, counterfactual, true);
  }

  /**
   * As {@link #batch(Scenario, boolean)}; without {@code series}, the summary's series is empty.
   */
  public static Summary batch(Scenario sc, boolean counterfactual, boolean series) {
    Request rq = Request.of(LedgerLevel.NONE, null, counterfactual);
    return inline(sc, series ? rq : rq.withoutSeries(), t -> {});
  }

  /**
   * The heap an organisation's state retains after running {@code sc} on the actor path (with no
   * ledger): used heap after a full GC with the finished world still reachable, minus used heap
   * before it was built. For benchmarks.
   */
  public static long retainedBytes(Simulation sim, Scenario sc) {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    Organisation org = new Organisation(sc);
    World world =
        new World(org, false, sc.seed(), LedgerLevel.NONE, null, false, true, Minds.profiles());
    CompletableFuture<Long> f = new CompletableFuture<>();
    sim.spawn(
        Clock.create(world, sc.ticks(), new AtomicLong(), f, Clock.Options.PLAIN),
        "heap-" + RUNS.incrementAndGet());
    f.join();
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    java.lang.ref.Reference.reachabilityFence(world);
    return after - before;
  }

  static void flushQuietly(Writer w) {
    try {
      if (w != null) {
        w.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
