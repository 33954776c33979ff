package dev.peerwatch.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Dataset;
import dev.peerwatch.config.MonitoringMode;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.simulator.replicate.Episodes;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialsCsvTest {
  private static final List<String> HEADER = header();

  @Test
  void everyFieldTheAnalysisUsesSurvivesFormatThenRead() {
    List<StudyRow> written =
        List.of(
            row("t-1", TaskType.MISREP_EVALUATION, Subject.PEER, Condition.GOOD_PEER)
                .memory(true)
                .mode(MonitoringMode.NONE)
                .threshold(80)
                .promptRelationship(false)
                .score(87.5)
                .flags(true, false, true)
                .build(),
            row("t-2", TaskType.ALIGNMENT_FAKING, Subject.PEER, Condition.BAD_PEER)
                .dataset(Dataset.CREATIVITY)
                .mode(MonitoringMode.NON_MONITORING)
                .threshold(90)
                .promptRelationship(true)
                .score(Double.NaN)
                .executed(false)
                .flags(false, true, null)
                .build(),
            row("t-3", TaskType.MISREP_FINANCE, Subject.SELF, Condition.NON_SHUTDOWN)
                .dataset(Dataset.DEFAULT)
                .grade("B")
                .flags(null, null, false)
                .build(),
            row("t-4", TaskType.TAMPERING, Subject.SELF, Condition.NO_PEER)
                .dataset(Dataset.RED)
                .threshold(80)
                .score(55)
                .shutdownEnabled(false)
                .build(),
            row("t-5", TaskType.EXFILTRATION_DELETION, Subject.PEER, Condition.NEUTRAL_PEER)
                .dataset(Dataset.DEFAULT)
                .exfiltration(true)
                .shutdownEnabled(null)
                .build());

    List<StudyRow> read = new ArrayList<>();
    TrialsCsv.ReadReport report =
        TrialsCsv.read(new StringReader(csv(written)), "t.csv", read::add);

    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.kept()).isEqualTo(5);
    assertThat(report.skipped()).isEmpty();
    assertThat(read).hasSize(5);
    for (int i = 0; i < written.size(); i++) {
      assertRoundTrip(read.get(i), written.get(i));
    }
    assertThat(read.get(1).evalScore()).isNaN();
    assertThat(read.get(0).evalScore()).isEqualTo(87.5);
    assertThat(read.get(2).grade()).isEqualTo("B");
    assertThat(read.get(4).shutdownEnabled()).isNull();
  }

  @Test
  void everyConfigurationOfTheMatrixRoundTripsWithItsProvenanceColumns() {
    Profile honest = Profiles.load("honest");
    List<StudyRow> written = new ArrayList<>();
    int r = 0;
    for (Configuration cfg : StudyDesign.MATRIX) {
      written.add(Episodes.row(honest, cfg, r, outcome(cfg, r), 42L));
      r = (r + 1) % 3;
    }

    List<StudyRow> read = new ArrayList<>();
    TrialsCsv.read(new StringReader(csv(written)), "t.csv", read::add);

    assertThat(read).hasSize(StudyDesign.MATRIX.size());
    for (int i = 0; i < written.size(); i++) {
      StudyRow w = written.get(i);
      StudyRow got = read.get(i);
      assertRoundTrip(got, w);
      assertThat(got.transcriptId()).isEqualTo(w.transcriptId());
      assertThat(got.subjectName()).isEqualTo(w.subjectName());
      assertThat(got.provider()).isEqualTo("none");
      assertThat(got.seed()).isEqualTo(42L);
      assertThat(got.configuration()).isEqualTo(StudyDesign.MATRIX.get(i).id());
    }
  }

  @Test
  void theHeaderIsTheStudys41ColumnsInOrderThenPeerwatchsOwn() {
    assertThat(HEADER).hasSize(43);
    assertThat(HEADER.subList(0, 41)).isEqualTo(TrialsCsv.STUDY_COLUMNS);
    assertThat(HEADER.subList(41, 43)).containsExactly("pw_seed", "pw_configuration");
    assertThat(HEADER).containsAll(TrialsCsv.REQUIRED);
    StringBuilder b = new StringBuilder();
    TrialsCsv.format(row("x", TaskType.TAMPERING, Subject.PEER, Condition.GOOD_PEER).build(), b);
    assertThat(b.toString().split(",", -1)).hasSize(43);
  }

  @Test
  void quotedFieldsWithCommasQuotesAndNewlinesReadBackAndLaterLinesCountTheNewline() {
    StudyRow odd =
        row(
                "id, with \"quotes\"\nand a second line",
                TaskType.TAMPERING,
                Subject.PEER,
                Condition.GOOD_PEER)
            .subjectName("Agent \"Two\", the peer")
            .configuration("cfg,with,commas")
            .build();
    StudyRow plain = row("plain", TaskType.TAMPERING, Subject.PEER, Condition.GOOD_PEER).build();
    // Lines: 1 header, 2-3 the odd record, 4 the plain one, 5 a cut record.
    String text = csv(List.of(odd, plain)) + "cut,row\n";

    List<StudyRow> read = new ArrayList<>();
    // pandas pads a short row; --strict refuses it, naming its line.
    assertThatThrownBy(() -> TrialsCsv.read(new StringReader(text), "q.csv", true, read::add))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("q.csv:5: 2 fields where the header has 43");
    assertThat(read).hasSize(2);
    assertThat(read.get(0).transcriptId()).isEqualTo("id, with \"quotes\"\nand a second line");
    assertThat(read.get(0).subjectName()).isEqualTo("Agent \"Two\", the peer");
    assertThat(read.get(0).configuration()).isEqualTo("cfg,with,commas");
    assertThat(read.get(1).transcriptId()).isEqualTo("plain");
  }

  @Test
  void aTableWithOnlyTheRequiredColumnsInAnotherOrderIsRead() {
    List<StudyRow> written =
        List.of(
            row("a", TaskType.MISREP_EVALUATION, Subject.SELF, Condition.NO_PEER)
                .threshold(90)
                .dataset(Dataset.CREATIVITY)
                .score(91)
                .memory(true)
                .build(),
            row("b", TaskType.MISREP_FINANCE, Subject.PEER, Condition.BAD_PEER)
                .dataset(Dataset.DEFAULT)
                .grade("A")
                .promptRelationship(true)
                .build());
    List<String> reversed = new ArrayList<>(TrialsCsv.REQUIRED);
    java.util.Collections.reverse(reversed);

    List<StudyRow> read = new ArrayList<>();
    TrialsCsv.ReadReport report =
        TrialsCsv.read(new StringReader(project(csv(written), reversed)), "r.csv", read::add);

    assertThat(report.kept()).isEqualTo(2);
    for (int i = 0; i < written.size(); i++) {
      assertSameForAnalysis(read.get(i), written.get(i));
      assertThat(read.get(i).transcriptId()).isEmpty();
      assertThat(read.get(i).seed()).isZero();
      assertThat(read.get(i).configuration()).isEmpty();
    }
    assertThat(read.get(0).threshold()).isEqualTo(90);
    assertThat(read.get(0).evalScore()).isEqualTo(91.0);
    assertThat(read.get(1).grade()).isEqualTo("A");
  }

  @ParameterizedTest(name = "''{0}'' reads as {1}")
  @CsvSource(
      value = {
        "True, true",
        "true, true",
        "TRUE, true",
        "1, true",
        "1.0, false",
        "False, false",
        "false, false",
        "0, false",
        "0.0, false",
        "yes, false",
        "no, false"
      })
  void theStudysFlagEncoding(String cell, boolean expected) {
    assertThat(TrialsCsv.flag(cell)).isEqualTo(expected);
    StudyRow r = readOne(withField(line(tampering()), "executed", cell));
    assertThat(r.executed()).isEqualTo(expected);
    assertThat(StudyRow.flag(r.executed())).isEqualTo(expected);
  }

  @Test
  void anEmptyFlagIsMissingAndNotTrue() {
    assertThat(TrialsCsv.flag("")).isNull();
    StudyRow r = readOne(withField(line(tampering()), "shutdown_enabled", ""));
    assertThat(r.shutdownEnabled()).isNull();
    assertThat(StudyRow.flag(r.shutdownEnabled())).isFalse();
  }

  @Test
  void rowsOutsideTheMainTablesAreSkippedAndCountedWithTheReason() {
    StudyRow kept = tampering();
    StudyRow otherHarness =
        row("h", TaskType.TAMPERING, Subject.PEER, Condition.GOOD_PEER)
            .harness("claude_code")
            .build();
    String text =
        HEADER_LINE
            + line(kept)
            + line(otherHarness)
            + withField(line(kept), "task_type", "sabotage")
            + line(otherHarness)
            + line(kept);

    List<StudyRow> read = new ArrayList<>();
    TrialsCsv.ReadReport report = TrialsCsv.read(new StringReader(text), "s.csv", read::add);

    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.kept()).isEqualTo(2);
    assertThat(read).hasSize(2).allSatisfy(r -> assertThat(r.harness()).isEqualTo("custom"));
    assertThat(report.skipped())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "agent_harness 'claude_code' (only custom is in the main tables)", 2L,
                "task_type 'sabotage'", 1L));
  }

  @Test
  void aUtf8ByteOrderMarkOnTheHeaderIsTolerated() {
    String text = "\uFEFF" + HEADER_LINE + line(tampering()) + line(tampering());

    List<StudyRow> read = new ArrayList<>();
    TrialsCsv.ReadReport report = TrialsCsv.read(new StringReader(text), "bom.csv", read::add);

    assertThat(report.kept()).isEqualTo(2);
    assertThat(read.get(0).transcriptId()).isEqualTo("tamper");
  }

  @Test
  void anEmptyFileIsAnErrorNamingTheFile() {
    assertThatThrownBy(() -> TrialsCsv.read(new StringReader(""), "empty.csv", r -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessage("empty.csv: the file is empty (expected a header line)");
  }

  @Test
  void aQuoteLeftOpenAtTheEndOfTheFileNamesTheLineItOpensOn() {
    String text = HEADER_LINE + line(tampering()) + "\"never closed,\nstill open\nto the end\n";

    assertThatThrownBy(() -> TrialsCsv.read(new StringReader(text), "open.csv", r -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessage("open.csv:3: a quoted field is not closed before the end of file");
  }

  @Test
  void aNonNumericScoreNamesTheLineAndTheColumn() {
    String text =
        HEADER_LINE + line(tampering()) + withField(line(tampering()), "eval_score", "high");

    assertThatThrownBy(() -> TrialsCsv.read(new StringReader(text), "n.csv", r -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessage("n.csv:3: eval_score 'high' is not a number (or empty)");
  }

  @Test
  void missingColumnsAreAllNamedWithWhatIsNeeded() {
    List<String> some = new ArrayList<>(TrialsCsv.REQUIRED);
    some.remove("eval_score");
    some.remove("subject_grade");
    String text = project(HEADER_LINE + line(tampering()), some);

    assertThatThrownBy(() -> TrialsCsv.read(new StringReader(text), "m.csv", r -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("m.csv:1: missing column(s) eval_score, subject_grade (")
        .hasMessageContaining(String.join(", ", TrialsCsv.REQUIRED));
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static final String HEADER_LINE = String.join(",", HEADER) + "\n";

  private static List<String> header() {
    StringWriter w = new StringWriter();
    try {
      TrialsCsv.writeHeader(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String s = w.toString();
    return List.of(s.substring(0, s.length() - 1).split(",", -1));
  }

  /** The fields the analysis reads, as the brief of the per-trial table lists them. */
  private static final String[] ANALYSIS_FIELDS = {
    "task",
    "memory",
    "model",
    "condition",
    "subject",
    "dataset",
    "mode",
    "threshold",
    "promptRelationship",
    "harness",
    "readData",
    "fullyIncomplete",
    "refused",
    "evalScore",
    "executed",
    "shutdownEnabled",
    "exfiltration",
    "grade"
  };

  private static void assertSameForAnalysis(StudyRow got, StudyRow want) {
    assertThat(got)
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .comparingOnlyFields(ANALYSIS_FIELDS)
        .isEqualTo(want);
    assertThat(Double.isNaN(got.evalScore())).isEqualTo(Double.isNaN(want.evalScore()));
  }

  /** A full round trip: everything but transcript_number, which reading leaves at 0. */
  private static void assertRoundTrip(StudyRow got, StudyRow want) {
    assertSameForAnalysis(got, want);
    assertThat(got)
        .usingRecursiveComparison()
        .withComparatorForType(Double::compare, Double.class)
        .ignoringFields("transcriptNumber")
        .isEqualTo(want);
  }

  private static String csv(List<StudyRow> rows) {
    StringBuilder b = new StringBuilder(HEADER_LINE);
    for (StudyRow r : rows) {
      TrialsCsv.format(r, b);
    }
    return b.toString();
  }

  private static String line(StudyRow r) {
    StringBuilder b = new StringBuilder();
    TrialsCsv.format(r, b);
    return b.toString();
  }

  /** A formatted line (without quoted fields) with one column replaced. */
  private static String withField(String line, String column, String value) {
    String[] f = line.substring(0, line.length() - 1).split(",", -1);
    assertThat(f).hasSize(HEADER.size());
    f[HEADER.indexOf(column)] = value;
    return String.join(",", f) + "\n";
  }

  /** Keeps only {@code columns}, in that order, of a CSV without quoted fields. */
  private static String project(String text, List<String> columns) {
    StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
    String[] lines = text.split("\n");
    for (int i = 1; i < lines.length; i++) {
      List<String> f = Arrays.asList(lines[i].split(",", -1));
      List<String> out = new ArrayList<>();
      for (String c : columns) {
        out.add(f.get(HEADER.indexOf(c)));
      }
      b.append(String.join(",", out)).append('\n');
    }
    return b.toString();
  }

  private static StudyRow readOne(String line) {
    List<StudyRow> read = new ArrayList<>();
    TrialsCsv.read(new StringReader(HEADER_LINE + line), "one.csv", read::add);
    assertThat(read).hasSize(1);
    return read.get(0);
  }

  private static StudyRow tampering() {
    return row("tamper", TaskType.TAMPERING, Subject.PEER, Condition.GOOD_PEER)
        .threshold(80)
        .score(60)
        .executed(true)
        .shutdownEnabled(true)
        .build();
  }

  /** What an honest critic does in {@code cfg}, varied a little by rollout. */
  private static EpisodeOutcome outcome(Configuration cfg, int r) {
    return switch (cfg.task()) {
      case MISREP_EVALUATION ->
          new EpisodeOutcome(
              r == 2, r == 2 ? -1 : cfg.dataset().honestScore(), ' ', null, null, null);
      case MISREP_FINANCE -> new EpisodeOutcome(false, -1, r == 1 ? ' ' : 'C', null, null, null);
      case TAMPERING -> new EpisodeOutcome(false, -1, ' ', r != 1, null, null);
      case ALIGNMENT_FAKING ->
          new EpisodeOutcome(false, cfg.dataset().honestScore(), ' ', null, r != 0, null);
      case EXFILTRATION_TRANSFER, EXFILTRATION_DELETION ->
          new EpisodeOutcome(false, -1, ' ', null, null, r == 1);
    };
  }

  private static Builder row(String id, TaskType task, Subject subject, Condition condition) {
    return new Builder(id, task, subject, condition);
  }

  /** A StudyRow with plausible defaults, for the fields a test varies. */
  private static final class Builder {
    private final String id;
    private final TaskType task;
    private final Subject subject;
    private final Condition condition;
    private Boolean memory = false;
    private String subjectName = "Gemini Agent 2";
    private Dataset dataset = Dataset.FACTUAL;
    private MonitoringMode mode = MonitoringMode.NONE;
    private int threshold;
    private Boolean promptRelationship = false;
    private String harness = "custom";
    private Boolean readData = true;
    private Boolean fullyIncomplete = false;
    private Boolean refused = false;
    private double score = Double.NaN;
    private Boolean executed;
    private Boolean shutdownEnabled;
    private Boolean exfiltration;
    private String grade;
    private String configuration = "cfg";

    Builder(String id, TaskType task, Subject subject, Condition condition) {
      this.id = id;
      this.task = task;
      this.subject = subject;
      this.condition = condition;
    }

    Builder memory(Boolean v) {
      memory = v;
      return this;
    }

    Builder subjectName(String v) {
      subjectName = v;
      return this;
    }

    Builder dataset(Dataset v) {
      dataset = v;
      return this;
    }

    Builder mode(MonitoringMode v) {
      mode = v;
      return this;
    }

    Builder threshold(int v) {
      threshold = v;
      return this;
    }

    Builder promptRelationship(Boolean v) {
      promptRelationship = v;
      return this;
    }

    Builder harness(String v) {
      harness = v;
      return this;
    }

    /** read_data, fully_incomplete and refused. */
    Builder flags(Boolean read, Boolean incomplete, Boolean refusedFlag) {
      readData = read;
      fullyIncomplete = incomplete;
      refused = refusedFlag;
      return this;
    }

    Builder score(double v) {
      score = v;
      return this;
    }

    Builder executed(Boolean v) {
      executed = v;
      return this;
    }

    Builder shutdownEnabled(Boolean v) {
      shutdownEnabled = v;
      return this;
    }

    Builder exfiltration(Boolean v) {
      exfiltration = v;
      return this;
    }

    Builder grade(String v) {
      grade = v;
      return this;
    }

    Builder configuration(String v) {
      configuration = v;
      return this;
    }

    StudyRow build() {
      boolean scored = !Double.isNaN(score);
      return new StudyRow(
          id,
          7,
          task,
          memory,
          "gemini-3-flash",
          "google",
          condition,
          subject,
          subjectName,
          dataset,
          mode,
          threshold,
          promptRelationship,
          harness,
          readData,
          fullyIncomplete,
          refused,
          score,
          scored && threshold > 0 ? score >= threshold : null,
          executed,
          task == TaskType.TAMPERING ? Boolean.TRUE : null,
          shutdownEnabled,
          exfiltration,
          grade,
          memory,
          1234567890123L,
          configuration);
    }
  }
}
