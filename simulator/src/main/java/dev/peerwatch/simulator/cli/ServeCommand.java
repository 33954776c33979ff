package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.io.Shutdown;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgRun;
import dev.peerwatch.simulator.org.Summary;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peerwatch serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one organisation live, paced at --tick-rate ticks per second, serving a live page"
          + " at / (its URL is printed on stderr), /metrics (Prometheus text format or"
          + " OpenMetrics) and /status (JSON) on --bind:--port, until"
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
          "Port of the live page, /metrics and /status, 0 to 65535; 0 picks a free one (default:"
              + " ${DEFAULT-VALUE}).")
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
    Summary summary;
    Shutdown.Registration stopOnSignal = null;
    try (OutputDir dir = OutputDir.open(out);
        LiveMetrics metrics = LiveMetrics.start("--port", bind, port, sc, o.runLabel);
        Simulation sim = new Simulation(t)) {
      // SIGINT/SIGTERM: stop after the current tick, write the files, exit 0. The wait is bounded
      // so that a run whose files cannot be written still ends.
      stopOnSignal = Shutdown.onSignalStop(() -> metrics.stop().set(true), 120_000);
      System.err.printf(
          "peerwatch serve: %s, live page on %s (/metrics and /status for programs); Ctrl-C to stop%n",
          sc.name(), LiveMetrics.url(bind, metrics.port()));
      OrgRun.Live live = metrics.live(unpaced ? 0 : tickRate, unpaced ? 50 : 1);
      Progress progress = new Progress("serve", sc.ticks() * (cf ? 2 : 1), System.err);
      try (Writer w = level == LedgerLevel.NONE ? null : dir.writer("ledger.jsonl")) {
        summary =
            OrgRun.live(
                sim,
                sc,
                level,
                w,
                cf,
                live,
                done -> {
                  metrics.ticked(cf ? done / 2 : done);
                  progress.update(done);
                });
      }
      metrics.finished();
      o.writeSummary(dir, "serve", summary, cf, level);
      if (level == LedgerLevel.NONE) {
        dir.drop("ledger.jsonl");
      }
      dir.commit();
    } finally {
      if (stopOnSignal != null) {
        stopOnSignal.close();
      }
    }
    o.printDone(summary, out, level);
    return 0;
  }
}
