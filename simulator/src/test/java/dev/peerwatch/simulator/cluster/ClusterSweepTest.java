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

  @Test
  void aSweepThatJoinsAnotherSweepsClusterThroughSeedNodeWritesTheLocalSweepsBytes()
      throws Exception {
    // A first coordinator runs another sweep and gets no worker: the cluster the second joins.
    start(
        "first",
        "sweep",
        SWEEP.resolveSibling("topologies.yaml").toString(),
        "--cluster",
        "--bind",
        "127.0.0.1:0",
        "--out",
        tmp.resolve("first").toString(),
        "--quiet");
    String first = address("first");
    Path out = tmp.resolve("cluster");
    Process second =
        start(
            "coordinator",
            "sweep",
            SWEEP.toString(),
            "--cluster",
            "--bind",
            "127.0.0.1:0",
            "--seed-node",
            first,
            "--out",
            out.toString(),
            "--quiet");
    String at = address("coordinator");
    // The second coordinator does no runs: a worker that joins through it serves it, not the first.
    Process a = worker(at, "a");
    assertThat(second.waitFor(DEADLINE_S, TimeUnit.SECONDS)).as(log("coordinator")).isTrue();
    assertThat(second.exitValue()).as(log("coordinator")).isZero();
    assertThat(a.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(log("a")).isZero();
    assertThat(log("a")).contains("joined sweep 'audit-budget' as w");
    assertThat(log("first")).doesNotContain("joined from");
    assertSameAsLocal(out);
  }

  /**
   * Artery TLS through {@code PEERWATCH_CLUSTER_CONFIG}, as the README shows it (mutual
   * authentication, the key store password from the environment): a worker with the key stores runs
   * the sweep to the local sweep's bytes, and a worker without TLS is not let into the cluster at
   * all.
   */
  @Test
  void overArteryTlsAWorkerWithTheKeysJoinsAndOneWithoutTlsCannot() throws Exception {
    String password = "store-pass-0123456789";
    Path keys = tmp.resolve("keys");
    Files.createDirectories(keys);
    keytool(
        keys,
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=peerwatch-test",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        "node.p12",
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        keys,
        "-exportcert",
        "-alias",
        "node",
        "-keystore",
        "node.p12",
        "-storepass",
        password,
        "-file",
        "node.crt");
    keytool(
        keys,
        "-importcert",
        "-noprompt",
        "-alias",
        "node",
        "-file",
        "node.crt",
        "-storetype",
        "PKCS12",
        "-keystore",
        "trust.p12",
        "-storepass",
        password);
    Path conf = tmp.resolve("tls.conf");
    Files.writeString(
        conf,
        "pekko.remote.artery.transport = tls-tcp\n"
            + "pekko.remote.artery.ssl.config-ssl-engine {\n"
            + "  key-store = \""
            + keys.resolve("node.p12")
            + "\"\n"
            + "  trust-store = \""
            + keys.resolve("trust.p12")
            + "\"\n"
            + "  key-store-password = ${PEERWATCH_KEYSTORE_PASSWORD}\n"
            + "  key-password = ${PEERWATCH_KEYSTORE_PASSWORD}\n"
            + "  trust-store-password = ${PEERWATCH_KEYSTORE_PASSWORD}\n"
            + "  require-mutual-authentication = on\n"
            + "}\n");
    java.util.Map<String, String> tls =
        java.util.Map.of(
            "PEERWATCH_CLUSTER_CONFIG", conf.toString(), "PEERWATCH_KEYSTORE_PASSWORD", password);
    Path out = tmp.resolve("cluster");
    Process coordinator =
        startWithEnv(
            tmp,
            "coordinator",
            started,
            tls,
            "sweep",
            SWEEP.toString(),
            "--cluster",
            "--bind",
            "127.0.0.1:0",
            "--out",
            out.toString(),
            "--quiet");
    String at = address();
    Process plain =
        start("plain", "worker", "--join", at, "--threads", "1", "--join-timeout", "10");
    assertThat(plain.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(plain.exitValue()).as(log("plain")).isEqualTo(2);
    assertThat(log("plain")).contains("--join " + at + ": no cluster admitted this node");
    Process a = startWithEnv(tmp, "a", started, tls, "worker", "--join", at, "--threads", "1");
    assertThat(coordinator.waitFor(DEADLINE_S, TimeUnit.SECONDS)).as(log("coordinator")).isTrue();
    assertThat(coordinator.exitValue()).as(log("coordinator")).isZero();
    assertThat(a.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(log("a")).isZero();
    assertSameAsLocal(out);
    assertThat(log("coordinator") + log("a")).doesNotContain(password).doesNotContain(SECRET);
  }

  private static void keytool(Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile())
            .start();
    assertThat(p.waitFor(DEADLINE_S, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
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
    return address("coordinator");
  }

  /** The address coordinator {@code name} printed once it was up. */
  private String address(String name) throws Exception {
    Pattern p = Pattern.compile("--join (\\S+)");
    awaitTrue("coordinator " + name + " prints its address", () -> p.matcher(log(name)).find());
    Matcher m = p.matcher(log(name));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static Process start(Path dir, String name, List<Process> into, String... args)
      throws IOException {
    return startWithSecret(dir, name, into, SECRET, args);
  }

  static Process startWithSecret(
      Path dir, String name, List<Process> into, String secret, String... args) throws IOException {
    return startWith(dir, name, into, secret, java.util.Map.of(), args);
  }

  /** A node with the test secret and {@code env} added to its environment. */
  static Process startWithEnv(
      Path dir, String name, List<Process> into, java.util.Map<String, String> env, String... args)
      throws IOException {
    return startWith(dir, name, into, SECRET, env, args);
  }

  private static Process startWith(
      Path dir,
      String name,
      List<Process> into,
      String secret,
      java.util.Map<String, String> env,
      String... args)
      throws IOException {
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
    pb.environment().putAll(env);
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
