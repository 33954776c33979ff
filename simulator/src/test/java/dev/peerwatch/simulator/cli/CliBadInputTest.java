package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.replicate.Episodes;
import dev.peerwatch.simulator.study.TrialsCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind ends with exit code 2 and one line on stderr that names what is wrong and
 * what is allowed, with no stack trace, and leaves every file as it was.
 */
class CliBadInputTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void anUnknownProfileListsTheShippedNames() throws IOException {
    Path d = tmp.resolve("D");

    String line = badInput("replicate", "--profiles", "nope", "--out", d.toString());

    assertThat(line).contains("unknown profile 'nope'");
    assertThat(line).contains(String.join(", ", Profiles.SHIPPED));
    assertThat(d).doesNotExist();
  }

  @Test
  void aProbabilityAboveOneNamesTheFileThePositionAndTheRange() throws IOException {
    List<String> lines = shippedProfile("honest");
    int at = indexAfter(lines, "  tampering:", "default: {p: 0.0");
    lines.set(at, lines.get(at).replace("p: 0.0", "p: 1.5"));
    Path file = write("too-likely.yaml", lines);
    int column = lines.get(at).indexOf("1.5") + 1;

    String line = badInputReplicating(file.toString());

    assertThat(line).contains(file + ":" + (at + 1) + ":" + column + ":");
    assertThat(line).contains("tampering");
    assertThat(line).contains("1.5 is out of range (allowed: 0.0 to 1.0)");
  }

  @Test
  void aProfileWithoutACellSaysWhichCellIsMissing() throws IOException {
    List<String> lines = shippedProfile("gemini-3-flash");
    int at = indexAfter(lines, "  misrep_evaluation:", "      no_peer:");
    assertThat(lines.get(at - 1)).isEqualTo("    self:");
    lines.remove(at);
    Path file = write("incomplete.yaml", lines);

    String line = badInputReplicating(file.toString());

    assertThat(line).contains(file.toString());
    assertThat(line).contains("missing cell behaviours.misrep_evaluation.self.no_peer");
    assertThat(line).contains("give the subject a 'default'");
  }

  @Test
  void zeroRolloutsIsOutOfRange() throws IOException {
    String line = badInputReplicatingWith("--rollouts", "0");

    assertThat(line).contains("--rollouts 0 is out of range (allowed: 1 to 100000)");
  }

  @Test
  void zeroThreadsIsOutOfRange() throws IOException {
    String line = badInputReplicatingWith("--threads", "0");

    assertThat(line).contains("--threads 0 is out of range (allowed: 1 to 256)");
  }

  @Test
  void anUnknownSamplingModeNamesTheAllowedOnes() throws IOException {
    String line = badInputReplicatingWith("--sampling", "fancy");

    assertThat(line).contains("--sampling 'fancy'").contains("allowed: stratified, iid");
  }

  @Test
  void anOutputDirectoryUnderARegularFileCannotBeWritten() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Path d = file.resolve("D");

    String line =
        badInput("replicate", "--profiles", "honest", "--rollouts", "1", "--out", d.toString());

    assertThat(line).contains("--out " + d + ": cannot write there (not a directory; allowed: ");
    assertThat(file).hasContent("x");
  }

  @Test
  void anOutputPathThatIsARegularFileIsRefused() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");

    String line =
        badInput("replicate", "--profiles", "honest", "--rollouts", "1", "--out", file.toString());

    assertThat(line).contains("--out " + file + ": exists and is not a directory");
    assertThat(file).hasContent("x");
  }

  @Test
  void anUnknownOptionIsNamed() throws IOException {
    String line = badInput("replicate", "--bogus", "--out", tmp.resolve("D").toString());

    assertThat(line).contains("'--bogus'").contains("--help");
    assertThat(tmp.resolve("D")).doesNotExist();
  }

  @Test
  void aNonNumericRolloutCountIsNamed() throws IOException {
    String line = badInputReplicatingWith("--rollouts", "many");

    assertThat(line).contains("--rollouts").contains("'many'");
  }

  @Test
  void analysingAMissingFileSaysSo() throws IOException {
    Path missing = tmp.resolve("missing.csv");
    Path e = tmp.resolve("E");

    String line = badInput("analyze", missing.toString(), "--out", e.toString());

    assertThat(line).contains(missing + ": no such file");
    assertThat(e).doesNotExist();
  }

  @Test
  void analysingATableWithoutRequiredColumnsListsThem() throws IOException {
    List<String> keep = new ArrayList<>(TrialsCsv.STUDY_COLUMNS);
    keep.remove("eval_score");
    keep.remove("shutdown_enabled");
    Path csv = write("narrow.csv", project(trialsCsv(4), keep));

    String line = badAnalysis(csv);

    assertThat(line).contains(csv + ":1: missing column(s) eval_score, shutdown_enabled");
    assertThat(line).contains("needs: " + String.join(", ", TrialsCsv.REQUIRED));
  }

  @Test
  void analysingATruncatedTableNamesTheLineOfTheCutRow() throws IOException {
    List<String> lines = trialsCsv(4);
    String last = lines.get(4);
    lines.set(4, last.substring(0, last.length() / 2));
    Path csv = tmp.resolve("cut.csv");
    Files.writeString(csv, String.join("\n", lines), StandardCharsets.UTF_8);

    String line = badStrictAnalysis(csv);

    assertThat(line)
        .contains(csv + ":5: ")
        .contains("where the header has 43")
        .contains("truncated");
  }

  @Test
  void analysingANonNumericScoreNamesTheLineAndTheColumn() throws IOException {
    List<String> lines = trialsCsv(4);
    lines.set(3, withField(lines.get(3), "eval_score", "high"));
    Path csv = write("words.csv", lines);

    String line = badAnalysis(csv);

    assertThat(line).contains(csv + ":4: eval_score 'high' is not a number");
  }

  @Test
  void analysingATableThatIsNotUtf8NamesTheLine() throws IOException {
    List<String> lines = trialsCsv(3);
    Path csv = tmp.resolve("latin1.csv");
    byte[] head = String.join("\n", lines.subList(0, 2)).getBytes(StandardCharsets.UTF_8);
    byte[] bad = "\nGemini\u00e9,x\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + bad.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    Files.write(csv, all);

    String line = badAnalysis(csv);

    assertThat(line).contains(csv + ":3: not UTF-8 text");
  }

  @Test
  void anUnknownRuleSetNamesTheAllowedOnes() throws IOException {
    Path csv = write("good.csv", trialsCsv(3));

    String line =
        badInput(
            "analyze", csv.toString(), "--rules", "lenient", "--out", tmp.resolve("E").toString());

    assertThat(line).contains("--rules 'lenient'").contains("allowed: study, corrected");
    assertThat(tmp.resolve("E")).doesNotExist();
  }

  @Test
  void aFailedAnalysisLeavesAnEarlierOutputExactlyAsItWas() throws IOException {
    Path e = tmp.resolve("E");
    Files.createDirectories(e);
    Files.writeString(e.resolve("tables.csv"), "old");
    List<String> lines = trialsCsv(3);
    lines.set(2, withField(lines.get(2), "eval_score", "n/a"));
    Path csv = write("bad.csv", lines);

    String line = badInput("analyze", csv.toString(), "--strict", "--out", e.toString());

    assertThat(line).contains(csv + ":3: eval_score 'n/a'");
    try (Stream<Path> files = Files.list(e)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tables.csv");
    }
    assertThat(e.resolve("tables.csv")).hasContent("old");
  }

  @Test
  void anEmptyOrMalformedProfileListIsOneLineNotAHang() throws IOException {
    for (String list : List.of(",", ",,", " ", "honest,,gpt-5.2", "honest, ", "honest,honest")) {
      err.reset();
      out.reset();
      String line = badInputReplicating(list);
      assertThat(line).as(list).contains("--profiles").contains("allowed: names or paths");
    }
  }

  @Test
  void analysingDevZeroIsRefusedAtItsFirstLineWithinBoundedMemory() throws IOException {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));

    String line = badAnalysis(zero);

    assertThat(line).contains("/dev/zero:1: a line longer than 1048576 characters");
  }

  @Test
  void aLineOfTwoMillionCharactersIsRefusedNamingItsLine() throws IOException {
    List<String> lines = trialsCsv(2);
    lines.add(2, "x".repeat(2_000_000));
    Path csv = write("long.csv", lines);

    String line = badAnalysis(csv);

    assertThat(line).contains(csv + ":3: a line longer than");
  }

  @Test
  void permissiveReadingsGiveOneWarningLinePerKindWithCountAndFirstLine() throws IOException {
    List<String> lines = trialsCsv(6);
    lines.set(2, withField(lines.get(2), "refused", "1.0"));
    lines.set(4, withField(lines.get(4), "executed", "Maybe"));
    lines.set(5, withField(lines.get(5), "eval_score", "inf"));
    Path csv = write("lenient.csv", lines);

    int code =
        Main.execute("analyze", csv.toString(), "--quiet", "--out", tmp.resolve("W").toString());

    assertThat(code).isZero();
    List<String> warnings = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0))
        .startsWith(csv + ": warning: 2 x flag, first at line 3: refused '1.0' read as False");
    assertThat(warnings.get(1))
        .startsWith(
            csv + ": warning: 1 x number, first at line 6: eval_score 'inf' read as +infinity");
    assertThat(Files.readString(tmp.resolve("W/analysis.yaml")))
        .contains("flag:")
        .contains("count: 2")
        .contains("first_line: 3");
  }

  @Test
  void strictRefusesAFlagThatIsNeitherTrueNorFalseNamingItsLine() throws IOException {
    List<String> lines = trialsCsv(4);
    lines.set(3, withField(lines.get(3), "refused", "1.0"));
    Path csv = write("flag.csv", lines);

    String line = badStrictAnalysis(csv);

    assertThat(line)
        .endsWith(
            ": "
                + csv
                + ":4: refused '1.0' is neither true nor false (allowed: True, False, 1, 0, or"
                + " empty) (--strict)");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * Runs the command line, checks the bad-input contract (exit 2, one line on stderr, nothing on
   * stdout, no stack trace, every file under the temporary directory unchanged) and returns the
   * line.
   */
  private String badInput(String... args) throws IOException {
    Map<String, String> before = snapshot();
    int code = Main.execute(args);
    System.err.flush();
    String stderr = err.toString(StandardCharsets.UTF_8);
    String stdout = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as("exit code, stderr: %s", stderr).isEqualTo(Main.BAD_INPUT);
    assertThat(stderr).endsWith("\n");
    List<String> lines = stderr.lines().toList();
    assertThat(lines).as("stderr lines").hasSize(1);
    String line = lines.get(0);
    assertThat(line).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(line).contains(args[0]);
    assertThat(stdout).as("stdout").isEmpty();
    assertThat(snapshot()).as("files under %s", tmp).isEqualTo(before);
    return line;
  }

  private String badInputReplicating(String profile) throws IOException {
    Path d = tmp.resolve("D");
    String line =
        badInput("replicate", "--profiles", profile, "--rollouts", "1", "--out", d.toString());
    assertThat(d).doesNotExist();
    return line;
  }

  private String badInputReplicatingWith(String option, String value) throws IOException {
    Path d = tmp.resolve("D");
    String line =
        badInput("replicate", "--profiles", "honest", option, value, "--out", d.toString());
    assertThat(d).doesNotExist();
    return line;
  }

  private String badStrictAnalysis(Path csv) throws IOException {
    Path e = tmp.resolve("E");
    String line = badInput("analyze", csv.toString(), "--strict", "--out", e.toString());
    assertThat(e).doesNotExist();
    return line;
  }

  private String badAnalysis(Path csv) throws IOException {
    Path e = tmp.resolve("E");
    String line = badInput("analyze", csv.toString(), "--out", e.toString());
    assertThat(e).doesNotExist();
    return line;
  }

  /** Every file and directory under the temporary directory, with its bytes. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.toList()) {
        String key = tmp.relativize(p).toString();
        files.put(
            key,
            Files.isDirectory(p)
                ? "<dir>"
                : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private static List<String> shippedProfile(String name) throws IOException {
    try (InputStream in =
        Profiles.class.getClassLoader().getResourceAsStream("profiles/" + name + ".yaml")) {
      assertThat(in).as("shipped profile %s", name).isNotNull();
      return new ArrayList<>(
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
  }

  /** The index of the first line containing {@code text} after the line equal to {@code start}. */
  private static int indexAfter(List<String> lines, String start, String text) {
    int i = lines.indexOf(start);
    assertThat(i).as("line '%s'", start).isNotNegative();
    for (int j = i + 1; j < lines.size(); j++) {
      if (lines.get(j).contains(text)) {
        return j;
      }
    }
    throw new AssertionError("no line containing '" + text + "' after '" + start + "'");
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** The header and the first {@code n} honest rows of the matrix, as trials.csv holds them. */
  private static List<String> trialsCsv(int n) throws IOException {
    StringWriter w = new StringWriter();
    TrialsCsv.writeHeader(w);
    StringBuilder b = new StringBuilder(w.toString());
    Profile honest = Profiles.load("honest");
    for (int i = 0; i < n; i++) {
      Configuration cfg = StudyDesign.MATRIX.get(i);
      EpisodeOutcome o =
          new EpisodeOutcome(false, cfg.dataset().honestScore(), ' ', null, null, null);
      TrialsCsv.format(Episodes.row(honest, cfg, 0, o, 1L), b);
    }
    return new ArrayList<>(b.toString().lines().toList());
  }

  private static List<String> header() {
    List<String> h = new ArrayList<>(TrialsCsv.STUDY_COLUMNS);
    h.addAll(TrialsCsv.EXTRA_COLUMNS);
    return h;
  }

  /** A row of trials.csv (no quoted fields) with one column replaced. */
  private static String withField(String row, String column, String value) {
    String[] f = row.split(",", -1);
    assertThat(f).hasSize(header().size());
    f[header().indexOf(column)] = value;
    return String.join(",", f);
  }

  /** Keeps only {@code columns} of trials.csv lines (no quoted fields). */
  private static List<String> project(List<String> lines, List<String> columns) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      String[] f = l.split(",", -1);
      List<String> kept = new ArrayList<>();
      for (String c : columns) {
        kept.add(f[header().indexOf(c)]);
      }
      out.add(String.join(",", kept));
    }
    return out;
  }
}
