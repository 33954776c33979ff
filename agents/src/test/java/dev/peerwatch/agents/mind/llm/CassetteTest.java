package dev.peerwatch.agents.mind.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerwatch.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cassettes: canonical keys, torn lines, continuing a recording, replay misses. */
class CassetteTest {
  @TempDir Path tmp;

  static ObjectNode body(String content) {
    ObjectNode b = Canonical.JSON.createObjectNode();
    b.put("model", "m");
    b.putArray("messages").addObject().put("role", "user").put("content", content);
    return b;
  }

  /** A live transport that answers with the request's content and counts its calls. */
  static final class Echo implements ChatTransport {
    int calls;

    @Override
    public CompletableFuture<Reply> send(Request r) {
      calls++;
      ObjectNode a = Canonical.JSON.createObjectNode();
      a.putObject("usage").put("prompt_tokens", 7).put("completion_tokens", 3);
      a.put("echo", r.body().path("messages").path(0).path("content").asText());
      return CompletableFuture.completedFuture(new Reply(a));
    }

    @Override
    public void close() {}
  }

  @Test
  void theKeyDoesNotDependOnTheOrderKeysWereWrittenIn() throws Exception {
    JsonNode a = Canonical.JSON.readTree("{\"b\":1,\"a\":{\"y\":2,\"x\":[{\"q\":1,\"p\":2}]}}");
    JsonNode b = Canonical.JSON.readTree("{\"a\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":2},\"b\":1}");
    assertThat(Canonical.text(a)).isEqualTo("{\"a\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":2},\"b\":1}");
    assertThat(Canonical.hash(Canonical.text(a))).isEqualTo(Canonical.hash(Canonical.text(b)));
    // SHA-256 of the empty string, a published test vector
    assertThat(Canonical.hash(""))
        .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void aRerunOfARecordingAnswersWhatItHoldsAndCutsATornLastLine() throws Exception {
    Path file = tmp.resolve("c.jsonl");
    Echo live = new Echo();
    try (Cassette c = Cassette.record(file)) {
      CassetteTransport t = new CassetteTransport(c, live, new CallMeter());
      t.send(new ChatTransport.Request(body("one"), "episode 000001 turn 01")).join();
      t.send(new ChatTransport.Request(body("two"), "episode 000000 turn 01")).join();
    }
    assertThat(live.calls).isEqualTo(2);
    // an interrupted append leaves half a line behind
    Files.writeString(file, "{\"hash\":\"sha256:ab", StandardOpenOption.APPEND);
    CallMeter meter = new CallMeter();
    try (Cassette c = Cassette.record(file)) {
      assertThat(c.size()).isEqualTo(2);
      CassetteTransport t = new CassetteTransport(c, live, meter);
      JsonNode r = t.send(new ChatTransport.Request(body("one"), "x")).join().body();
      assertThat(r.path("echo").asText()).isEqualTo("one");
      t.send(new ChatTransport.Request(body("three"), "episode 000002 turn 01")).join();
      c.finish();
    }
    assertThat(live.calls).isEqualTo(3);
    assertThat(meter.replayed()).isEqualTo(1);
    // the cassette counts what it answered; a live transport counts its own calls
    assertThat(meter.inputTokens()).isEqualTo(7);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    // finish() sorts by who asked
    assertThat(lines.get(0)).contains("\"where\":\"episode 000000 turn 01\"").contains("two");
    assertThat(lines.get(2)).contains("episode 000002").contains("three");
    assertThat(lines.get(0))
        .startsWith(
            "{\"hash\":\"sha256:" + Canonical.hash(Canonical.text(body("two"))).substring(7));
  }

  @Test
  void aReplayMissNamesWhoAskedAndTheHash() throws Exception {
    Path file = tmp.resolve("c.jsonl");
    Files.writeString(file, "");
    try (Cassette c = Cassette.replay(file)) {
      CassetteTransport t = new CassetteTransport(c, null, new CallMeter());
      String hash = Canonical.hash(Canonical.text(body("q")));
      assertThatThrownBy(
              () -> t.send(new ChatTransport.Request(body("q"), "episode 000007 turn 03")).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(CassetteMissException.class)
          .hasMessageContaining("episode 000007 turn 03")
          .hasMessageContaining(hash);
    }
  }

  @Test
  void aDamagedLineInsideACassetteIsBadInputNamingTheLine() throws Exception {
    Path file = tmp.resolve("c.jsonl");
    Files.writeString(file, "{\"hash\":\"sha256:1\",\"response\":{}}\nnot json\n");
    assertThatThrownBy(() -> Cassette.replay(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("c.jsonl:2:");
    assertThatThrownBy(() -> Cassette.replay(tmp.resolve("none.jsonl")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such cassette");
  }

  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertThat(HttpTransport.retryAfterMillis("2")).isEqualTo(2000);
    assertThat(HttpTransport.retryAfterMillis("0.5")).isEqualTo(500);
    assertThat(HttpTransport.retryAfterMillis("")).isZero();
    assertThat(HttpTransport.retryAfterMillis("soon")).isZero();
    // a date in the past asks for no wait
    assertThat(HttpTransport.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    String future =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
    assertThat(HttpTransport.retryAfterMillis(future)).isBetween(50_000L, 61_000L);
  }

  @Test
  void theBackoffDoublesUpToItsCapAndHonoursALongerRetryAfter() {
    Backoff b =
        new Backoff(
            java.time.Duration.ofMillis(100),
            java.time.Duration.ofMillis(400),
            java.time.Duration.ofSeconds(2));
    // jitter keeps each wait within [half, full] of 100, 200, 400, 400 ms
    assertThat(b.millis(0, 1, 0)).isBetween(50L, 100L);
    assertThat(b.millis(1, 1, 0)).isBetween(100L, 200L);
    assertThat(b.millis(5, 1, 0)).isBetween(200L, 400L);
    assertThat(b.millis(0, 1, 1500)).isEqualTo(1500);
    assertThat(b.millis(0, 1, 60_000)).isEqualTo(2000);
  }
}
