package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.peerwatch.simulator.org.Minds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A mind that fails (the {@link Minds#FAIL_AT} test hook) ends {@code run} (both engines), {@code
 * run --metrics-port} and {@code serve} with exit 1 and one line on stderr, leaving no output file
 * — and does not hang the world without peers, which waits on the failed one. The run is a million
 * ticks long and paced where pacing applies, so only the failure can end it in time.
 */
class FailingMindCliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private Path scenario;

  @BeforeEach
  void capture() throws IOException {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setProperty(Minds.FAIL_AT, "3");
    scenario = tmp.resolve("s.yaml");
    Files.writeString(
        scenario,
        """
        name: s
        description: a long run whose first agent's mind fails at tick 3
        ticks: 1000000
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
    System.clearProperty(Minds.FAIL_AT);
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "run --engine inline", "run --metrics-port 0", "serve --port 0"})
  void aFailingMindEndsTheCommandWithExitOne(String command) throws IOException {
    Path out = tmp.resolve("out");
    String[] args =
        Stream.concat(
                Stream.of(command.split(" ")),
                Stream.of(scenario.toString(), "--out", out.toString(), "--quiet"))
            .toArray(String[]::new);
    int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Main.execute(args));
    assertThat(code).isEqualTo(1);
    String[] lines =
        err.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("peerwatch"))
            .toArray(String[]::new);
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("internal error")
                    .contains("agent 0")
                    .contains("deliberate failure at tick 3"));
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
      assertThat(files.filter(f -> !f.getFileName().toString().startsWith("."))).isEmpty();
    }
  }
}
