package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code peerwatch bench --job run}: agent-ticks per second of the organisation at several sizes,
 * and the heap a large organisation needs. Each size runs once to warm up, then is timed.
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
          "threads %d, cores %d, ticks %d%n",
          threads,
          Runtime.getRuntime().availableProcessors(),
          b.ticks);
      for (int n : b.agents) {
        Scenario sc = scenario(dir, n, b.ticks);
        for (int i = -b.warmup; i < b.iterations; i++) {
          long t0 = System.nanoTime();
          OrgRun.run(sim, sc, LedgerLevel.NONE, null, false, x -> {});
          double secs = (System.nanoTime() - t0) / 1e9;
          if (i >= 0) {
            System.out.printf(
                Locale.ROOT,
                "agents %7d: run %d %.3f s, %.2f M agent-ticks/s%n",
                n,
                i + 1,
                secs,
                n * (double) b.ticks / secs / 1e6);
          }
        }
      }
      if (b.heapAgents > 0) {
        Scenario sc = scenario(dir, b.heapAgents, 10);
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

  /** Teams of nine Gemini 3 Flash workers and one Gemini 3 Flash hub monitor, 5% audits. */
  static Scenario scenario(Path dir, int agents, long ticks) throws IOException {
    StringBuilder y =
        new StringBuilder("name: bench-")
            .append(agents)
            .append("\ndescription: benchmark organisation\nticks: ")
            .append(ticks)
            .append("\nteams:\n");
    for (int t = 0; t < agents / 10; t++) {
      y.append("  - name: t").append(t).append('\n');
      y.append("    members:\n");
      y.append("      - {profile: gemini-3-flash, role: worker, count: 9, failure_rate: 0.1}\n");
      y.append("      - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}\n");
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
