package dev.peerwatch.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.metrics.MetricsServer;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgMetrics;
import dev.peerwatch.simulator.org.OrgRun;
import dev.peerwatch.simulator.org.Summary;
import dev.peerwatch.simulator.replicate.Simulation;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code peerwatch serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one organisation live, paced at --tick-rate ticks per second, serving /metrics"
          + " (Prometheus text format or OpenMetrics) and /status (JSON) on --bind:--port, until"
          + " its tick limit or SIGINT/SIGTERM; then writes the same files as run and exits 0.",
      "Grafana dashboards and Prometheus rules for it are in grafana/."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin RunOptions o;

  @Option(
      names = "--tick-rate",
      paramLabel = "R",
      defaultValue = "10",
      description = "Ticks per second, above 0 (default: ${DEFAULT-VALUE}).")
  double tickRate;

  @Option(names = "--unpaced", description = "Run as fast as possible instead of pacing.")
  boolean unpaced;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "9477",
      description =
          "Port of /metrics and /status, 0 to 65535; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/serve",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!unpaced && !(tickRate > 0 && Double.isFinite(tickRate))) {
      throw new ConfigException(
          "--tick-rate "
              + tickRate
              + " is out of range (allowed: above 0 ticks per second, or --unpaced)");
    }
    if (port < 0 || port > 65535) {
      throw new ConfigException("--port " + port + " is out of range (allowed: 0 to 65535)");
    }
    Scenario sc = o.load();
    boolean cf = o.counterfactual();
    LedgerLevel level = o.ledger();
    int t = Options.threads(o.threads);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    AtomicLong ticked = new AtomicLong();
    AtomicReference<String> state = new AtomicReference<>("starting");
    AtomicBoolean stop = new AtomicBoolean();
    ObjectMapper json = new ObjectMapper();
    Summary summary;
    try (OutputDir dir = OutputDir.open(out);
        JvmGcMetrics gc = new JvmGcMetrics();
        MetricsServer server =
            MetricsServer.start(
                bind,
                port,
                registry,
                () -> status(json, sc, state.get(), ticked.get(), unpaced ? 0 : tickRate));
        Simulation sim = new Simulation(t)) {
      gc.bindTo(registry);
      Signal.handle(new Signal("INT"), s -> stop.set(true));
      Signal.handle(new Signal("TERM"), s -> stop.set(true));
      System.err.printf(
          "peerwatch serve: %s on http://%s:%d/metrics and /status; Ctrl-C to stop%n",
          sc.name(), bind, server.port());
      state.set("running");
      OrgRun.Live live =
          new OrgRun.Live(
              unpaced ? 0 : tickRate, stop, new OrgMetrics(registry, sc, unpaced ? 50 : 1));
      Progress progress = new Progress("serve", sc.ticks() * (cf ? 2 : 1), System.err);
      if (level == LedgerLevel.NONE) {
        summary =
            OrgRun.live(
                sim,
                sc,
                level,
                null,
                cf,
                live,
                done -> {
                  ticked.set(cf ? done / 2 : done);
                  progress.update(done);
                });
      } else {
        try (Writer w = dir.writer("ledger.jsonl")) {
          summary =
              OrgRun.live(
                  sim,
                  sc,
                  level,
                  w,
                  cf,
                  live,
                  done -> {
                    ticked.set(cf ? done / 2 : done);
                    progress.update(done);
                  });
        }
      }
      state.set("finished");
      o.writeSummary(dir, "serve", summary, cf, level);
      dir.commit();
    }
    o.printDone(summary, out, level);
    return 0;
  }

  private static String status(
      ObjectMapper json, Scenario sc, String state, long tick, double rate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", sc.name());
    m.put("state", state);
    m.put("tick", tick);
    m.put("ticks", sc.ticks());
    m.put("tick_rate", rate == 0 ? null : rate);
    try {
      return json.writeValueAsString(m) + "\n";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
