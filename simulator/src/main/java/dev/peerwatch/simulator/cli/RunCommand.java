package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgRun;
import dev.peerwatch.simulator.org.Summary;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peerwatch run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one organisation of AI workers and AI monitors over simulated ticks and measures what"
          + " oversight missed: under-reporting of peer failures, oversight miss rate, shutdown"
          + " fates, audit catch rate, the alignment-faking gap and the self-preservation shift"
          + " (against a paired run without AI peers).",
      "Writes ledger.jsonl (every event), summary.json, summary.csv and scenario.yaml (the"
          + " effective scenario) into --out."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin RunOptions o;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/run",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin MetricsPortOption metricsOption;

  @Mixin OrgMindOptions minds;

  /** Which path runs the organisation. */
  enum EnginePath {
    actors,
    inline
  }

  @Option(
      names = "--engine",
      paramLabel = "actors|inline",
      defaultValue = "actors",
      description =
          "actors: every agent, monitor, the overseer and the auditors an actor (default);"
              + " inline: the same logic in one thread, without actors (faster; identical"
              + " outputs). --metrics-port needs actors.")
  EnginePath engine;

  @Override
  public Integer call() throws Exception {
    Scenario sc = o.load();
    boolean cf = o.counterfactual();
    LedgerLevel level = o.ledger();
    int t = Options.threads(o.threads);
    Integer metricsPort = metricsOption.port();
    String bind = metricsOption.bind;
    if (metricsPort != null && engine == EnginePath.inline) {
      throw new dev.peerwatch.config.ConfigException(
          "--engine inline has no live view for --metrics-port (allowed: --engine actors, or no"
              + " --metrics-port)");
    }
    Summary summary;
    dev.peerwatch.simulator.org.Minds modelMinds = minds.open(sc, o.scenario);
    if (modelMinds != null && metricsPort != null) {
      throw new dev.peerwatch.config.ConfigException(
          "--metrics-port does not work with a scenario's model minds (drop one)");
    }
    try (OrgMindOptions mindsHeld = minds;
        OutputDir dir = OutputDir.open(out);
        LiveMetrics metrics =
            metricsPort == null
                ? null
                : LiveMetrics.start("--metrics-port", bind, metricsPort, sc, o.runLabel);
        Simulation sim = new Simulation(t)) {
      if (metrics != null) {
        System.err.printf(
            "peerwatch run: %s, live page on %s (/metrics and /status for programs)%n",
            sc.name(), LiveMetrics.url(bind, metrics.port()));
      }
      Progress progress = new Progress("run", sc.ticks() * (cf ? 2 : 1), System.err);
      java.util.function.LongConsumer onProgress =
          done -> {
            progress.update(done);
            if (metrics != null) {
              metrics.ticked(cf ? done / 2 : done);
            }
          };
      try (Writer w = level == LedgerLevel.NONE ? null : dir.writer("ledger.jsonl")) {
        OrgRun.Request rq = OrgRun.Request.of(level, w, cf);
        if (modelMinds != null) {
          rq = rq.withMinds(modelMinds);
        }
        summary =
            metrics != null
                ? OrgRun.live(sim, sc, level, w, cf, metrics.live(0, 50), onProgress)
                : engine == EnginePath.inline
                    ? OrgRun.inline(sc, rq, onProgress)
                    : OrgRun.actors(sim, sc, rq, null, onProgress);
      }
      minds.writeEcho(dir);
      minds.finish();
      if (metrics != null) {
        metrics.finished();
      }
      o.writeSummary(dir, "run", summary, cf, level);
      if (level == LedgerLevel.NONE) {
        dir.drop("ledger.jsonl");
      }
      dir.commit();
    }
    o.printDone(summary, out, level);
    return 0;
  }
}
