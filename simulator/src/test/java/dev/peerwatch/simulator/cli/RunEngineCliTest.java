package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --engine actors|inline}: the same files either way; inline has no live view. */
class RunEngineCliTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void bothEnginesWriteTheSameFiles() throws IOException {
    Path sc = Path.of("..", "config", "scenarios", "two-teams.yaml");
    Path a = tmp.resolve("actors");
    Path i = tmp.resolve("inline");
    assertThat(
            Main.execute("run", sc.toString(), "--ticks", "200", "--out", a.toString(), "--quiet"))
        .isZero();
    assertThat(
            Main.execute(
                "run",
                sc.toString(),
                "--ticks",
                "200",
                "--engine",
                "inline",
                "--out",
                i.toString(),
                "--quiet"))
        .isZero();
    for (String f : new String[] {"ledger.jsonl", "summary.json", "summary.csv", "scenario.yaml"}) {
      assertThat(Files.readString(i.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
  }

  @Test
  void theLivePageReadsTheMeasuresWithoutChangingAByteOfTheRun() throws IOException {
    Path sc = Path.of("..", "config", "scenarios", "two-teams.yaml");
    Path plain = tmp.resolve("plain");
    Path live = tmp.resolve("live");
    assertThat(
            Main.execute(
                "run", sc.toString(), "--ticks", "300", "--out", plain.toString(), "--quiet"))
        .isZero();
    assertThat(
            Main.execute(
                "run",
                sc.toString(),
                "--ticks",
                "300",
                "--metrics-port",
                "0",
                "--bind",
                "127.0.0.1",
                "--out",
                live.toString(),
                "--quiet"))
        .isZero();
    java.util.List<Path> files;
    try (var s = Files.list(plain)) {
      files = s.sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(Files.readAllBytes(live.resolve(f.getFileName())))
          .as(f.getFileName().toString())
          .isEqualTo(Files.readAllBytes(f));
    }
  }

  @Test
  void inlineWithAMetricsPortIsBadInput() {
    Path sc = Path.of("..", "config", "scenarios", "two-teams.yaml");
    Path out = tmp.resolve("none");
    int code =
        Main.execute(
            "run",
            sc.toString(),
            "--engine",
            "inline",
            "--metrics-port",
            "0",
            "--out",
            out.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .startsWith("peerwatch run: --engine inline")
        .contains("allowed: --engine actors");
    assertThat(out).doesNotExist();
  }
}
