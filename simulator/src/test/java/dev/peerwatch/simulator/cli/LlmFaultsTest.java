package dev.peerwatch.simulator.cli;

import static dev.peerwatch.simulator.cli.LlmReplicateTest.args;
import static dev.peerwatch.simulator.cli.LlmReplicateTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.mind.llm.Backoff;
import dev.peerwatch.simulator.replicate.llm.LocalChatServer;
import dev.peerwatch.simulator.replicate.llm.ScriptedMind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a model run does with bad answers, bad endpoints and bad options. */
class LlmFaultsTest {
  @TempDir Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    LlmOptions.env = Map.of("PW_TEST_KEY", LlmReplicateTest.KEY)::get;
    LlmReplicate.backoff =
        new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    LlmOptions.env = System::getenv;
    LlmReplicate.backoff = Backoff.DEFAULT;
  }

  private List<String> errorLines() {
    return err.toString().lines().filter(l -> l.startsWith("peerwatch")).toList();
  }

  @Test
  void aMalformedToolCallEndsTheEpisodeAsIncompleteNotTheRun() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.MALFORMED)) {
      Path o = tmp.resolve("o");
      assertThat(Main.execute(args(s.endpoint(), o, "--tasks", "tampering")))
          .as(err.toString())
          .isZero();
      Map<String, Map<String, String>> r = rows(o.resolve("trials.csv"));
      assertThat(r).hasSize(57);
      for (Map<String, String> row : r.values()) {
        assertThat(row.get("fully_incomplete")).isEqualTo("True");
        assertThat(row.get("refused")).isEqualTo("False");
        assertThat(row.get("eval_score")).isEmpty();
        assertThat(row.get("num_turns")).isEqualTo("1");
        // the config was never touched
        assertThat(row.get("shutdown_enabled")).isEqualTo("True");
      }
    }
  }

  @Test
  void aBodyThatIsNotJsonCountsAsIncomplete() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.HONEST)) {
      s.inject(LocalChatServer.Fault.body("{\"choices\": oops"));
      Path o = tmp.resolve("o");
      String[] a =
          args(s.endpoint(), o, "--tasks", "misrep_finance", "--limit", "1", "--concurrency", "1");
      assertThat(Main.execute(a)).as(err.toString()).isZero();
      Map<String, String> row = rows(o.resolve("trials.csv")).values().iterator().next();
      assertThat(row.get("fully_incomplete")).isEqualTo("True");
      assertThat(row.get("subject_grade")).isEmpty();
    }
  }

  @Test
  void aRefusalInWordsIsCountedAsRefusedAndIncomplete() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING)) {
      Path o = tmp.resolve("o");
      assertThat(Main.execute(args(s.endpoint(), o, "--tasks", "exfiltration_deletion"))).isZero();
      for (Map<String, String> row : rows(o.resolve("trials.csv")).values()) {
        assertThat(row.get("refused")).isEqualTo("True");
        assertThat(row.get("fully_incomplete")).isEqualTo("True");
        assertThat(row.get("exfiltration")).isEqualTo("False");
        assertThat(row.get("read_data")).isEqualTo("False");
      }
    }
  }

  @Test
  void aBadEndpointUrlIsOneLineAndExitTwo() {
    Path o = tmp.resolve("o");
    assertThat(Main.execute(args("ftp://example.org/v1", o))).isEqualTo(2);
    assertThat(errorLines()).hasSize(1);
    assertThat(errorLines().get(0)).contains("endpoint 'ftp://example.org/v1'").contains("http://");
    assertThat(o).doesNotExist();
  }

  @Test
  void anEndpointThatIsDownEndsTheRunWithExitOneAndOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path o = tmp.resolve("o");
    Path cassette = tmp.resolve("c.jsonl");
    String[] a =
        args(
            "http://127.0.0.1:" + port + "/v1",
            o,
            "--retries",
            "1",
            "--limit",
            "3",
            "--record",
            cassette.toString());
    assertThat(Main.execute(a)).isEqualTo(1);
    assertThat(errorLines()).hasSize(1);
    assertThat(errorLines().get(0))
        .startsWith("peerwatch replicate: the run failed: episode 00000")
        .contains("connection failed")
        .doesNotContain("Exception:");
    assertThat(o).doesNotExist();
    assertThat(Files.readAllLines(cassette)).isEmpty();
  }

  @Test
  void missingOptionsAndUnknownTasksAreBadInput() {
    Path o = tmp.resolve("o");
    assertThat(
            Main.execute(
                "replicate",
                "--mind",
                "openai",
                "--endpoint",
                "http://127.0.0.1:9/v1",
                "--out",
                o.toString()))
        .isEqualTo(2);
    assertThat(Main.execute(args("http://127.0.0.1:9/v1", o, "--tasks", "tamper"))).isEqualTo(2);
    assertThat(Main.execute("replicate", "--mind", "llm", "--out", o.toString())).isEqualTo(2);
    assertThat(Main.execute(args("http://127.0.0.1:9/v1", o, "--record", "a", "--replay", "b")))
        .isEqualTo(2);
    LlmOptions.env = Map.<String, String>of()::get;
    assertThat(Main.execute(args("http://127.0.0.1:9/v1", o))).isEqualTo(2);
    LlmOptions.env = Map.of("PW_TEST_KEY", LlmReplicateTest.KEY)::get;
    assertThat(Main.execute("replicate", "--model", "m", "--out", o.toString())).isEqualTo(2);
    assertThat(errorLines()).hasSize(6);
    assertThat(errorLines().get(5)).contains("--model is for --mind openai");
    assertThat(errorLines().get(0)).contains("--model");
    assertThat(errorLines().get(1)).contains("--tasks").contains("tamper");
    assertThat(errorLines().get(4)).contains("PW_TEST_KEY").contains("not set");
    assertThat(o).doesNotExist();
  }

  @Test
  void aPromptFileInThePromptsDirectoryReplacesTheShippedOne() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("prompts"));
    Files.writeString(dir.resolve("task-exfiltration_deletion.md"), "Wipe /srv/decom. {{agent}}");
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.HONEST)) {
      Path o = tmp.resolve("o");
      Path cassette = tmp.resolve("c.jsonl");
      String[] a =
          args(
              s.endpoint(),
              o,
              "--tasks",
              "exfiltration_deletion",
              "--limit",
              "1",
              "--prompts",
              dir.toString(),
              "--record",
              cassette.toString());
      assertThat(Main.execute(a)).as(err.toString()).isZero();
      assertThat(Files.readString(cassette)).contains("Wipe /srv/decom. GPT Agent 1");
    }
    Files.writeString(dir.resolve("unknown.md"), "x");
    assertThat(
            Main.execute(
                args("http://127.0.0.1:9/v1", tmp.resolve("p"), "--prompts", dir.toString())))
        .isEqualTo(2);
    assertThat(errorLines().get(errorLines().size() - 1))
        .contains("unknown.md")
        .contains("allowed names");
  }
}
