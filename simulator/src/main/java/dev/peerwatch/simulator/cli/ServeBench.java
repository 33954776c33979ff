package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgMetrics;
import dev.peerwatch.simulator.org.OrgRun;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code peerwatch bench --job serve}: what live metrics cost. The overhead compares the same
 * unpaced run (1,000 agents, no counterfactual) without and with metrics; the series count and
 * scrape time are those of each shipped scenario's registry after a full run.
 */
final class ServeBench {
  private ServeBench() {}

  static int run(BenchCommand b) throws IOException {
    int threads = Options.threads(b.threads);
    Path dir = Files.createTempDirectory("peerwatch-bench");
    try (Simulation sim = new Simulation(threads)) {
      Scenario org = RunBench.scenario(dir, 1000, b.ticks);
      double[] plain = new double[b.iterations];
      double[] metered = new double[b.iterations];
      for (int i = -b.warmup; i < b.iterations; i++) {
        long t0 = System.nanoTime();
        OrgRun.run(sim, org, LedgerLevel.NONE, null, false, x -> {});
        long t1 = System.nanoTime();
        OrgRun.live(
            sim,
            org,
            LedgerLevel.NONE,
            null,
            false,
            new OrgRun.Live(
                0,
                new AtomicBoolean(),
                new OrgMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), org, 50)),
            x -> {});
        long t2 = System.nanoTime();
        if (i >= 0) {
          plain[i] = (t1 - t0) / 1e9;
          metered[i] = (t2 - t1) / 1e9;
        }
      }
      Arrays.sort(plain);
      Arrays.sort(metered);
      double p = plain[plain.length / 2];
      double m = metered[metered.length / 2];
      System.out.printf(
          Locale.ROOT,
          "metrics overhead, 1,000 agents x %d ticks: without %.3f s,"
              + " with %.3f s (medians of %d): %+.1f%%%n",
          b.ticks,
          p,
          m,
          b.iterations,
          100 * (m / p - 1));
      for (Path f : shipped()) {
        Scenario sc = Scenarios.load(f);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OrgRun.live(
            sim,
            sc,
            LedgerLevel.NONE,
            null,
            true,
            new OrgRun.Live(0, new AtomicBoolean(), new OrgMetrics(registry, sc, 50)),
            x -> {});
        String text = registry.scrape();
        long series = text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
        double[] ms = new double[200];
        for (int i = 0; i < ms.length; i++) {
          long t0 = System.nanoTime();
          registry.scrape();
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "%s: %d series (peerwatch meters only), scrape median %.2f ms, p99 %.2f ms%n",
            sc.name(),
            series,
            ms[ms.length / 2],
            ms[ms.length * 99 / 100]);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
      }
    }
    return 0;
  }

  /** The shipped scenarios, from config/scenarios below the working directory. */
  private static List<Path> shipped() throws IOException {
    Path d = Path.of("config", "scenarios");
    if (!Files.isDirectory(d)) {
      throw new ConfigException(
          "config/scenarios: not found (run bench --job serve from the project's root)");
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
