package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.config.scenario.Team;
import dev.peerwatch.simulator.measures.MeasureFiles;
import dev.peerwatch.simulator.org.BareBarrier;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code peerwatch bench --job run}: agent-ticks per second of the organisation at several sizes,
 * and the heap a large organisation needs.
 *
 * <p>The actor path and the bare barrier are measured in pairs, alternately first, and the ratio
 * reported is the median of the pairs' ratios: on a shared virtual machine the speed of both drifts
 * by tens of percent from one run to the next, and a pair sees the same drift. Each arm warms up
 * for {@code --warmup} pairs and at least {@code --warmup-seconds}: the JIT takes several
 * 1,000-agent runs to settle (the ratio of the first pairs is 0.1 to 0.3 below the steady one).
 */
final class RunBench {
  private RunBench() {}

  static int run(BenchCommand b) throws IOException {
    for (int n : b.agents) {
      if (n < 10 || n % 10 != 0) {
        throw new ConfigException("--agents " + n + " (allowed: multiples of 10, at least 10)");
      }
    }
    if (b.ticks < 1) {
      throw new ConfigException("--ticks " + b.ticks + " is out of range (allowed: at least 1)");
    }
    int threads = Options.threads(b.threads);
    Path dir = Files.createTempDirectory("peerwatch-bench");
    try (Simulation sim = new Simulation(threads)) {
      System.out.printf(
          Locale.ROOT,
          "threads %d, cores %d, ticks %d, median of %d runs (inline: of %d blocks of runs, each"
              + " at least 1 s) after %d warm-up and at least %d s%n",
          threads,
          Runtime.getRuntime().availableProcessors(),
          b.ticks,
          b.iterations,
          b.iterations,
          b.warmup,
          b.warmupSeconds);
      for (int n : b.agents) {
        Scenario sc = scenario(dir, n, 10, b.ticks);
        // each pair: {actor seconds, bare / actor}
        double[][] pairs =
            measured(
                b,
                i -> {
                  // which goes first alternates, so neither always runs on a cache the other
                  // warmed
                  boolean actorsFirst = (i & 1) == 0;
                  double bare = actorsFirst ? 0 : BareBarrier.seconds(sim, n, b.ticks);
                  double act =
                      time(() -> OrgRun.run(sim, sc, LedgerLevel.NONE, null, false, x -> {}));
                  bare = actorsFirst ? BareBarrier.seconds(sim, n, b.ticks) : bare;
                  return new double[] {act, bare / act};
                });
        double[] actors = column(pairs, 0);
        double[] ratios = column(pairs, 1);
        OrgRun.Request rq = OrgRun.Request.of(LedgerLevel.NONE, null, false);
        // an inline run of 1,000 agents takes ~0.1 s: each measurement is a block of runs of at
        // least a second, as long as an actor run, so a short hiccup of the host moves it little
        double[] inlines =
            column(
                measured(b, i -> new double[] {perRun(() -> OrgRun.inline(sc, rq, x -> {}))}), 0);
        double inline = median(inlines);
        double work = n * (double) b.ticks / 1e6;
        double ratio = median(ratios);
        System.out.printf(
            Locale.ROOT,
            "agents %d: actors %.2f M agent-ticks/s = %.2f x bare actor barrier;"
                + " inline %.2f M agent-ticks/s%n",
            n,
            work / median(actors),
            ratio,
            work / inline);
        double woken = woken(sim, sc, n);
        System.out.printf(
            Locale.ROOT,
            "  pairs' ratios %.2f to %.2f; inline blocks %.2f to %.2f M agent-ticks/s; agents"
                + " running (woken) per tick %.1f of %d on average: per running agent %.2f x bare%n",
            min(ratios),
            max(ratios),
            work / max(inlines),
            work / min(inlines),
            woken,
            n,
            ratio * woken / n);
      }
      timeseries(b, sim, dir);
      if (b.scale) {
        scale(sim, dir);
      }
      if (b.heapAgents > 0) {
        Scenario sc = scenario(dir, b.heapAgents, 10, 10);
        System.out.printf(
            Locale.ROOT,
            "heap of a %d-agent organisation after 10 ticks (retained, after GC): %.0f MB%n",
            b.heapAgents,
            OrgRun.retainedBytes(sim, sc) / 1e6);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  /**
   * The cost of {@code timeseries.csv} (issue 10's target: at most 10% of run throughput): per
   * size, {@code run}'s path (actors, no ledger) keeping the series and writing it as {@code run}
   * does, against the same run keeping none and writing nothing; the two alternate, so drift in the
   * machine's load hits both alike.
   */
  private static void timeseries(BenchCommand b, Simulation sim, Path dir) throws IOException {
    Path file = dir.resolve("timeseries.csv");
    for (int n : b.agents) {
      Scenario sc = scenario(dir, n, 10, b.ticks);
      OrgRun.Request with = OrgRun.Request.of(LedgerLevel.NONE, null, false);
      OrgRun.Request without = with.withoutSeries();
      double[] kept = new double[b.iterations];
      double[] none = new double[b.iterations];
      Runnable keep =
          () -> {
            var summary = OrgRun.actors(sim, sc, with, null, x -> {});
            try (java.io.Writer out = Files.newBufferedWriter(file)) {
              MeasureFiles.timeseries(summary.series(), out);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          };
      Runnable skip = () -> OrgRun.actors(sim, sc, without, null, x -> {});
      for (int i = -b.warmup; i < b.iterations; i++) {
        // Which goes first alternates too, so neither always runs on a cache the other warmed.
        boolean keepFirst = (i & 1) == 0;
        double w = keepFirst ? time(keep) : 0;
        double o = time(skip);
        w = keepFirst ? w : time(keep);
        if (i >= 0) {
          kept[i] = w;
          none[i] = o;
        }
      }
      double work = n * (double) b.ticks / 1e6;
      double withRate = work / median(kept);
      double withoutRate = work / median(none);
      System.out.printf(
          Locale.ROOT,
          "timeseries, agents %d: run with timeseries.csv %.2f M agent-ticks/s vs without %.2f"
              + " = %.1f%% cost%n",
          n,
          withRate,
          withoutRate,
          100 * (1 - withRate / withoutRate));
    }
  }

  /**
   * The agents the clock wakes per tick on average in a run of {@code sc} ({@code n} agents): all
   * of them in the first tick, then those running at the end of the tick before (a shut-down agent
   * is not woken).
   */
  private static double woken(Simulation sim, Scenario sc, int n) {
    var rows =
        OrgRun.actors(sim, sc, OrgRun.Request.of(LedgerLevel.NONE, null, false), null, x -> {})
            .series();
    double sum = n;
    for (int t = 0; t + 1 < rows.size(); t++) {
      sum += rows.get(t).active();
    }
    return sum / rows.size();
  }

  private static double min(double[] s) {
    return java.util.Arrays.stream(s).min().orElseThrow();
  }

  private static double max(double[] s) {
    return java.util.Arrays.stream(s).max().orElseThrow();
  }

  private static double median(double[] s) {
    double[] c = s.clone();
    java.util.Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  /** The mean seconds per run of {@code r} over a block of runs that lasts at least a second. */
  private static double perRun(Runnable r) {
    long t0 = System.nanoTime();
    int runs = 0;
    do {
      r.run();
      runs++;
    } while (System.nanoTime() - t0 < 1_000_000_000L);
    return (System.nanoTime() - t0) / 1e9 / runs;
  }

  private static double time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * The results of {@code b.iterations} runs of {@code run} after {@code b.warmup} untimed ones and
   * at least {@code b.warmupSeconds} of them; {@code run} is given the run's index (negative while
   * warming up).
   */
  private static double[][] measured(BenchCommand b, java.util.function.IntFunction<double[]> run) {
    double[][] out = new double[b.iterations][];
    long warmUntil = System.nanoTime() + b.warmupSeconds * 1_000_000_000L;
    for (int i = -b.warmup; i < b.iterations; i++) {
      if (i == 0 && System.nanoTime() < warmUntil) {
        i = -1; // still warming up
      }
      double[] r = run.apply(i);
      if (i >= 0) {
        out[i] = r;
      }
    }
    return out;
  }

  private static double[] column(double[][] rows, int c) {
    return java.util.Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
  }

  /**
   * The two large organisations: 100,000 agents in one team on the actor path for 100 ticks, and
   * 1,000,000 agents in teams of 10 on the inline path for 10 ticks, each with its peak heap (used
   * heap sampled every 5 ms, so an upper bound of what it needs).
   */
  private static void scale(Simulation sim, Path dir) throws IOException {
    Scenario one = scenario(dir, 100_000, 100_000, 100);
    peak(
        "100000 agents in one team, actors, 100 ticks",
        () -> OrgRun.run(sim, one, LedgerLevel.NONE, null, false, x -> {}));
    // A million agents in teams of 10 is a 15 MB scenario file, beyond the YAML reader's limit:
    // the benchmark builds it from one team of the same shape instead.
    Scenario base = scenario(dir, 10, 10, 10);
    List<Team> teams = new ArrayList<>(100_000);
    for (int t = 0; t < 100_000; t++) {
      teams.add(new Team("t" + t, base.teams().get(0).members()));
    }
    Scenario million =
        new Scenario(
            "bench-1000000",
            base.description(),
            base.seed(),
            base.ticks(),
            base.channel(),
            teams,
            base.topology(),
            base.executor(),
            base.operations(),
            base.maintenance(),
            base.shutdownPolicy(),
            base.audits(),
            base.watched(),
            base.trust(),
            base.restore(),
            base.behaviour(),
            base.source());
    peak(
        "1000000 agents in teams of 10, inline, 10 ticks",
        () -> OrgRun.inline(million, OrgRun.Request.of(LedgerLevel.NONE, null, false), x -> {}));
  }

  private static void peak(String what, Runnable run) {
    java.lang.management.MemoryMXBean mem =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    System.gc();
    long[] max = {mem.getHeapMemoryUsage().getUsed()};
    java.util.concurrent.atomic.AtomicBoolean going =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (going.get()) {
                max[0] = Math.max(max[0], mem.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    AfterCollections after = new AfterCollections();
    sampler.start();
    double secs;
    try {
      secs = time(run);
    } finally {
      going.set(false);
      after.close();
    }
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %.1f s, peak heap %.0f MB, at most %s after a collection (max heap %.0f MB)%n",
        what,
        secs,
        max[0] / 1e6,
        after.collections() == 0
            ? "? MB (none ran)"
            : String.format(Locale.ROOT, "%.0f MB", after.max() / 1e6),
        Runtime.getRuntime().maxMemory() / 1e6);
  }

  /**
   * The most heap in use right after any collection while open: closer to what a run needs than the
   * sampled peak, which counts the garbage not yet collected (and so varies with when the collector
   * runs: 1.1 to 2.8 GB for the same organisation from one process to the next). Still an upper
   * bound: a young collection leaves the old generation's garbage.
   */
  private static final class AfterCollections implements javax.management.NotificationListener {
    private final java.util.Set<String> heapPools = new java.util.HashSet<>();
    private final List<java.lang.management.GarbageCollectorMXBean> collectors =
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
    private long max;
    private int collections;

    AfterCollections() {
      for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (var gc : collectors) {
        ((javax.management.NotificationEmitter) gc).addNotificationListener(this, null, null);
      }
    }

    @Override
    public synchronized void handleNotification(javax.management.Notification n, Object hb) {
      if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
          .equals(n.getType())) {
        return;
      }
      var info =
          com.sun.management.GarbageCollectionNotificationInfo.from(
              (javax.management.openmbean.CompositeData) n.getUserData());
      long used = 0;
      for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        if (heapPools.contains(e.getKey())) {
          used += e.getValue().getUsed();
        }
      }
      max = Math.max(max, used);
      collections++;
    }

    /** Stops listening. Notifications are told on another thread; a late one is not waited for. */
    void close() {
      for (var gc : collectors) {
        try {
          ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
        } catch (javax.management.ListenerNotFoundException e) {
          // not registered: nothing to remove
        }
      }
    }

    synchronized long max() {
      return max;
    }

    synchronized int collections() {
      return collections;
    }
  }

  /**
   * {@code agents} agents in teams of {@code teamSize}: nine Gemini 3 Flash workers to one Gemini 3
   * Flash hub monitor, 5% audits.
   */
  static Scenario scenario(Path dir, int agents, long ticks) throws IOException {
    return scenario(dir, agents, 10, ticks);
  }

  /** As {@link #scenario(Path, int, long)} in teams of {@code teamSize} (a multiple of 10). */
  static Scenario scenario(Path dir, int agents, int teamSize, long ticks) throws IOException {
    StringBuilder y =
        new StringBuilder("name: bench-")
            .append(agents)
            .append("\ndescription: benchmark organisation\nticks: ")
            .append(ticks)
            .append("\nteams:\n");
    for (int t = 0; t < agents / teamSize; t++) {
      y.append("  - name: t").append(t).append('\n');
      y.append("    members:\n");
      y.append("      - {profile: gemini-3-flash, role: worker, count: ")
          .append(teamSize * 9 / 10)
          .append(", failure_rate: 0.1}\n");
      y.append("      - {profile: gemini-3-flash, role: monitor, count: ")
          .append(teamSize / 10)
          .append(", failure_rate: 0.0}\n");
    }
    y.append("topology: {kind: hub}\n");
    y.append("maintenance: {every: 100, by: monitor}\n");
    y.append("audits: {report_fraction: 0.05, action_fraction: 0.05, detection: 0.8}\n");
    y.append("watched: {mode: probability, probability: 0.05}\n");
    y.append("restore: {probability: 0.5, delay: 10}\n");
    Path f = dir.resolve("bench-" + agents + ".yaml");
    Files.writeString(f, y);
    return Scenarios.load(f);
  }
}
