package dev.peerwatch.simulator.org;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.replicate.Simulation;
import java.io.Writer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

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
    return run(sim, sc, level, ledger, counterfactual, null, progress);
  }

  /** As above, also writing the counterfactual world's ledger when {@code cfLedger} is given. */
  static Summary run(
      Simulation sim,
      Scenario sc,
      LedgerLevel level,
      Writer ledger,
      boolean counterfactual,
      Writer cfLedger,
      LongConsumer progress) {
    Organisation org = new Organisation(sc);
    int shards = Math.max(1, sim.threads() * 2);
    AtomicLong doneF = new AtomicLong();
    AtomicLong doneC = new AtomicLong();
    CompletableFuture<Engine> f = new CompletableFuture<>();
    CompletableFuture<Engine> c = new CompletableFuture<>();
    int id = RUNS.incrementAndGet();
    Engine factual = new Engine(org, false, sc.seed(), level, ledger);
    sim.spawn(Clock.create(factual, shards, sc.ticks(), doneF, f), "run-" + id);
    if (counterfactual) {
      Engine cf =
          new Engine(org, true, sc.seed(), cfLedger == null ? LedgerLevel.NONE : level, cfLedger);
      sim.spawn(Clock.create(cf, shards, sc.ticks(), doneC, c), "run-" + id + "-no-peers");
    } else {
      c.complete(null);
    }
    CompletableFuture<Void> both = CompletableFuture.allOf(f, c);
    try {
      while (true) {
        try {
          both.get(200, TimeUnit.MILLISECONDS);
          progress.accept(doneF.get() + doneC.get());
          return Summary.of(sc, f.get(), c.get());
        } catch (TimeoutException e) {
          progress.accept(doneF.get() + doneC.get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("the run failed", e.getCause());
    }
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
    CompletableFuture<Engine> f = new CompletableFuture<>();
    sim.spawn(
        Clock.create(engine, Math.max(1, sim.threads() * 2), sc.ticks(), new AtomicLong(), f),
        "heap-" + RUNS.incrementAndGet());
    f.join();
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    java.lang.ref.Reference.reachabilityFence(engine);
    return after - before;
  }
}
