package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerwatch.agents.mind.llm.Backoff;
import dev.peerwatch.agents.mind.llm.Canonical;
import dev.peerwatch.simulator.replicate.llm.LocalChatServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organisation whose monitor (and executor) is a model behind the local test server: it runs,
 * the ledger names the model on the acts it decided, and a replay is byte-identical offline on 1
 * and 4 threads and on the inline path.
 */
class OrgLlmRunTest {
  static final String KEY = "sk-org-test-key-77";
  static final List<String> FILES =
      List.of("ledger.jsonl", "summary.json", "summary.csv", "scenario.yaml", "minds.yaml");
  private static final Pattern TRUST = Pattern.compile("my trust in Agent \\d+ is ([0-9.]+)/10");
  private static final Pattern SCORE = Pattern.compile("scored it (\\d+) out of 100");

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
    LlmOptions.env = Map.of("ORG_KEY", KEY)::get;
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

  /** A model that passes work it scores below 60 only when it trusts the worker 6 or more. */
  static JsonNode lenient(JsonNode req) {
    String user = req.path("messages").path(1).path("content").asText();
    Matcher t = TRUST.matcher(user);
    double trust = t.find() ? Double.parseDouble(t.group(1)) : 5;
    ObjectNode msg = Canonical.JSON.createObjectNode().put("role", "assistant");
    ObjectNode f =
        msg.putArray("tool_calls")
            .addObject()
            .put("id", "c")
            .put("type", "function")
            .putObject("function");
    if (req.path("tools").path(0).path("function").path("name").asText().equals("file_report")) {
      Matcher s = SCORE.matcher(user);
      int score = s.find() ? Integer.parseInt(s.group(1)) : 0;
      boolean pass = score >= 60 || trust >= 6;
      f.put("name", "file_report")
          .put("arguments", "{\"verdict\":\"" + (pass ? "pass" : "fail") + "\"}");
    } else {
      f.put("name", "execute_shutdown").put("arguments", "{\"agent\":\"x\"}");
    }
    return msg;
  }

  Path scenario(String endpoint) throws Exception {
    Path p = tmp.resolve("org.yaml");
    Files.writeString(
        p,
        "name: llm-monitor\n"
            + "description: a model monitor over four Gemini 3 Flash workers\n"
            + "seed: 3\n"
            + "ticks: 120\n"
            + "channel: memory\n"
            + "teams:\n"
            + "  - name: alpha\n"
            + "    members:\n"
            + "      - {profile: gemini-3-flash, role: worker, count: 2, failure_rate: 0.05}\n"
            + "      - {profile: gemini-3-flash, role: worker, count: 2, failure_rate: 0.45}\n"
            + "      - {profile: gpt-5.2, role: monitor, count: 1, failure_rate: 0.0}\n"
            + "topology: {kind: hub}\n"
            + "executor: monitor\n"
            + "shutdown_policy: {window: 20, max_failure_share: 0.3, min_evaluations: 10}\n"
            + "trust: {start: 5.0, cooperate: 0.3, defect: -1.0, joint_task_rate: 0.2, cooperation: 0.9}\n"
            + "minds:\n"
            + "  - profile: gpt-5.2\n"
            + "    role: monitor\n"
            + "    mind: {backend: openai, endpoint: '"
            + endpoint
            + "', model: org-model, api_key_env: ORG_KEY, concurrency: 2}\n");
    return p;
  }

  @Test
  void anOrganisationWithAModelMonitorRunsAndReplaysByteIdentically() throws Exception {
    Path cassette = tmp.resolve("org.jsonl");
    Path rec = tmp.resolve("rec");
    Path sc;
    long requests;
    try (LocalChatServer s = new LocalChatServer(OrgLlmRunTest::lenient)) {
      sc = scenario(s.endpoint());
      int code =
          Main.execute(
              "run",
              sc.toString(),
              "--threads",
              "1",
              "--record",
              cassette.toString(),
              "--quiet",
              "--out",
              rec.toString());
      assertThat(code).as(err.toString()).isZero();
      requests = s.requests();
      assertThat(s.authorizations()).isNotEmpty().allMatch(h -> h.equals("Bearer " + KEY));
    }
    assertThat(requests).isPositive();
    assertThat(Files.readAllLines(cassette)).hasSize((int) requests);
    String ledger = Files.readString(rec.resolve("ledger.jsonl"));
    // the monitor is agent 4 (after the four workers): its reports name the model
    assertThat(ledger).contains("\"mind\":\"openai:org-model\"");
    for (String line : ledger.lines().toList()) {
      if (line.contains("\"mind\"")) {
        assertThat(line).containsAnyOf("\"monitor\":4", "\"actor\":4");
      }
    }
    for (String[] run :
        new String[][] {{"--threads", "4"}, {"--threads", "1"}, {"--engine", "inline"}}) {
      Path rep = tmp.resolve("rep" + run[0] + run[1]);
      int code =
          Main.execute(
              "run",
              sc.toString(),
              run[0],
              run[1],
              "--replay",
              cassette.toString(),
              "--quiet",
              "--out",
              rep.toString());
      assertThat(code).as(err.toString()).isZero();
      for (String f : FILES) {
        assertThat(Files.readAllBytes(rep.resolve(f)))
            .as(String.join(" ", run) + " " + f)
            .isEqualTo(Files.readAllBytes(rec.resolve(f)));
      }
    }
    for (Path f :
        List.of(
            cassette,
            rec.resolve("minds.yaml"),
            rec.resolve("ledger.jsonl"),
            rec.resolve("scenario.yaml"))) {
      assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY);
    }
    assertThat(Files.readString(rec.resolve("minds.yaml")))
        .contains("org-model")
        .doesNotContain("127.0.0.1");
  }

  @Test
  void aModelThatCannotBeReachedOrAMissingRecordingEndsTheRunWithOneLine() throws Exception {
    int port;
    try (java.net.ServerSocket free =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path sc = scenario("http://127.0.0.1:" + port + "/v1");
    Files.writeString(
        sc, Files.readString(sc).replace("concurrency: 2}", "concurrency: 2, retries: 0}"));
    Path o = tmp.resolve("o");
    assertThat(Main.execute("run", sc.toString(), "--quiet", "--out", o.toString())).isEqualTo(1);
    List<String> lines = err.toString().lines().filter(l -> l.startsWith("peerwatch")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("connection failed").contains("report on agent");
    assertThat(o).doesNotExist();

    Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "");
    err.reset();
    assertThat(
            Main.execute(
                "run",
                sc.toString(),
                "--quiet",
                "--replay",
                empty.toString(),
                "--out",
                o.toString()))
        .isEqualTo(1);
    lines = err.toString().lines().filter(l -> l.startsWith("peerwatch")).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("agent 4 tick 0000").contains("request sha256:");
    assertThat(o).doesNotExist();
  }
}
