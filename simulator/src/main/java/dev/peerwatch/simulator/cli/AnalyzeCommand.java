package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.PublishedFigures;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.study.Analysis;
import dev.peerwatch.simulator.study.Comparison;
import dev.peerwatch.simulator.study.StudyTables;
import dev.peerwatch.simulator.study.TableRow;
import dev.peerwatch.simulator.study.Tally;
import dev.peerwatch.simulator.study.TerminalTables;
import dev.peerwatch.simulator.study.TrialsCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerwatch analyze}. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Computes the study's tables from a per-trial CSV in the study's layout: peerwatch's own"
          + " trials.csv, or the study's released per-trial data (all 41 columns, or just the 18"
          + " the metrics need), with the study's rules for cells, pooling, missing values and"
          + " Claude refusals.",
      "Writes tables.csv, tables.json, comparison.csv and analysis.yaml into --out."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TRIALS.csv", description = "The per-trial table.")
  Path trials;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "out/analyze")
  Path out;

  @Mixin RulesOption rules;

  @Option(names = "--quiet", description = "Print no tables, only where the files went.")
  boolean quiet;

  @Option(
      names = "--tables",
      paramLabel = "WHICH",
      description =
          "Terminal tables: 'summary' (default: group values, self-preservation, the comparison)"
              + " or 'all' (also every detail table: misrepresentation per sub-setting, alignment"
              + " faking per mode with raw scores, exfiltration transfer/deletion, refusal by task,"
              + " tampering per dataset). The files always hold every table.",
      defaultValue = "summary")
  String tables;

  @Option(
      names = "--strict",
      description =
          "Refuse what the study reads permissively (flags neither true nor false, non-finite"
              + " numbers, unknown labels, duplicate columns, short rows): exit 2 naming the line.")
  boolean strict;

  @Override
  public Integer call() throws Exception {
    if (!tables.equals("summary") && !tables.equals("all")) {
      throw new ConfigException("--tables '" + tables + "' (allowed: summary, all)");
    }
    Tally tally = new Tally(rules.rules());
    TrialsCsv.ReadReport report;
    String name = trials.toString();
    // Decoding with replacement lets the reader name the line of a byte that is not UTF-8.
    try (Reader r = new InputStreamReader(Files.newInputStream(trials), StandardCharsets.UTF_8)) {
      report = TrialsCsv.read(r, name, strict, tally::add);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read (" + e.getMessage() + ")");
    }
    if (report.kept() == 0) {
      throw new ConfigException(
          name + ": no rows inside the study's main tables (" + report.rows() + " rows read)");
    }
    report.warnings().values().forEach(w -> System.err.println(name + ": " + w.line()));
    Analysis analysis = new Analysis(tally);
    List<TableRow> rows = StudyTables.rows(analysis);
    List<Comparison.Row> comparison = Comparison.rows(analysis, PublishedFigures.ALL);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", "analyze");
    run.put("input", name);
    run.put("rules", tally.rules().id());
    run.put("rows_read", report.rows());
    run.put("rows_analysed", report.kept());
    run.put("rows_skipped", report.skipped());
    Map<String, Object> warnings = new LinkedHashMap<>();
    report
        .warnings()
        .forEach(
            (kind, w) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("count", w.count());
              m.put("first_line", w.firstLine());
              m.put("first", w.what());
              warnings.put(kind, m);
            });
    run.put("warnings", warnings);
    run.put("models", analysis.models());
    try (OutputDir dir = OutputDir.open(out)) {
      ReplicatePipeline.writeTables(dir, run, rows, comparison);
      try (Writer w = dir.writer("analysis.yaml")) {
        ReplicatePipeline.yaml().writeValue(w, run);
      }
      dir.commit();
    }
    if (!quiet) {
      TerminalTables.print(rows, comparison, System.out);
      if (tables.equals("all")) {
        TerminalTables.printDetail(rows, System.out);
      }
      System.out.println();
    }
    System.out.printf(
        "%d rows read, %d analysed, %d skipped -> %s%n",
        report.rows(),
        report.kept(),
        report.rows() - report.kept(),
        out.toAbsolutePath().normalize());
    report.skipped().forEach((why, count) -> System.out.printf("  skipped %d: %s%n", count, why));
    System.out.println("  tables.csv tables.json comparison.csv analysis.yaml");
    return 0;
  }
}
