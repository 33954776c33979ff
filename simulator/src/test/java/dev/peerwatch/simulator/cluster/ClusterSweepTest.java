package dev.peerwatch.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.simulator.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shipped sweep on a real cluster: a coordinator JVM and two worker JVMs on loopback. Its
 * runs.csv and cells.csv must equal, byte for byte, the same sweep run on one machine — with both
 * workers alive, and with one worker killed by SIGKILL in the middle (every run then still appears
 * exactly once). Every wait polls for a condition under a generous deadline.
 */
class ClusterSweepTest {
  static final String SECRET = "test-secret-0123456789";
  static final Path SWEEP = Path.of("../config/sweeps/audit-budget.yaml").toAbsolutePath();
  static final long DEADLINE_S = 180;

  @TempDir static Path shared;
  @TempDir Path tmp;
  private final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void localSweep() {
    PrintStream out = System.out;
    try {
      System.setOut(new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      int code =
          Main.execute(
              "sweep", SWEEP.toString(), "--out", shared.resolve("local").toString(), "--quiet");
      assertThat(code).isZero();
    } finally {
      System.setOut(out);
    }
  }

  @AfterEach
  void stopAll() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void twoWorkersWriteTheLocalSweepsBytes() throws Exception {
    Path out = tmp.resolve("cluster");
    Process coordinator = coordinator(out);
    String at = address();
    Process a = worker(at, "a");
    Process b = worker(at, "b");
    assertThat(coordinator.waitFor(DEADLINE_S, TimeUnit.SECONDS)).as(log("coordinator")).isTrue();
    assertThat(coordinator.exitValue()).as(log("coordinator")).isZero();
    assertThat(a.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(log("a")).isZero();
    assertThat(b.exitValue()).as(log("b")).isZero();
    assertSameAsLocal(out);
    assertThat(log("coordinator")).contains("joined from 127.0.0.1:");
  }

  @Test
  void aWorkerKilledMidwayLosesNoRunAndDoublesNone() throws Exception {
    Path out = tmp.resolve("cluster");
    Process coordinator = coordinator(out);
    String at = address();
    Process a = worker(at, "a");
    Path partial = out.resolve("runs.partial.csv");
    awaitTrue("worker a has reported 5 runs", () -> rows(partial) >= 1 + 5);
    a.destroyForcibly();
    assertThat(a.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    int atKill = rows(partial) - 1;
    assertThat(atKill).as("runs written when a was killed").isLessThan(100);
    Process b = worker(at, "b");
    assertThat(coordinator.waitFor(DEADLINE_S, TimeUnit.SECONDS)).as(log("coordinator")).isTrue();
    assertThat(coordinator.exitValue()).as(log("coordinator")).isZero();
    assertThat(b.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(b.exitValue()).as(log("b")).isZero();
    assertThat(log("coordinator")).contains("worker w1 at 127.0.0.1:").contains("is gone;");
    assertThat(log("b")).contains("runs here");
    assertSameAsLocal(out);
  }

  private void assertSameAsLocal(Path out) throws IOException {
    Path local = shared.resolve("local");
    assertThat(Files.mismatch(out.resolve("runs.csv"), local.resolve("runs.csv"))).isEqualTo(-1);
    assertThat(Files.mismatch(out.resolve("cells.csv"), local.resolve("cells.csv"))).isEqualTo(-1);
    List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
    // audit-budget: 5 audit fractions x 4 watched probabilities x 5 replications.
    assertThat(rows).hasSize(1 + 5 * 4 * 5);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i)).startsWith((i - 1) + ",");
    }
    assertThat(out.resolve("runs.partial.csv")).doesNotExist();
  }

  private Process coordinator(Path out) throws IOException {
    return start(
        "coordinator",
        "sweep",
        SWEEP.toString(),
        "--cluster",
        "--bind",
        "127.0.0.1:0",
        "--out",
        out.toString(),
        "--quiet");
  }

  private Process worker(String at, String name) throws IOException {
    return start(name, "worker", "--join", at, "--threads", "1");
  }

  /** The address the coordinator printed once it was up. */
  private String address() throws Exception {
    Pattern p = Pattern.compile("--join (\\S+)");
    awaitTrue("the coordinator prints its address", () -> p.matcher(log("coordinator")).find());
    Matcher m = p.matcher(log("coordinator"));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static Process start(Path dir, String name, List<Process> into, String... args)
      throws IOException {
    return startWithSecret(dir, name, into, SECRET, args);
  }

  static Process startWithSecret(
      Path dir, String name, List<Process> into, String secret, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile())
            .directory(new File(System.getProperty("user.dir")));
    pb.environment().put(Secret.ENV, secret);
    pb.environment().remove("PEERWATCH_CLUSTER_CONFIG");
    Process p = pb.start();
    into.add(p);
    return p;
  }

  private Process start(String name, String... args) throws IOException {
    return start(tmp, name, started, args);
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".err"))
          + Files.readString(tmp.resolve(name + ".out"));
    } catch (IOException e) {
      return "";
    }
  }

  static int rows(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE_S * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(end);
      Thread.sleep(20);
    }
  }
}
