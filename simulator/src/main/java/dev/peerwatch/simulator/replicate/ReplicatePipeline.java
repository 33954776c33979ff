package dev.peerwatch.simulator.replicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.PublishedFigures;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.study.Analysis;
import dev.peerwatch.simulator.study.Comparison;
import dev.peerwatch.simulator.study.StudyRow;
import dev.peerwatch.simulator.study.StudyTables;
import dev.peerwatch.simulator.study.TableRow;
import dev.peerwatch.simulator.study.TablesWriter;
import dev.peerwatch.simulator.study.Tally;
import dev.peerwatch.simulator.study.TrialsCsv;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The whole {@code replicate} job: run the matrix, write {@code trials.csv} while tallying it, then
 * the tables, the comparison with the published figures and the effective configuration.
 */
public final class ReplicatePipeline {
  /** What a run produced, for the terminal. */
  public record Result(List<TableRow> rows, List<Comparison.Row> comparison, long episodes) {}

  private ReplicatePipeline() {}

  /** Runs {@code spec} and writes every output file into {@code out} (not yet committed). */
  public static Result run(
      Simulation sim, ReplicationCoordinator.Spec spec, OutputDir out, IntConsumer progress)
      throws IOException {
    EpisodeOutcome[][][] outcomes = Replication.run(sim, spec, progress);
    Tally tally = new Tally(spec.rules());
    List<Configuration> matrix = StudyDesign.MATRIX;
    long episodes = 0;
    try (Writer w = out.writer("trials.csv")) {
      TrialsCsv.writeHeader(w);
      StringBuilder b = new StringBuilder(1 << 16);
      for (int p = 0; p < spec.profiles().size(); p++) {
        Profile profile = spec.profiles().get(p);
        for (int c = 0; c < matrix.size(); c++) {
          EpisodeOutcome[] os = outcomes[p][c];
          for (int r = 0; r < os.length; r++) {
            StudyRow row = Episodes.row(profile, matrix.get(c), r, os[r], spec.seed());
            tally.add(row);
            TrialsCsv.format(row, b);
            episodes++;
          }
          w.append(b);
          b.setLength(0);
        }
      }
    }
    Analysis analysis = new Analysis(tally);
    List<TableRow> rows = ProfileBasis.annotate(StudyTables.rows(analysis), spec.profiles());
    List<Comparison.Row> comparison = Comparison.rows(analysis, PublishedFigures.ALL);
    Map<String, Object> run = runInfo(spec, episodes);
    writeTables(out, run, rows, comparison);
    try (Writer w = out.writer("effective-config.yaml")) {
      Map<String, Object> cfg = new LinkedHashMap<>(run);
      cfg.put("profiles", profiles(spec.profiles()));
      yaml().writeValue(w, cfg);
    }
    return new Result(rows, comparison, episodes);
  }

  /** Writes tables.csv, tables.json and comparison.csv. */
  public static void writeTables(
      OutputDir out, Map<String, Object> run, List<TableRow> rows, List<Comparison.Row> comparison)
      throws IOException {
    try (Writer w = out.writer("tables.csv")) {
      TablesWriter.tablesCsv(rows, w);
    }
    try (Writer w = out.writer("comparison.csv")) {
      TablesWriter.comparisonCsv(comparison, w);
    }
    try (Writer w = out.writer("tables.json")) {
      TablesWriter.json(run, rows, comparison, w);
    }
  }

  /** A YAML writer without the document-start marker. */
  public static ObjectMapper yaml() {
    return new ObjectMapper(
        YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
  }

  private static Map<String, Object> runInfo(ReplicationCoordinator.Spec spec, long episodes) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("command", "replicate");
    run.put("seed", spec.seed());
    run.put("rollouts", spec.rollouts());
    run.put("sampling", spec.sampling().id());
    run.put("rules", spec.rules().id());
    run.put("configurations_per_profile", StudyDesign.MATRIX.size());
    run.put("episodes", episodes);
    run.put("profiles", spec.profiles().stream().map(Profile::name).toList());
    return run;
  }

  private static List<Map<String, Object>> profiles(List<Profile> profiles) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Profile p : profiles) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("profile", p.name());
      m.put("source", p.source());
      m.put("family", p.family());
      m.put("provider", p.provider());
      m.put("description", p.description());
      List<Map<String, Object>> cells = new ArrayList<>();
      for (Profile.Row r : p.rows()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("behaviour", r.behaviour().id());
        c.put("subject", r.subject().id());
        c.put("condition", r.condition().id());
        c.put("channel", r.channel().id());
        c.put("setting", r.setting());
        c.put("p", r.cell().p());
        c.put(r.cell().provenance().kind().id(), r.cell().provenance().text());
        cells.add(c);
      }
      m.put("cells", cells);
      out.add(m);
    }
    return out;
  }
}
