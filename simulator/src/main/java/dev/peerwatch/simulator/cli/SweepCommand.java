package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.sweep.SweepSpec;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.metrics.MetricsServer;
import dev.peerwatch.simulator.sweep.SweepOutputs;
import dev.peerwatch.simulator.sweep.SweepPlan;
import dev.peerwatch.simulator.sweep.SweepRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerwatch sweep}. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a sweep: every cell its design picks over a base scenario, each replicated, all cores"
          + " at once; stoppable at any moment (Ctrl-C, kill -9) and resumable with --resume.",
      "Writes sweep.yaml, runs.csv (one row per run), cells.csv (mean and 95% CI per cell),"
          + " report.html and the plots (PNG and SVG) into --out."
    })
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file.")
  Path sweep;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Runs at once, 1 to 256 (default: the number of cores). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/sweep",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--resume",
      description =
          "Continue the sweep whose results are in --out: finished runs are kept, the rest run.")
  boolean resume;

  @Option(names = "--quiet", description = "Print no cells table, only where the files went.")
  boolean quiet;

  @Mixin MetricsPortOption metricsOption;

  @Option(
      names = "--export-cell",
      paramLabel = "CELL",
      description =
          "Run nothing: print cell CELL's effective scenario, with the seed of --replication, as"
              + " YAML on stdout; `peerwatch run` of it reproduces that row of runs.csv.")
  Integer exportCell;

  @Option(
      names = "--replication",
      paramLabel = "R",
      defaultValue = "0",
      description = "With --export-cell: the replication whose seed to write (default: 0).")
  int replication;

  @Override
  public Integer call() throws Exception {
    int t = Options.threads(threads);
    SweepSpec spec = Sweeps.load(sweep);
    SweepPlan plan = SweepPlan.of(spec);
    if (exportCell != null) {
      SweepExport.print(plan, exportCell, replication, System.out, System.err);
      return 0;
    }
    for (String s : plan.skipped()) {
      System.err.println("peerwatch sweep: skipped cell " + s);
    }
    Integer metricsPort = metricsOption.port();
    String bind = metricsOption.bind;
    SweepRunner.Result result;
    List<String> files;
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("peerwatch.sweep.runs.done", done, AtomicLong::doubleValue)
        .description("Runs of the sweep finished (kept from before included)")
        .strongReference(true)
        .register(registry);
    Gauge.builder("peerwatch.sweep.runs.planned", plan, p -> p.runs())
        .description("Runs the sweep has in all")
        .strongReference(true)
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    SweepRunner.checkDirectory(plan, out, resume);
    try (OutputDir dir = OutputDir.open(out);
        MetricsServer server =
            metricsPort == null
                ? null
                : MetricsServer.start(
                    bind,
                    metricsPort,
                    registry,
                    () ->
                        "{\"sweep\":\""
                            + spec.name().replace("\"", "")
                            + "\",\"runs_done\":"
                            + done.get()
                            + ",\"runs\":"
                            + plan.runs()
                            + "}\n");
        Simulation sim = new Simulation(t)) {
      Progress progress = new Progress("sweep", plan.runs(), System.err);
      result =
          SweepRunner.run(
              sim,
              plan,
              out,
              resume,
              n -> {
                done.set(n);
                progress.update(n);
              });
      files = SweepOutputs.write(dir, plan, result.data());
      dir.commit();
    }
    SweepRunner.finish(out);
    double secs = (System.nanoTime() - start) / 1e9;
    if (!quiet) {
      SweepOutputs.print(plan, result.data(), System.out);
      System.out.println();
    }
    System.out.printf(
        Locale.ROOT,
        "%d cells x %d replications = %d runs (%d now, %d kept from before) in %.1f s -> %s%n",
        plan.cells().size(),
        spec.replications(),
        plan.runs(),
        result.ranNow(),
        result.resumed(),
        secs,
        out.toAbsolutePath().normalize());
    System.out.println(
        "  sweep.yaml " + String.join(" ", files.stream().filter(f -> !f.contains("/")).toList()));
    return 0;
  }
}
