package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.sweep.SweepPlan;
import dev.peerwatch.simulator.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code peerwatch bench --job sweep}: a sweep of 1,000 runs of the 100-agent benchmark
 * organisation for 500 ticks (10 cells of audit fraction × 100 replications, each run with its
 * counterfactual world), then the shipped topologies sweep; runs per second and agent-ticks per
 * second, the sweep's runs only (results streamed to disk as in a real sweep; no report).
 */
final class SweepBench {
  private SweepBench() {}

  static int run(BenchCommand b) throws IOException {
    int threads = Options.threads(b.threads);
    Path dir = Files.createTempDirectory("peerwatch-bench");
    try (Simulation sim = new Simulation(threads)) {
      RunBench.scenario(dir, 100, 500);
      Files.move(dir.resolve("bench-100.yaml"), dir.resolve("base.yaml"));
      Files.writeString(
          dir.resolve("bench.yaml"),
          """
          name: bench
          description: 1,000 runs of a 100-agent, 500-tick organisation
          base: base.yaml
          replications: 100
          factors:
            - path: audits.report_fraction
              range: {from: 0.0, to: 0.45, step: 0.05}
          """);
      time(
          sim,
          dir.resolve("bench.yaml"),
          dir,
          b.warmup > 0,
          "1,000 runs of 100 agents x 500 ticks");
      Path topologies = Path.of("config", "sweeps", "topologies.yaml");
      if (Files.isRegularFile(topologies)) {
        time(sim, topologies, dir, false, "shipped topologies sweep");
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }

  private static void time(Simulation sim, Path sweep, Path dir, boolean warm, String what)
      throws IOException {
    SweepPlan plan = SweepPlan.of(Sweeps.load(sweep));
    if (warm) {
      SweepRunner.run(sim, plan, dir.resolve("warm-" + plan.spec().name()), false, x -> {});
    }
    long t0 = System.nanoTime();
    SweepRunner.run(sim, plan, dir.resolve("out-" + plan.spec().name()), false, x -> {});
    double secs = (System.nanoTime() - t0) / 1e9;
    double agentTicks = 0;
    for (SweepPlan.Cell c : plan.cells()) {
      agentTicks +=
          2.0 * c.scenario().agentCount() * c.scenario().ticks() * plan.spec().replications();
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d runs in %.2f s on %d threads: %.0f runs/s, %.1f M agent-ticks/s (both worlds)%n",
        what,
        plan.runs(),
        secs,
        sim.threads(),
        plan.runs() / secs,
        agentTicks / secs / 1e6);
  }
}
