package dev.peerwatch.simulator.cli;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.io.Shutdown;
import dev.peerwatch.simulator.metrics.LiveSeries;
import dev.peerwatch.simulator.metrics.MetricsServer;
import dev.peerwatch.simulator.sweep.SweepDispatch;
import dev.peerwatch.simulator.sweep.SweepOutputs;
import dev.peerwatch.simulator.sweep.SweepPlan;
import dev.peerwatch.simulator.sweep.SweepRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One sweep, from a checked plan to its final files, whoever runs the runs: the output directory
 * (refused before anything starts if it holds other results), the dispatch (this machine's cores or
 * a cluster's workers), {@code --metrics-port}'s /metrics and /status, the progress line with rate
 * and ETA, the interruption message, and at the end runs.csv, cells.csv, contrasts.csv, the report
 * and the terminal summary. A local and a cluster sweep differ only in the dispatch.
 */
final class SweepFlow {
  /** Where {@code --metrics-port} listens: its port (null: none) and address. */
  record Metrics(Integer port, String host) {}

  private final SweepPlan plan;
  private final Path out;
  private final boolean resume;
  private final boolean quiet;
  private final boolean timeseries;
  private final Metrics metrics;

  /** A sweep of {@code plan} into {@code out}; {@code timeseries} keeps every run's series. */
  SweepFlow(
      SweepPlan plan,
      Path out,
      boolean resume,
      boolean quiet,
      boolean timeseries,
      Metrics metrics) {
    this.plan = plan;
    this.out = out;
    this.resume = resume;
    this.quiet = quiet;
    this.timeseries = timeseries;
    this.metrics = metrics;
  }

  /**
   * Runs the sweep with the dispatch {@code open} makes, given the registry its meters join (it may
   * fail with a one-line ConfigException, e.g. a port in use: nothing is written by then).
   */
  int run(Function<MeterRegistry, SweepDispatch> open) throws Exception {
    String name = plan.spec().name();
    for (String s : plan.skipped()) {
      System.err.println("peerwatch sweep: skipped cell " + s);
    }
    long start = System.nanoTime();
    AtomicLong done = new AtomicLong();
    AtomicLong kept = new AtomicLong(-1);
    PrometheusMeterRegistry registry = registry(done);
    OutputDir.checkPath(out);
    SweepRunner.checkDirectory(plan, out, resume);
    boolean fresh = !Files.exists(out.resolve("sweep.yaml"));
    SweepRunner.Result result;
    List<String> files;
    List<String> summary;
    try (SweepDispatch dispatch = open.apply(registry);
        Shutdown.Registration say = Shutdown.onSignalSay(() -> interrupted(done.get()));
        OutputDir dir = OutputDir.open(out);
        MetricsServer server =
            metrics.port() == null
                ? null
                : MetricsServer.start(
                    "--metrics-port",
                    metrics.host(),
                    metrics.port(),
                    registry,
                    new MetricsServer.Pages(
                        () -> sweepStatus(name, done.get(), plan.runs(), start, kept),
                        since -> new LiveSeries().json(since)))) {
      if (server != null) {
        System.err.printf(
            "peerwatch sweep: %s, live page on %s (/metrics and /status for programs)%n",
            name, LiveMetrics.url(metrics.host(), server.port()));
      }
      dispatch.announce(plan);
      Progress progress = new Progress("sweep", plan.runs(), System.err, dispatch::progress);
      try {
        result =
            SweepRunner.run(
                dispatch,
                plan,
                out,
                resume,
                timeseries,
                n -> {
                  kept.compareAndSet(-1, n);
                  done.set(n);
                  progress.update(n);
                });
        // Taken before the report is drawn, so that its rates are the runs' own.
        summary = dispatch.summary();
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
        plan.spec().replications(),
        plan.runs(),
        result.ranNow(),
        result.resumed(),
        secs,
        out.toAbsolutePath().normalize());
    summary.forEach(System.out::println);
    System.out.println(
        "  sweep.yaml " + String.join(" ", files.stream().filter(f -> !f.contains("/")).toList()));
    return 0;
  }

  /** Ctrl-C or SIGTERM: every finished run is already saved; say so, and how to go on. */
  private String interrupted(long saved) {
    return String.format(
        Locale.ROOT,
        "%npeerwatch sweep: interrupted; %d of %d runs are saved in %s (exit %s);"
            + " the same command with --resume runs the rest",
        saved,
        plan.runs(),
        out.toAbsolutePath().normalize(),
        "130 for Ctrl-C, 143 for SIGTERM");
  }

  private PrometheusMeterRegistry registry(AtomicLong done) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("run", plan.spec().name());
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
    return registry;
  }

  /** The sweep's /status: runs done and planned, this session's rate and the ETA. */
  private static String sweepStatus(
      String name, long done, long runs, long startNanos, AtomicLong kept) {
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
}
