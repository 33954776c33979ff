package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgRun;
import dev.peerwatch.simulator.org.Summary;
import dev.peerwatch.simulator.org.SummaryWriter;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.replicate.Simulation;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
          "Actor dispatcher threads, 1 to 256 (default: the number of cores). Outputs do not depend on it.")
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
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/run",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quiet", description = "Print no summary, only where the files went.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Scenario sc = Scenarios.load(scenario);
    if (ticks != null) {
      if (ticks < 1 || ticks > Scenario.MAX_TICKS) {
        throw new ConfigException(
            "--ticks " + ticks + " is out of range (allowed: 1 to " + Scenario.MAX_TICKS + ")");
      }
      sc = sc.withTicks(ticks);
    }
    if (seed != null) {
      sc = sc.withSeed(seed);
    }
    boolean cf =
        switch (counterfactual) {
          case "no-peers" -> true;
          case "none" -> false;
          default ->
              throw new ConfigException(
                  "--counterfactual '"
                      + counterfactual
                      + "' is not known (allowed: no-peers, none)");
        };
    LedgerLevel level = null;
    for (LedgerLevel l : LedgerLevel.values()) {
      if (l.id().equals(ledger)) {
        level = l;
      }
    }
    if (level == null) {
      throw new ConfigException(
          "--ledger '" + ledger + "' is not known (allowed: full, failures, none)");
    }
    int t = Options.threads(threads);
    Summary summary;
    try (OutputDir dir = OutputDir.open(out);
        Simulation sim = new Simulation(t)) {
      Progress progress = new Progress("run", sc.ticks() * (cf ? 2 : 1), System.err);
      if (level == LedgerLevel.NONE) {
        summary = OrgRun.run(sim, sc, level, null, cf, progress::update);
      } else {
        try (Writer w = dir.writer("ledger.jsonl")) {
          summary = OrgRun.run(sim, sc, level, w, cf, progress::update);
        }
      }
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("command", "run");
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
      dir.commit();
    }
    if (!quiet) {
      SummaryWriter.print(summary, System.out);
      System.out.println();
    }
    System.out.printf("-> %s%n", out.toAbsolutePath().normalize());
    System.out.println(
        "  "
            + (level == LedgerLevel.NONE ? "" : "ledger.jsonl ")
            + "summary.json summary.csv scenario.yaml");
    return 0;
  }
}
