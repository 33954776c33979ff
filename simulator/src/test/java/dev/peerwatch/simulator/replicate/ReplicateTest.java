package dev.peerwatch.simulator.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.Sampling;
import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.PublishedFigures;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.study.Analysis;
import dev.peerwatch.simulator.study.Comparison;
import dev.peerwatch.simulator.study.Rules;
import dev.peerwatch.simulator.study.StudyTables;
import dev.peerwatch.simulator.study.TablesWriter;
import dev.peerwatch.simulator.study.Tally;
import dev.peerwatch.simulator.study.TrialsCsv;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole replicate job on all eight study profiles at the study's 100 rollouts: determinism
 * across thread counts, published figures inside the simulated 95% intervals, and analyze
 * reproducing replicate's tables from its trials.csv.
 */
class ReplicateTest {
  @TempDir static Path tmp;
  private static final List<Profile> STUDY = Profiles.loadAll(Profiles.STUDY);
  private static ReplicatePipeline.Result oneThread;

  @BeforeAll
  static void runOnOneAndFourThreads() throws IOException {
    oneThread = run("t1", 1, 1, Sampling.STRATIFIED);
    run("t4", 4, 1, Sampling.STRATIFIED);
    run("seed2", 2, 2, Sampling.STRATIFIED);
  }

  private static ReplicatePipeline.Result run(String dir, int threads, long seed, Sampling s)
      throws IOException {
    try (Simulation sim = new Simulation(threads);
        OutputDir out = OutputDir.open(tmp.resolve(dir))) {
      ReplicatePipeline.Result r =
          ReplicatePipeline.run(
              sim, new ReplicationCoordinator.Spec(STUDY, 100, seed, s, Rules.STUDY), out, d -> {});
      out.commit();
      return r;
    }
  }

  @Test
  void sameSeedGivesByteIdenticalOutputsOnOneAndFourThreads() throws Exception {
    for (String f :
        List.of(
            "trials.csv", "tables.csv", "tables.json", "comparison.csv", "effective-config.yaml")) {
      assertThat(sha256(tmp.resolve("t4").resolve(f)))
          .as(f)
          .isEqualTo(sha256(tmp.resolve("t1").resolve(f)));
    }
    assertThat(Files.size(tmp.resolve("t1/trials.csv"))).isGreaterThan(10_000_000);
  }

  @Test
  void aDifferentSeedGivesDifferentTrials() throws Exception {
    assertThat(sha256(tmp.resolve("seed2/trials.csv")))
        .isNotEqualTo(sha256(tmp.resolve("t1/trials.csv")));
  }

  @Test
  void theMatrixHasTheStudysSizeAndEveryPublishedFigureIsInsideItsInterval() {
    assertThat(oneThread.episodes()).isEqualTo(8L * 271 * 100);
    assertThat(oneThread.comparison()).hasSize(PublishedFigures.ALL.size());
    assertThat(oneThread.comparison())
        .allSatisfy(
            r ->
                assertThat(r.inside())
                    .as(
                        "%s: published %s, simulated %s %s",
                        r.figure().label(),
                        r.figure().value(),
                        r.estimate().value(),
                        r.estimate().interval())
                    .isTrue());
  }

  @Test
  void independentRolloutsCoverThePublishedFiguresAtAboutTheNominalRate() throws IOException {
    int inside = 0;
    int total = 0;
    for (long seed = 11; seed <= 13; seed++) {
      ReplicatePipeline.Result r = run("iid" + seed, 2, seed, Sampling.IID);
      for (Comparison.Row row : r.comparison()) {
        total++;
        inside += row.inside() ? 1 : 0;
      }
    }
    // 3 seeds x 18 figures; nominal coverage 95%. Fewer than 85% inside would mean the
    // profiles or the intervals are off (probability < 1% if they are right).
    assertThat((double) inside / total).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void analyzeReproducesReplicatesTablesFromItsTrialsCsv() throws IOException {
    Tally tally = new Tally();
    try (Reader r = Files.newBufferedReader(tmp.resolve("t1/trials.csv"))) {
      TrialsCsv.ReadReport report = TrialsCsv.read(r, "trials.csv", tally::add);
      assertThat(report.kept()).isEqualTo(report.rows()).isEqualTo(8L * 271 * 100);
    }
    Analysis a = new Analysis(tally);
    StringWriter tables = new StringWriter();
    TablesWriter.tablesCsv(StudyTables.rows(a), tables);
    StringWriter comparison = new StringWriter();
    TablesWriter.comparisonCsv(Comparison.rows(a, PublishedFigures.ALL), comparison);
    assertThat(tables.toString()).isEqualTo(Files.readString(tmp.resolve("t1/tables.csv")));
    assertThat(comparison.toString()).isEqualTo(Files.readString(tmp.resolve("t1/comparison.csv")));
  }

  private static String sha256(Path p) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
  }
}
