package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.sweep.SweepSpec;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.cluster.ClusterStatus;
import dev.peerwatch.simulator.cluster.ClusterSweep;
import dev.peerwatch.simulator.cluster.HostPort;
import dev.peerwatch.simulator.cluster.Secret;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.io.Shutdown;
import dev.peerwatch.simulator.metrics.LiveSeries;
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
      "Writes sweep.yaml, runs.csv (one row per run), cells.csv (mean and 95%% CI per cell),"
          + " contrasts.csv, report.html and the plots (PNG and SVG) into --out; with"
          + " --timeseries also timeseries.csv."
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

  @Option(
      names = "--timeseries",
      description =
          "Also write timeseries.csv: every run's per-tick series (the columns of run's"
              + " timeseries.csv) with the run's identity in front (run, cell, replication, seed,"
              + " each factor's level, as in runs.csv), in run order. Resumable; with --resume on"
              + " a sweep run without it, runs again the runs whose series are missing. Not with"
              + " --cluster.")
  boolean timeseries;

  @Mixin MetricsPortOption metricsOption;

  @Option(
      names = "--cluster",
      description =
          "Run the sweep on a Pekko cluster: this node coordinates and writes every file, workers"
              + " join with 'peerwatch worker --join HOST:PORT'. --bind HOST:PORT is then this"
              + " node's address (default 127.0.0.1:2552; --metrics-port uses its host);"
              + " --threads N makes it also run N runs at once (default 0). Needs "
              + Secret.ENV
              + ".")
  boolean cluster;

  @Option(
      names = "--seed-node",
      paramLabel = "HOST:PORT",
      description =
          "With --cluster: join an existing cluster through this member (default: start" + " one).")
  String seedNode;

  /** The sweep's /status: runs done and planned, this session's rate and the ETA. */
  static String sweepStatus(String name, long done, long runs, long startNanos, AtomicLong kept) {
    double secs = (System.nanoTime() - startNanos) / 1e9;
    long base = Math.max(0, kept.get());
    double rate = secs > 0 ? (done - base) / secs : 0;
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("sweep", name);
    m.put("run", name);
    m.put("state", done >= runs ? "finished" : "running");
    m.put("runs_done", done);
    m.put("runs", runs);
    m.put("runs_per_second", Math.round(rate * 1000) / 1000.0);
    m.put("eta_seconds", rate > 0 && done < runs ? Math.round((runs - done) / rate) : null);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

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
    if (cluster) {
      if (timeseries) {
        throw new ConfigException(
            "--timeseries cannot be used with --cluster (allowed: --timeseries on one machine)");
      }
      return callCluster();
    }
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
    registry.config().commonTags("run", spec.name());
    AtomicLong kept = new AtomicLong(-1);
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
    OutputDir.checkPath(out);
    SweepRunner.checkDirectory(plan, out, resume);
    boolean fresh = !java.nio.file.Files.exists(out.resolve("sweep.yaml"));
    // Ctrl-C or SIGTERM: every finished run is already saved; say so, and how to go on.
    Path shown = out.toAbsolutePath().normalize();
    Shutdown.Registration say =
        Shutdown.onSignalSay(
            () ->
                String.format(
                    Locale.ROOT,
                    "%npeerwatch sweep: interrupted; %d of %d runs are saved in %s (exit %s);"
                        + " the same command with --resume runs the rest",
                    done.get(),
                    plan.runs(),
                    shown,
                    "130 for Ctrl-C, 143 for SIGTERM"));
    try (say;
        OutputDir dir = OutputDir.open(out);
        MetricsServer server =
            metricsPort == null
                ? null
                : MetricsServer.start(
                    "--metrics-port",
                    bind,
                    metricsPort,
                    registry,
                    new MetricsServer.Pages(
                        () -> sweepStatus(spec.name(), done.get(), plan.runs(), start, kept),
                        since -> new LiveSeries().json(since)));
        Simulation sim = new Simulation(t)) {
      if (server != null) {
        System.err.printf(
            "peerwatch sweep: %s, live page on %s (/metrics and /status for programs)%n",
            spec.name(), LiveMetrics.url(bind, server.port()));
      }
      Progress progress = new Progress("sweep", plan.runs(), System.err);
      try {
        result =
            SweepRunner.run(
                sim,
                plan,
                out,
                resume,
                timeseries,
                n -> {
                  kept.compareAndSet(-1, n);
                  done.set(n);
                  progress.update(n);
                });
        files = SweepOutputs.write(dir, plan, result);
        dir.commit();
      } catch (Exception | Error e) {
        if (fresh && !Shutdown.shuttingDown()) {
          // A sweep that failed (a full disk) in a directory it started in leaves nothing.
          SweepRunner.discard(out);
        }
        throw e;
      }
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

  /** The sweep on a cluster: the same steps and files, the runs done by the cluster's workers. */
  private Integer callCluster() throws Exception {
    Secret secret = Secret.from(System.getenv());
    int t = threads == null ? 0 : threads;
    if (t < 0 || t > 256) {
      throw new ConfigException(
          "--threads " + t + " is out of range (allowed: 0 to 256 with --cluster)");
    }
    HostPort at = HostPort.parse(metricsOption.bind, "--bind", 2552);
    HostPort seed = seedNode == null ? null : HostPort.parse(seedNode, "--seed-node", 2552);
    SweepSpec spec = Sweeps.load(sweep);
    SweepPlan plan = SweepPlan.of(spec);
    for (String s : plan.skipped()) {
      System.err.println("peerwatch sweep: skipped cell " + s);
    }
    Integer metricsPort = metricsOption.port();
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    AtomicLong kept = new AtomicLong(-1);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("run", spec.name());
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
    ClusterStatus status = new ClusterStatus(System.err, registry);
    String clusterLine;
    SweepRunner.checkDirectory(plan, out, resume);
    SweepRunner.Result result;
    List<String> files;
    try (ClusterSweep node = ClusterSweep.start(at, seed, t, secret, status, 60);
        OutputDir dir = OutputDir.open(out);
        MetricsServer server =
            metricsPort == null
                ? null
                : MetricsServer.start(
                    "--metrics-port",
                    at.host(),
                    metricsPort,
                    registry,
                    new MetricsServer.Pages(
                        () -> sweepStatus(spec.name(), done.get(), plan.runs(), start, kept),
                        since -> new LiveSeries().json(since)))) {
      if (server != null) {
        System.err.printf(
            "peerwatch sweep: %s, live page on %s (/metrics and /status for programs)%n",
            spec.name(), LiveMetrics.url(at.host(), server.port()));
      }
      status.event(
          "coordinating sweep '"
              + spec.name()
              + "' ("
              + plan.runs()
              + " runs) at "
              + node.address()
              + "; start workers with: peerwatch worker --join "
              + node.address());
      Progress progress =
          new Progress(
              "sweep",
              plan.runs(),
              System.err,
              () ->
                  String.format(Locale.ROOT, "%.1f runs/s; ", status.rate()) + status.perWorker());
      result =
          SweepRunner.run(
              node.simulation(),
              plan,
              out,
              resume,
              n -> {
                kept.compareAndSet(-1, n);
                done.set(n);
                progress.update(n);
              },
              node.dispatch(plan));
      clusterLine = status.summary() + "; by worker: " + status.perWorker();
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
    System.out.println("  cluster: " + clusterLine);
    System.out.println(
        "  sweep.yaml " + String.join(" ", files.stream().filter(f -> !f.contains("/")).toList()));
    return 0;
  }
}
