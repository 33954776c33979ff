package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.measures.MeasureFiles;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.Summary;
import dev.peerwatch.simulator.org.SummaryWriter;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code run} and {@code serve} share, their validation, and their output files. */
final class RunOptions {
  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
  Path scenario;

  @Option(
      names = "--ticks",
      paramLabel = "N",
      description = "Run length in ticks (default: the scenario's).")
  Long ticks;

  @Option(names = "--seed", paramLabel = "S", description = "Run seed (default: the scenario's).")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Actor dispatcher threads, 1 to 256 (default: the number of cores). Outputs do not"
              + " depend on it.")
  Integer threads;

  @Option(
      names = "--counterfactual",
      paramLabel = "MODE",
      defaultValue = "no-peers",
      description =
          "no-peers (default): also run the same world without AI peers, sharing every other"
              + " random draw, for the self-preservation shift; none: skip it.")
  String counterfactual;

  @Option(
      names = "--ledger",
      paramLabel = "LEVEL",
      defaultValue = "full",
      description =
          "full (default): every event; failures: all but reports of passing work reported as"
              + " passing, and their audits (far smaller for large runs); none: no ledger file.")
  String ledger;

  @Option(
      names = "--run-label",
      paramLabel = "LABEL",
      description =
          "The 'run' label on every served metric series (default: the scenario's name and seed,"
              + " as NAME-sSEED); 1 to 64 letters, digits, '_', '.', ':' or '-'.")
  String runLabel;

  @Option(names = "--quiet", description = "Print no summary, only where the files went.")
  boolean quiet;

  /** The scenario with --ticks and --seed applied. */
  Scenario load() {
    Scenario sc = Scenarios.load(scenario);
    if (ticks != null) {
      if (ticks < 1 || ticks > Scenario.MAX_TICKS) {
        throw new ConfigException(
            "--ticks " + ticks + " is out of range (allowed: 1 to " + Scenario.MAX_TICKS + ")");
      }
      sc = sc.withTicks(ticks);
    }
    return seed == null ? sc : sc.withSeed(seed);
  }

  boolean counterfactual() {
    return switch (counterfactual) {
      case "no-peers" -> true;
      case "none" -> false;
      default ->
          throw new ConfigException(
              "--counterfactual '" + counterfactual + "' is not known (allowed: no-peers, none)");
    };
  }

  LedgerLevel ledger() {
    for (LedgerLevel l : LedgerLevel.values()) {
      if (l.id().equals(ledger)) {
        return l;
      }
    }
    throw new ConfigException(
        "--ledger '" + ledger + "' is not known (allowed: full, failures, none)");
  }

  /** Writes summary.json, summary.csv, scenario.yaml, timeseries.csv and agents.csv into dir. */
  void writeSummary(OutputDir dir, String command, Summary summary, boolean cf, LedgerLevel level)
      throws IOException {
    writeSummary(dir, command, summary, cf, level, false);
  }

  /**
   * As above; {@code seriesStreamed}: {@code timeseries.csv} was written tick by tick during the
   * run ({@code OrgRun.Request.withSeriesTo}), so the summary holds no series to write.
   */
  void writeSummary(
      OutputDir dir,
      String command,
      Summary summary,
      boolean cf,
      LedgerLevel level,
      boolean seriesStreamed)
      throws IOException {
    Scenario sc = summary.scenario();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", command);
    run.put("scenario", sc.name());
    run.put("seed", sc.seed());
    run.put("ticks", sc.ticks());
    run.put("topology", sc.topology().kind().id());
    run.put("counterfactual", cf ? "no-peers" : "none");
    run.put("ledger", level.id());
    try (Writer w = dir.writer("summary.json")) {
      SummaryWriter.json(summary, run, w);
    }
    try (Writer w = dir.writer("summary.csv")) {
      SummaryWriter.csv(summary, w);
    }
    try (Writer w = dir.writer("scenario.yaml")) {
      ReplicatePipeline.yaml().writeValue(w, Scenarios.effective(sc));
    }
    if (!seriesStreamed) {
      try (Writer w = dir.writer("timeseries.csv")) {
        MeasureFiles.timeseries(summary.series(), w);
      }
    }
    try (Writer w = dir.writer("agents.csv")) {
      MeasureFiles.agents(summary.agents(), w);
    }
  }

  /** The closing lines on stdout. */
  void printDone(Summary summary, Path out, LedgerLevel level) {
    if (!quiet) {
      SummaryWriter.print(summary, System.out);
      System.out.println();
    }
    System.out.printf("-> %s%n", out.toAbsolutePath().normalize());
    System.out.println(
        "  "
            + (level == LedgerLevel.NONE ? "" : "ledger.jsonl ")
            + "summary.json summary.csv scenario.yaml timeseries.csv agents.csv");
  }
}
