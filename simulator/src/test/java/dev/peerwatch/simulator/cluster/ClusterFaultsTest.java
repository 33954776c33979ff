package dev.peerwatch.simulator.cluster;

import static dev.peerwatch.simulator.cluster.ClusterSweepTest.DEADLINE_S;
import static dev.peerwatch.simulator.cluster.ClusterSweepTest.SWEEP;
import static dev.peerwatch.simulator.cluster.ClusterSweepTest.awaitTrue;
import static dev.peerwatch.simulator.cluster.ClusterSweepTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peerwatch.simulator.cli.Main;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster sweep's faults and bad input: a killed coordinator resumed, workers refused for another
 * sweep file or another secret, a port in use, an unreachable coordinator, a missing secret. Each
 * bad input is one stderr line and exit code 2.
 */
class ClusterFaultsTest {
  @TempDir Path tmp;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void aCoordinatorKilledMidwayIsResumedToTheLocalSweepsBytes() throws Exception {
    Path out = tmp.resolve("cluster");
    Process first =
        start(
            "c1",
            "sweep",
            SWEEP.toString(),
            "--cluster",
            "--bind",
            "127.0.0.1:0",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--quiet");
    Path partial = out.resolve("runs.partial.csv");
    awaitTrue("the coordinator's own worker has written 6 runs", () -> rows(partial) >= 1 + 6);
    first.destroyForcibly();
    assertThat(first.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    int kept = rows(partial) - 1;
    assertThat(kept).isLessThan(100);
    Process second =
        start(
            "c2",
            "sweep",
            SWEEP.toString(),
            "--cluster",
            "--bind",
            "127.0.0.1:0",
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--quiet",
            "--resume");
    assertThat(second.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(log("c2")).isZero();
    Path local = tmp.resolve("local");
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(Main.execute("sweep", SWEEP.toString(), "--out", local.toString(), "--quiet"))
          .isZero();
    } finally {
      System.setOut(saved);
    }
    assertThat(Files.mismatch(out.resolve("runs.csv"), local.resolve("runs.csv"))).isEqualTo(-1);
    assertThat(Files.mismatch(out.resolve("cells.csv"), local.resolve("cells.csv"))).isEqualTo(-1);
    // At least the rows on disk at the kill were kept (a row being written may have been cut).
    Matcher m = Pattern.compile("\\((\\d+) now, (\\d+) kept from before\\)").matcher(log("c2"));
    assertThat(m.find()).as(log("c2")).isTrue();
    assertThat(Integer.parseInt(m.group(2))).isBetween(kept - 1, kept);
    assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))).isEqualTo(100);
  }

  @Test
  void workersWithAnotherSweepFileOrAnotherSecretAreRefusedInOneLine() throws Exception {
    start(
        "c",
        "sweep",
        SWEEP.toString(),
        "--cluster",
        "--bind",
        "127.0.0.1:0",
        "--out",
        tmp.resolve("out").toString(),
        "--quiet");
    Pattern p = Pattern.compile("--join (\\S+)");
    awaitTrue("the coordinator prints its address", () -> p.matcher(log("c")).find());
    Matcher m = p.matcher(log("c"));
    assertThat(m.find()).isTrue();
    String at = m.group(1);
    Path other = SWEEP.resolveSibling("topologies.yaml");
    Process wrongSweep =
        start("ws", "worker", "--join", at, "--threads", "1", "--sweep", other.toString());
    Process wrongSecret =
        ClusterSweepTest.startWithSecret(
            tmp,
            "wk",
            started,
            "another-secret-0123456789",
            "worker",
            "--join",
            at,
            "--threads",
            "1");
    assertThat(wrongSweep.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(wrongSecret.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertOneLine(
        wrongSweep,
        "ws",
        "peerwatch worker: refused by the coordinator: its sweep file differs from the"
            + " coordinator's sweep 'audit-budget'");
    assertOneLine(wrongSecret, "wk", "PEERWATCH_CLUSTER_SECRET");
    assertThat(log("c")).contains("refused a worker from 127.0.0.1:");
    assertThat(log("c")).doesNotContain(ClusterSweepTest.SECRET);
  }

  @Test
  void aPortInUseIsOneLineAndLeavesNoOutput() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Path out = tmp.resolve("out");
      Process c =
          start(
              "c",
              "sweep",
              SWEEP.toString(),
              "--cluster",
              "--bind",
              "127.0.0.1:" + port,
              "--out",
              out.toString());
      assertThat(c.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
      assertOneLine(
          c, "c", "peerwatch sweep: --bind 127.0.0.1:" + port + ": the port is in use (allowed:");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void anInterruptedCoordinatorSaysHowManyRunsAreSavedAndLeavesNoFinalFile() throws Exception {
    Path out = tmp.resolve("cluster");
    Process c =
        start(
            "c",
            "sweep",
            SWEEP.toString(),
            "--cluster",
            "--bind",
            "127.0.0.1:0",
            "--threads",
            "1",
            "--metrics-port",
            "0",
            "--out",
            out.toString(),
            "--quiet");
    Path partial = out.resolve("runs.partial.csv");
    awaitTrue("the coordinator's own worker has written 3 runs", () -> rows(partial) >= 1 + 3);
    // --metrics-port works as on a local sweep, with the cluster's per-worker meters added.
    Matcher url = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+/)").matcher(log("c"));
    assertThat(url.find()).as(log("c")).isTrue();
    String metrics = get(url.group(1) + "metrics");
    assertThat(metrics)
        .contains("peerwatch_sweep_runs_planned{run=\"audit-budget\"} 100.0")
        .containsPattern(
            "peerwatch_sweep_worker_runs_total\\{run=\"audit-budget\",worker=\"w1\"\\}")
        .contains("peerwatch_sweep_workers{run=\"audit-budget\"} 1.0");
    assertThat(get(url.group(1) + "status")).contains("\"runs\":100");
    c.destroy(); // SIGTERM
    assertThat(c.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(c.exitValue()).as(log("c")).isEqualTo(143);
    Matcher m =
        Pattern.compile("interrupted; (\\d+) of 100 runs are saved in (\\S+) \\(exit")
            .matcher(log("c"));
    assertThat(m.find()).as(log("c")).isTrue();
    // Counted when the signal came; a run finishing while the process ends may still be saved.
    assertThat(Integer.parseInt(m.group(1))).isBetween(3, rows(partial) - 1);
    assertThat(Path.of(m.group(2))).isEqualTo(out.toAbsolutePath().normalize());
    assertThat(log("c")).contains("the same command with --resume runs the rest");
    assertThat(out.resolve("runs.csv")).doesNotExist();
    assertThat(out.resolve("cells.csv")).doesNotExist();
    assertThat(out.resolve("sweep.yaml")).exists();
  }

  @Test
  void anUnreachableSeedNodeIsOneLineAndLeavesNoOutput() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path out = tmp.resolve("out");
    Process c =
        start(
            "c",
            "sweep",
            SWEEP.toString(),
            "--cluster",
            "--bind",
            "127.0.0.1:0",
            "--seed-node",
            "127.0.0.1:" + port,
            "--join-timeout",
            "2",
            "--out",
            out.toString());
    assertThat(c.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertOneLine(
        c, "c", "peerwatch sweep: --seed-node 127.0.0.1:" + port + ": unreachable for 2 s");
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnreachableCoordinatorIsOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process w = start("w", "worker", "--join", "127.0.0.1:" + port, "--join-timeout", "2");
    assertThat(w.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertOneLine(w, "w", "peerwatch worker: --join 127.0.0.1:" + port + ": unreachable for 2 s");
  }

  @Test
  void aMissingSecretIsOneLineBeforeAnythingStarts() {
    assumeTrue(System.getenv(Secret.ENV) == null, "the test JVM has no secret set");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    Path out = tmp.resolve("out");
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(Main.execute("worker", "--join", "127.0.0.1:9")).isEqualTo(2);
      assertThat(Main.execute("sweep", SWEEP.toString(), "--cluster", "--out", out.toString()))
          .isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("peerwatch worker: PEERWATCH_CLUSTER_SECRET is not set");
    assertThat(lines[1]).startsWith("peerwatch sweep: PEERWATCH_CLUSTER_SECRET is not set");
    assertThat(out).doesNotExist();
  }

  private void assertOneLine(Process p, String name, String expected) throws IOException {
    assertThat(p.exitValue()).as(log(name)).isEqualTo(2);
    List<String> err = Files.readAllLines(tmp.resolve(name + ".err"));
    assertThat(err).as(log(name)).hasSize(1);
    assertThat(err.get(0)).contains(expected);
  }

  private static String get(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private Process start(String name, String... args) throws IOException {
    return ClusterSweepTest.start(tmp, name, started, args);
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".err"))
          + Files.readString(tmp.resolve(name + ".out"));
    } catch (IOException e) {
      return "";
    }
  }
}
