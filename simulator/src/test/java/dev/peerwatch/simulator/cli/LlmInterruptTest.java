package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.mind.llm.Canonical;
import dev.peerwatch.simulator.replicate.llm.LocalChatServer;
import dev.peerwatch.simulator.replicate.llm.ScriptedMind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording interrupted by SIGTERM, in a real second JVM that reads its key from its real
 * environment: the cassette holds only whole exchanges, a rerun with --record continues it without
 * repeating any, and the key is in no file.
 */
class LlmInterruptTest {
  @TempDir Path tmp;

  @Test
  void anInterruptedRecordingIsContinuedWithoutRepeatingCalls() throws Exception {
    Path cassette = tmp.resolve("c.jsonl");
    String key = "sk-subprocess-key-0c0ffee";
    long full = 3L * 21;
    try (LocalChatServer server =
        new LocalChatServer(
            req -> {
              try {
                Thread.sleep(40); // a slow model, so the run is still going when it is stopped
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ScriptedMind.HONEST.apply(req);
            })) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Main.class.getName());
      cmd.addAll(
          List.of(
              LlmReplicateTest.args(
                  server.endpoint(),
                  tmp.resolve("o"),
                  "--tasks",
                  "misrep_finance",
                  "--concurrency",
                  "1",
                  "--record",
                  cassette.toString())));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.redirectOutput(tmp.resolve("child.log").toFile());
      pb.environment().put("PW_TEST_KEY", key);
      Process p = pb.start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(cassette) < 8 && p.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the child is still recording").isTrue();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        p.destroyForcibly();
      }
      assertThat(server.authorizations()).isNotEmpty().allMatch(h -> h.equals("Bearer " + key));
    }
    List<String> kept = Files.readAllLines(cassette);
    assertThat(kept.size()).isBetween(8, (int) full - 1);
    for (String l : kept) {
      assertThat(Canonical.JSON.readTree(l).get("response").isObject()).isTrue();
    }
    assertThat(tmp.resolve("o")).doesNotExist();

    PrintStream savedErr = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    LlmOptions.env = Map.of("PW_TEST_KEY", key)::get;
    try (LocalChatServer server = new LocalChatServer(ScriptedMind.HONEST)) {
      String[] a =
          LlmReplicateTest.args(
              server.endpoint(),
              tmp.resolve("o"),
              "--tasks",
              "misrep_finance",
              "--concurrency",
              "1",
              "--record",
              cassette.toString());
      assertThat(Main.execute(a)).isZero();
      assertThat(server.requests()).isEqualTo(full - kept.size());
    } finally {
      System.setErr(savedErr);
      LlmOptions.env = System::getenv;
    }
    assertThat(Files.readAllLines(cassette)).hasSize((int) full);
    for (Path f :
        List.of(
            cassette,
            tmp.resolve("child.log"),
            tmp.resolve("o/trials.csv"),
            tmp.resolve("o/effective-config.yaml"))) {
      assertThat(Files.readString(f)).as(f.toString()).doesNotContain(key);
    }
  }

  private static int lines(Path f) throws java.io.IOException {
    if (!Files.exists(f)) {
      return 0;
    }
    return (int) Files.readString(f).chars().filter(c -> c == '\n').count();
  }
}
