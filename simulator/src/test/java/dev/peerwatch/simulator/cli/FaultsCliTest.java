package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from outside: a full disk (a small tmpfs, where this machine lets the test mount one) and
 * signals to a real peerwatch process (SIGTERM to serve at any tick rate, SIGINT to a sweep,
 * SIGTERM to a run).
 */
class FaultsCliTest {
  @TempDir Path tmp;

  private Path scenario(long ticks) throws IOException {
    Path s = tmp.resolve("s.yaml");
    Files.writeString(s, HardeningCliTest.SCENARIO.replace("ticks: 60", "ticks: " + ticks));
    return s;
  }

  // --- a full disk ---

  /** Runs {@code body} with a 64 KiB tmpfs mounted at a fresh folder, or skips saying why. */
  private void withSmallDisk(DiskBody body) throws Exception {
    Path mnt = Files.createDirectories(tmp.resolve("small-disk"));
    Process m =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString())
            .redirectErrorStream(true)
            .start();
    String why = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!m.waitFor(30, TimeUnit.SECONDS) || m.exitValue() != 0) {
      System.out.println("skipped: the disk-full tests need to mount a tmpfs here (" + why + ")");
      Assumptions.abort("cannot mount a tmpfs here: " + why);
    }
    try {
      body.run(mnt);
    } finally {
      new ProcessBuilder("umount", mnt.toString())
          .inheritIO()
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    }
  }

  interface DiskBody {
    void run(Path mnt) throws Exception;
  }

  /** Runs the CLI in this JVM; returns exit code and stderr. */
  private static Object[] inProcess(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedErr = System.err;
    PrintStream savedOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(args);
      return new Object[] {code, err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(savedErr);
      System.setOut(savedOut);
    }
  }

  /** The one message line of a failed command (progress lines aside), checked for leaks. */
  private static String failureLine(String stderr) {
    List<String> lines = stderr.lines().filter(l -> l.startsWith("peerwatch ")).toList();
    assertThat(lines).as(stderr).hasSize(1);
    assertThat(stderr).doesNotContain("Exception").doesNotContain("\tat ");
    return lines.get(0);
  }

  @Test
  void aFullDiskDuringRunIsOneLineNamingTheFileAndLeavesNothing() throws Exception {
    Path s = scenario(3000);
    withSmallDisk(
        mnt -> {
          Path d = mnt.resolve("run");
          Object[] r = inProcess("run", s.toString(), "--out", d.toString(), "--quiet");
          assertThat(r[0]).isEqualTo(1);
          // Which file meets the full disk first depends on buffering; it is one of the run's.
          assertThat(failureLine((String) r[1]))
              .matches(
                  java.util.regex.Pattern.quote("peerwatch run: cannot write " + d + "/")
                      + "(ledger\\.jsonl|timeseries\\.csv|summary\\.json|summary\\.csv|scenario\\.yaml)"
                      + java.util.regex.Pattern.quote(" (no space left on device)"));
          assertThat(d).doesNotExist();
        });
  }

  @Test
  void aFullDiskDuringSweepLeavesNothingInAFreshOut() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("sw"));
    Files.writeString(folder.resolve("base.yaml"), HardeningCliTest.SCENARIO);
    Path sweep = folder.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        "name: w\ndescription: d\nbase: base.yaml\nreplications: 40\nfactors:\n"
            + "  - path: teams[0].members[0].failure_rate\n    values: [0.1, 0.2, 0.3, 0.4, 0.5]\n");
    withSmallDisk(
        mnt -> {
          Path d = mnt.resolve("sweep");
          Object[] r = inProcess("sweep", sweep.toString(), "--out", d.toString(), "--quiet");
          assertThat(r[0]).isEqualTo(1);
          assertThat(failureLine((String) r[1]))
              .startsWith("peerwatch sweep: cannot write " + d + "/")
              .endsWith("(no space left on device)");
          assertThat(d).doesNotExist();
        });
  }

  @Test
  void aFullDiskBeforeAnEarlierRunLeavesItsFilesByteIdentical() throws Exception {
    Path s = scenario(3000);
    withSmallDisk(
        mnt -> {
          Path d = mnt.resolve("run");
          Object[] ok =
              inProcess(
                  "run", s.toString(), "--ticks", "5", "--ledger", "none", "--out", d.toString());
          assertThat(ok[0]).as((String) ok[1]).isEqualTo(0);
          byte[] summary = Files.readAllBytes(d.resolve("summary.json"));
          Object[] r = inProcess("run", s.toString(), "--out", d.toString(), "--quiet");
          assertThat(r[0]).isEqualTo(1);
          assertThat(Files.readAllBytes(d.resolve("summary.json"))).isEqualTo(summary);
          try (Stream<Path> files = Files.list(d)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                .containsExactly(
                    "agents.csv", "scenario.yaml", "summary.csv", "summary.json", "timeseries.csv");
          }
        });
  }

  // --- signals to a real process ---

  private Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Reads stderr until a line starts with {@code prefix}; returns everything read so far. */
  private static String readUntil(BufferedReader err, String prefix) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String line; (line = err.readLine()) != null; ) {
      b.append(line).append('\n');
      if (line.startsWith(prefix)) {
        return b.toString();
      }
    }
    throw new AssertionError("the process ended before printing '" + prefix + "':\n" + b);
  }

  private static void signal(Process p, String sig) throws Exception {
    new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor();
  }

  @Test
  void serveAtATinyTickRateStopsOnSigtermAndWritesItsFiles() throws Exception {
    Path d = tmp.resolve("served");
    Process p =
        start(
            "serve",
            scenario(60).toString(),
            "--tick-rate",
            "1e-300",
            "--port",
            "0",
            "--out",
            d.toString(),
            "--quiet");
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String started = readUntil(err, "peerwatch serve:");
    assertThat(started).contains("http://127.0.0.1:").contains("Ctrl-C to stop");
    signal(p, "TERM");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("serve ended after SIGTERM").isTrue();
    String rest = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(rest).isZero();
    assertThat(rest).doesNotContain("Exception");
    try (Stream<Path> files = Files.list(d)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly(
              "agents.csv",
              "ledger.jsonl",
              "scenario.yaml",
              "summary.csv",
              "summary.json",
              "timeseries.csv");
    }
    // One tick ran (the first is due at once, the second never at 1e-300 ticks per second).
    assertThat(Files.readString(d.resolve("scenario.yaml"))).contains("ticks: 1\n");
  }

  @Test
  void anInterruptedSweepSaysWhatIsSavedAndHowToGoOn() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("sw"));
    Files.writeString(
        folder.resolve("base.yaml"), HardeningCliTest.SCENARIO.replace("ticks: 60", "ticks: 3000"));
    Path sweep = folder.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        "name: w\ndescription: d\nbase: base.yaml\nreplications: 200\nfactors:\n"
            + "  - path: teams[0].members[0].failure_rate\n    values: [0.1, 0.2]\n");
    Path d = tmp.resolve("sweep-out");
    Process p =
        start("sweep", sweep.toString(), "--out", d.toString(), "--quiet", "--threads", "1");
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    readUntil(err, "sweep [");
    signal(p, "INT");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String rest = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(rest).isEqualTo(130);
    String line =
        rest.lines()
            .filter(l -> l.startsWith("peerwatch sweep: interrupted"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no interruption message in:\n" + rest));
    assertThat(line)
        .matches(
            "peerwatch sweep: interrupted; \\d+ of 400 runs are saved in .*; the same command"
                + " with --resume runs the rest");
    assertThat(d.resolve("sweep.yaml")).exists();
    try (Stream<Path> files = Files.list(d)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
  }

  @Test
  void aRunStoppedBySigtermLeavesNoFilesInAFreshOut() throws Exception {
    Path d = tmp.resolve("run-out");
    Process p =
        start("run", scenario(2_000_000).toString(), "--out", d.toString(), "--threads", "1");
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    readUntil(err, "run [");
    signal(p, "TERM");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(143);
    assertThat(d).doesNotExist();
  }
}
