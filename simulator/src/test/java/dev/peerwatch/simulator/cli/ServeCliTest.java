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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peerwatch serve} from the command line: a short unpaced run, and its bad input. */
class ServeCliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private Path scenario;

  @BeforeEach
  void capture() throws IOException {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    scenario = tmp.resolve("s.yaml");
    Files.writeString(
        scenario,
        """
        name: s
        description: a small live organisation
        ticks: 80
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.4}
              - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        """);
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void anUnpacedServeWritesWhatRunWritesWithTheSameSummary() throws IOException {
    Path d = tmp.resolve("served");
    Path e = tmp.resolve("ran");
    assertThat(
            Main.execute(
                "serve",
                scenario.toString(),
                "--unpaced",
                "--port",
                "0",
                "--out",
                d.toString(),
                "--quiet"))
        .as(err.toString())
        .isZero();
    assertThat(Main.execute("run", scenario.toString(), "--out", e.toString(), "--quiet")).isZero();
    assertThat(d.resolve("summary.csv")).hasSameTextualContentAs(e.resolve("summary.csv"));
    assertThat(d.resolve("ledger.jsonl")).hasSameTextualContentAs(e.resolve("ledger.jsonl"));
    assertThat(err.toString()).contains("/metrics and /status");
  }

  @Test
  void aRunThatExportsItsMetricsWritesWhatAPlainRunWrites() throws IOException {
    Path d = tmp.resolve("exported");
    Path e = tmp.resolve("plain");
    assertThat(
            Main.execute(
                "run",
                scenario.toString(),
                "--metrics-port",
                "0",
                "--out",
                d.toString(),
                "--quiet"))
        .as(err.toString())
        .isZero();
    assertThat(Main.execute("run", scenario.toString(), "--out", e.toString(), "--quiet")).isZero();
    assertThat(d.resolve("summary.csv")).hasSameTextualContentAs(e.resolve("summary.csv"));
    assertThat(d.resolve("ledger.jsonl")).hasSameTextualContentAs(e.resolve("ledger.jsonl"));
  }

  @Test
  void aTickRateOfZeroIsRefused() {
    badInput("--tick-rate 0.0 is out of range (allowed: above 0", "--tick-rate", "0");
  }

  @Test
  void aNegativeTickRateIsRefused() {
    badInput("--tick-rate -2.0 is out of range", "--tick-rate", "-2");
  }

  @Test
  void aPortInUseIsOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      badInput(
          "--port " + taken.getLocalPort() + " on 127.0.0.1: cannot listen there",
          "--port",
          Integer.toString(taken.getLocalPort()));
    }
  }

  @Test
  void anAddressOfAnotherMachineCannotBeBound() {
    badInput("--port 0 on 192.0.2.1: cannot listen there", "--bind", "192.0.2.1", "--port", "0");
  }

  @Test
  void anUnknownHostIsRefused() {
    badInput("--bind no-such-host.invalid: unknown address", "--bind", "no-such-host.invalid");
  }

  @Test
  void aPortOutOfRangeIsRefused() {
    badInput("--port 70000 is out of range (allowed: 0 to 65535)", "--port", "70000");
  }

  private void badInput(String expected, String... options) {
    Path d = tmp.resolve("D");
    String[] args = new String[options.length + 5];
    args[0] = "serve";
    args[1] = scenario.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    args[options.length + 2] = "--out";
    args[options.length + 3] = d.toString();
    args[options.length + 4] = "--quiet";
    int code = Main.execute(args);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(e).isEqualTo(2);
    assertThat(e.strip().lines()).hasSize(1);
    assertThat(e).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(d).doesNotExist();
  }
}
