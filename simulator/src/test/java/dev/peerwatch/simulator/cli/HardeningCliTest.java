package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
 * The hardening of issue 14, item by item: every bad input is exit 2 and one line naming what,
 * where and what is allowed, with no stack trace, nothing left in a fresh --out and an earlier
 * run's files byte-identical; output hygiene of --out.
 */
class HardeningCliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private Path scenario;

  static final String SCENARIO =
      """
      name: s
      description: a small live organisation
      ticks: 60
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.4}
            - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
      topology: {kind: hub}
      """;

  @BeforeEach
  void capture() throws IOException {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  // --- one input-reading path ---

  @Test
  void aLatin1ScenarioNamesTheLineAndColumnOfTheByte() throws IOException {
    byte[] b =
        SCENARIO.replace("a small live", "a small caf? live").getBytes(StandardCharsets.UTF_8);
    int at = new String(b, StandardCharsets.ISO_8859_1).indexOf('?');
    b[at] = (byte) 0xE9;
    Path f = tmp.resolve("latin1.yaml");
    Files.write(f, b);
    // "description: a small caf?" : line 2, the '?' is the 25th character.
    String line = badInput("run", f.toString());
    assertThat(line).contains(f + ":2:25: not UTF-8 text (byte 0xE9; allowed: YAML in UTF-8)");
  }

  @Test
  void aDirectoryGivenAsScenarioIsNamed() throws IOException {
    Path d = Files.createDirectory(tmp.resolve("dir.yaml"));
    assertThat(badInput("run", d.toString()))
        .endsWith(d + ": is a directory (allowed: a scenario file, YAML in UTF-8)");
  }

  @Test
  void binaryGarbageIsNotALeakedException() throws IOException {
    byte[] b = new byte[300];
    new java.util.Random(7).nextBytes(b);
    b[0] = 'a';
    b[1] = (byte) 0xC3; // a lead byte followed by a non-continuation byte: never UTF-8
    b[2] = 'x';
    Path f = tmp.resolve("garbage.yaml");
    Files.write(f, b);
    assertThat(badInput("run", f.toString())).contains(f + ":1:2: not UTF-8 text (byte 0xC3");
  }

  @Test
  void deepNestingNamesTheLimitNotAJacksonConstraint() throws IOException {
    Path f = tmp.resolve("deep.yaml");
    Files.writeString(f, "name: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    assertThat(badInput("run", f.toString()))
        .contains("nested more than 100 levels deep (allowed: at most 100)")
        .doesNotContain("StreamReadConstraints");
  }

  // --- --out hygiene ---

  @Test
  void anEmptyOutIsRefusedInsteadOfWritingIntoTheCurrentDirectory() throws IOException {
    int code = Main.execute("run", scenario.toString(), "--out", "", "--quiet");
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(e).isEqualTo(2);
    assertThat(e.strip().lines()).hasSize(1);
    assertThat(e).contains("--out '': an empty directory name (allowed: a directory path");
  }

  @Test
  void anOutUnderProcSaysWhy() throws IOException {
    assertThat(badInput("run", scenario.toString(), "--out", "/proc/peerwatch-x"))
        .contains("--out /proc/peerwatch-x: cannot write there (")
        .contains("allowed: a directory this user can create and write)");
  }

  @Test
  void ledgerNoneRemovesAnEarlierRunsLedger() throws IOException {
    Path d = tmp.resolve("o");
    assertThat(Main.execute("run", scenario.toString(), "--out", d.toString(), "--quiet")).isZero();
    assertThat(d.resolve("ledger.jsonl")).exists();
    assertThat(
            Main.execute(
                "run",
                scenario.toString(),
                "--ledger",
                "none",
                "--seed",
                "5",
                "--out",
                d.toString(),
                "--quiet"))
        .isZero();
    assertThat(d.resolve("ledger.jsonl")).doesNotExist();
    assertThat(Files.readString(d.resolve("summary.json"))).contains("\"ledger\" : \"none\"");
  }

  @Test
  void aKilledRunsTemporariesAreRemovedByTheNextRun() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("o"));
    Files.writeString(d.resolve(".ledger.jsonl.tmp"), "half a ledger");
    Files.writeString(d.resolve(".peerwatch-probe123.tmp"), "");
    Files.writeString(d.resolve("notes.txt"), "the user's own file");
    assertThat(Main.execute("run", scenario.toString(), "--out", d.toString(), "--quiet")).isZero();
    try (Stream<Path> files = Files.list(d)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly(
              "agents.csv",
              "ledger.jsonl",
              "notes.txt",
              "scenario.yaml",
              "summary.csv",
              "summary.json",
              "timeseries.csv");
    }
  }

  @Test
  void aFailedRunLeavesAnEarlierRunsFilesByteIdentical() throws IOException {
    Path d = tmp.resolve("o");
    assertThat(Main.execute("run", scenario.toString(), "--out", d.toString(), "--quiet")).isZero();
    Map<String, String> before = snapshot(d);
    err.reset();
    String line = badInputIn(d, "run", scenario.toString(), "--ticks", "0", "--out", d.toString());
    assertThat(line).contains("--ticks 0 is out of range (allowed: 1 to 100000000)");
    assertThat(snapshot(d)).isEqualTo(before);
  }

  // --- messages: option, file, line, what is allowed ---

  @Test
  void aNonNumberNamesTheOptionAndItsRange() throws IOException {
    assertThat(badInput("run", scenario.toString(), "--ticks", "abc"))
        .contains("--ticks 'abc' is not a whole number (allowed: 1 to 100000000)");
  }

  @Test
  void aNonNumericTickRateNamesItsRange() throws IOException {
    assertThat(badInput("serve", scenario.toString(), "--tick-rate", "fast"))
        .contains("--tick-rate 'fast' is not a number (allowed: a number above 0");
  }

  @Test
  void aMetricsPortInUseBlamesMetricsPort() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String line =
          badInput(
              "run", scenario.toString(), "--metrics-port", Integer.toString(taken.getLocalPort()));
      assertThat(line)
          .contains("--metrics-port " + taken.getLocalPort() + " on 127.0.0.1: cannot listen")
          .doesNotContain(" --port");
    }
  }

  @Test
  void benchFlagsAreCheckedOneByOne() throws IOException {
    assertThat(badInput("bench", "--job", "run", "--heap-agents", "-1"))
        .endsWith(
            "--heap-agents -1 is out of range (allowed: 0 (skip), or a multiple of 10 from 10 to 1000000)");
    err.reset();
    assertThat(badInput("bench", "--job", "run", "--agents", "1000000000"))
        .contains(
            "--agents 1000000000 is out of range (allowed: multiples of 10 from 10 to 1000000")
        .doesNotContain("--heap-agents");
    err.reset();
    assertThat(badInput("bench", "--warmup", "-1"))
        .contains("--warmup -1 is out of range")
        .doesNotContain("--rollouts");
    err.reset();
    assertThat(badInput("bench", "--iterations", "0"))
        .contains("--iterations 0 is out of range")
        .doesNotContain("--warmup");
    err.reset();
    assertThat(badInput("bench", "--rollouts", "0"))
        .contains("--rollouts 0 is out of range (allowed: 1 to 100000)")
        .doesNotContain("--iterations");
    err.reset();
    assertThat(badInput("bench", "--agents", "10,x0"))
        .contains("--agents 'x0' is not a whole number");
    err.reset();
    assertThat(badInput("bench", "--job", "run", "--warmup-seconds", "3601"))
        .endsWith("--warmup-seconds 3601 is out of range (allowed: 0 to 3600)");
    err.reset();
    assertThat(badInput("bench", "--warmup-seconds", "soon"))
        .contains("--warmup-seconds 'soon' is not a whole number (allowed: 0 to 3600)");
  }

  @Test
  void aNonNumericJoinTimeoutNamesItsRange() throws IOException {
    assertThat(badInputIn(tmp, "worker", "--join-timeout", "abc"))
        .contains("--join-timeout 'abc' is not a whole number (allowed: 1 to 3600 seconds)");
  }

  @Test
  void aProfileExtendingAnUnknownOneNamesTheFileAndLine() throws IOException {
    Path p = tmp.resolve("p.yaml");
    Files.writeString(
        p, "profile: x\nfamily: f\nextends: gpt-99\ndescription: d\nbehaviours: {}\n");
    assertThat(badInput("replicate", "--profiles", p.toString()))
        .contains(p + ":3:10: extends: unknown profile 'gpt-99'");
  }

  @Test
  void aProfileMissingACellNamesTheFileAndLine() throws IOException {
    Path p = tmp.resolve("p.yaml");
    Files.writeString(p, "profile: x\nfamily: f\ndescription: d\nbehaviours: {}\n");
    assertThat(badInput("replicate", "--profiles", p.toString()))
        .contains(p + ":1:1: profile 'x': missing cell behaviours.");
  }

  // --- sweeps ---

  private Path sweepFile(Path folder, String factors) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("base.yaml"), SCENARIO);
    Path f = folder.resolve("sweep.yaml");
    Files.writeString(
        f, "name: w\ndescription: d\nbase: base.yaml\nreplications: 2\nfactors:\n" + factors);
    return f;
  }

  @Test
  void aFactorsBadValueIsBlamedOnTheSweepFilesLine() throws IOException {
    Path f =
        sweepFile(
            tmp.resolve("a"), "  - name: f\n    levels:\n      - {label: x, set: {ticks: abc}}\n");
    // Line 8 of the sweep file; the key 'ticks' starts at column 26.
    assertThat(badInput("sweep", f.toString()))
        .contains(f + ":8:26: cell f=x: ticks: 'abc' is not a whole number");
  }

  @Test
  void aFactorsUnknownPathIsBlamedOnTheSweepFilesLine() throws IOException {
    Path f =
        sweepFile(
            tmp.resolve("a"), "  - name: f\n    levels:\n      - {label: x, set: {nosuch.k: 1}}\n");
    assertThat(badInput("sweep", f.toString())).contains(f + ":8:26: factor 'f': path 'nosuch.k'");
  }

  @Test
  void aSweepCopiedElsewhereResumesItsResults() throws IOException {
    String factors = "  - path: ticks\n    values: [20, 30]\n";
    Path a = sweepFile(tmp.resolve("a"), factors);
    Path d = tmp.resolve("results");
    assertThat(Main.execute("sweep", a.toString(), "--out", d.toString(), "--quiet")).isZero();
    Path b = sweepFile(tmp.resolve("elsewhere/b"), factors);
    out.reset();
    int code = Main.execute("sweep", b.toString(), "--out", d.toString(), "--resume", "--quiet");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("(0 now, 4 kept from before)");
  }

  @Test
  void anEmptySweepOutIsRefused() throws IOException {
    Path f = sweepFile(tmp.resolve("a"), "  - path: ticks\n    values: [20]\n");
    int code = Main.execute("sweep", f.toString(), "--out", "", "--quiet");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--out '': an empty directory name");
  }

  // --- helpers ---

  private String badInput(String... args) throws IOException {
    Path fresh = tmp.resolve("fresh-out");
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--out") && !args[0].equals("bench")) {
      all.add("--out");
      all.add(fresh.toString());
    }
    String line = badInputIn(fresh, all.toArray(String[]::new));
    assertThat(fresh).doesNotExist();
    return line;
  }

  private String badInputIn(Path dir, String... args) {
    int code = Main.execute(args);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(e).isEqualTo(2);
    assertThat(e.strip().lines()).as(e).hasSize(1);
    assertThat(e).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
    return e.strip();
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        files.put(
            dir.relativize(p).toString(),
            Files.isDirectory(p)
                ? "<dir>"
                : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
