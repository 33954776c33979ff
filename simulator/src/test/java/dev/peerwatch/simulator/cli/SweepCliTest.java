package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peerwatch sweep} from the command line: a run, a resume, and every kind of bad input. */
class SweepCliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  private static final String HEAD =
      """
      name: s
      description: a sweep
      base: base.yaml
      replications: 2
      """;

  @BeforeEach
  void setUp() throws IOException {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Files.writeString(
        tmp.resolve("base.yaml"),
        """
        name: base
        description: a small hub
        ticks: 100
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.3}
              - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        """);
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private Path sweep(String factors) throws IOException {
    Path f = tmp.resolve("sweep.yaml");
    Files.writeString(f, HEAD + factors);
    return f;
  }

  private static final String GOOD =
      """
      factors:
        - path: audits.report_fraction
          values: [0.0, 0.5]
      """;

  @Test
  void aSweepWritesItsFilesAndAResumeOfAFinishedSweepRewritesThemIdentically() throws IOException {
    Path d = tmp.resolve("out");
    assertThat(Main.execute("sweep", sweep(GOOD).toString(), "--out", d.toString(), "--quiet"))
        .as(err.toString())
        .isZero();
    assertThat(d.resolve("runs.csv")).exists();
    assertThat(Files.readAllLines(d.resolve("runs.csv"))).hasSize(1 + 4);
    assertThat(Files.readAllLines(d.resolve("cells.csv"))).hasSize(1 + 2);
    assertThat(d.resolve("report.html")).exists();
    assertThat(d.resolve("sweep.yaml")).exists();
    String runs = Files.readString(d.resolve("runs.csv"));
    assertThat(
            Main.execute(
                "sweep", sweep(GOOD).toString(), "--out", d.toString(), "--quiet", "--resume"))
        .isZero();
    assertThat(Files.readString(d.resolve("runs.csv"))).isEqualTo(runs);
    assertThat(out.toString()).contains("(0 now, 4 kept from before)");
  }

  @Test
  void theTerminalTableShowsWhatOversightLetThroughInItsUnitsAsCellsCsvHasIt() throws IOException {
    Path d = tmp.resolve("out");
    assertThat(Main.execute("sweep", sweep(GOOD).toString(), "--out", d.toString()))
        .as(err.toString())
        .isZero();
    List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
    String head = printed.stream().filter(l -> l.contains("concealment")).findFirst().orElseThrow();
    assertThat(head).contains("concealment (%)").contains("exposure (ticks)").contains("(pp)");
    // cell 1's concealment: cells.csv's mean and interval, as percentages with one decimal
    List<String> cells = Files.readAllLines(d.resolve("cells.csv"));
    List<String> cols = java.util.Arrays.asList(cells.get(0).split(","));
    String[] c1 = cells.get(2).split(",", -1);
    double mean = Double.parseDouble(c1[cols.indexOf("concealment_mean")]);
    double low = Double.parseDouble(c1[cols.indexOf("concealment_ci_low")]);
    double high = Double.parseDouble(c1[cols.indexOf("concealment_ci_high")]);
    String shown =
        String.format(
            java.util.Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * mean, 100 * low, 100 * high);
    int row = printed.indexOf(head) + 2;
    assertThat(printed.get(row)).startsWith("0.5").contains(shown);
  }

  @Test
  void anExportedCellRunsToTheSweepsRow() throws IOException {
    Path d = tmp.resolve("out");
    assertThat(Main.execute("sweep", sweep(GOOD).toString(), "--out", d.toString(), "--quiet"))
        .isZero();
    out.reset();
    assertThat(
            Main.execute(
                "sweep", sweep(GOOD).toString(), "--export-cell", "1", "--replication", "1"))
        .as(err.toString())
        .isZero();
    assertThat(err.toString()).contains("cell 1 (0.5), replication 1").contains("= run 3 of");
    Path cell = tmp.resolve("cell.yaml");
    Files.writeString(cell, out.toString(StandardCharsets.UTF_8));
    Path r = tmp.resolve("run");
    assertThat(
            Main.execute(
                "run", cell.toString(), "--out", r.toString(), "--quiet", "--ledger", "none"))
        .as(err.toString())
        .isZero();
    // runs.csv row 3 (cell 1, replication 1) and the run's summary agree on under-reporting.
    String row = Files.readAllLines(d.resolve("runs.csv")).get(1 + 3);
    String[] header = Files.readAllLines(d.resolve("runs.csv")).get(0).split(",");
    int col = java.util.Arrays.asList(header).indexOf("under_reporting");
    String swept = row.split(",", -1)[col];
    String summary = Files.readString(r.resolve("summary.csv"));
    String line =
        summary
            .lines()
            .filter(l -> l.startsWith("under_reporting,all,all,"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(line.split(",")[3]))
        .isCloseTo(Double.parseDouble(swept), org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void clusterOptionsWithoutClusterAreOneLine() throws IOException {
    bad(
        sweep(GOOD),
        "--seed-node is an option of a cluster sweep (allowed: with --cluster",
        "--seed-node",
        "127.0.0.1:2552");
    bad(
        sweep(GOOD),
        "--join-timeout is an option of a cluster sweep (allowed: with --cluster",
        "--join-timeout",
        "5");
  }

  @Test
  void anExportWithClusterStartsNoNodeAndNeedsNoSecret() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("PEERWATCH_CLUSTER_SECRET") == null, "the test JVM has no secret set");
    assertThat(Main.execute("sweep", sweep(GOOD).toString(), "--export-cell", "1")).isZero();
    String local = out.toString(StandardCharsets.UTF_8);
    out.reset();
    assertThat(
            Main.execute(
                "sweep",
                sweep(GOOD).toString(),
                "--export-cell",
                "1",
                "--cluster",
                "--bind",
                "x:1"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(local)
        .contains("report_fraction: 0.5");
  }

  @Test
  void anExportOfACellThatDoesNotExistIsOneLine() throws IOException {
    bad(sweep(GOOD), "--export-cell 9: no such cell (allowed: 0 to 1)", "--export-cell", "9");
  }

  @Test
  void aFactorPathThatDoesNotExistIsNamed() throws IOException {
    bad(
        sweep(
            """
            factors:
              - path: auditz.report_fraction
                values: [0.1]
            """),
        "factor 'auditz.report_fraction': path 'auditz.report_fraction' does not exist:"
            + " 'auditz' does not exist in the base scenario");
  }

  @Test
  void aMisspeltLastKeyIsRejectedByTheScenarioReader() throws IOException {
    bad(
        sweep(
            """
            factors:
              - path: audits.report_fractoin
                values: [0.1]
            """),
        "unknown key 'report_fractoin'");
  }

  @Test
  void anEmptyRangeIsRefused() throws IOException {
    bad(
        sweep(
            """
            factors:
              - path: audits.report_fraction
                range: {from: 0.5, to: 0.1, step: 0.1}
            """),
        "empty range: 'to' 0.1 is below 'from' 0.5");
  }

  @Test
  void aLatinHypercubeOverACategoricalFactorIsRefused() throws IOException {
    bad(
        sweep(
            """
            design: {latin-hypercube: 4}
            factors:
              - name: topology
                levels:
                  - {label: hub, set: {topology.kind: hub}}
            """),
        "a Latin hypercube needs numeric factors, and 'topology' is categorical");
  }

  @Test
  void zeroReplicationsIsOutOfRange() throws IOException {
    Path f = tmp.resolve("sweep.yaml");
    Files.writeString(f, HEAD.replace("replications: 2", "replications: 0") + GOOD);
    bad(f, "replications: 0 is out of range (allowed: 1 to 100000)");
  }

  @Test
  void anOutputDirectoryWithAnotherSweepsResultsIsLeftAlone() throws IOException {
    Path d = tmp.resolve("out");
    assertThat(Main.execute("sweep", sweep(GOOD).toString(), "--out", d.toString(), "--quiet"))
        .isZero();
    err.reset();
    Path other =
        sweep(
            """
            factors:
              - path: audits.report_fraction
                values: [0.0, 0.25]
            """);
    bad(other, "holds another sweep's results");
    bad(other, "holds another sweep's results", "--resume");
    err.reset();
    bad(sweep(GOOD), "already holds this sweep's results (allowed: --resume");
  }

  private void bad(Path sweep, String expected, String... extra) throws IOException {
    Path d = tmp.resolve("out");
    Map<String, String> before = snapshot();
    String[] args = new String[4 + extra.length];
    args[0] = "sweep";
    args[1] = sweep.toString();
    args[2] = "--out";
    args[3] = d.toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    err.reset();
    int code = Main.execute(args);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(e).isEqualTo(2);
    assertThat(e.strip().lines()).hasSize(1);
    assertThat(e).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(snapshot()).isEqualTo(before);
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.toList()) {
        files.put(
            tmp.relativize(p).toString(),
            Files.isDirectory(p) ? "<dir>" : Files.readString(p, StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
