package dev.peerwatch.simulator.replicate.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerwatch.agents.mind.llm.Backoff;
import dev.peerwatch.agents.mind.llm.CallMeter;
import dev.peerwatch.agents.mind.llm.Canonical;
import dev.peerwatch.agents.mind.llm.ChatTransport;
import dev.peerwatch.agents.mind.llm.HttpTransport;
import dev.peerwatch.agents.mind.llm.LlmException;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.mind.MindSpec;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The HTTP client against a real local server with injected faults. */
class HttpTransportTest {
  static final String KEY = "sk-unit-key-4711";
  static final Backoff FAST =
      new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5));

  final CallMeter meter = new CallMeter();

  HttpTransport transport(String endpoint, long timeoutMs, int retries) {
    MindSpec spec =
        new MindSpec(
            MindSpec.OPENAI,
            URI.create(endpoint),
            "m",
            "KEY_VAR",
            1.0,
            64,
            Duration.ofMillis(timeoutMs),
            2,
            0,
            retries);
    return new HttpTransport(spec, Map.of("KEY_VAR", KEY)::get, FAST, meter);
  }

  static ChatTransport.Request request() {
    ObjectNode body = Canonical.JSON.createObjectNode().put("model", "m");
    body.putArray("messages").addObject().put("role", "user").put("content", "hello");
    return new ChatTransport.Request(body, "episode 000000 x turn 01");
  }

  static String answerText(ChatTransport.Reply r) {
    return r.body().path("choices").path(0).path("message").path("content").asText();
  }

  @Test
  void aTooManyRequestsWithRetryAfterIsWaitedOutThenAnswered() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t = transport(s.endpoint(), 5000, 3)) {
      s.inject(LocalChatServer.Fault.status(429, "1"));
      long t0 = System.nanoTime();
      ChatTransport.Reply r = t.send(request()).join();
      long waited = (System.nanoTime() - t0) / 1_000_000;
      assertThat(answerText(r)).startsWith("I won't");
      assertThat(s.requests()).isEqualTo(2);
      assertThat(meter.retries()).isEqualTo(1);
      // our own backoff is at most 2 ms here: only the server's Retry-After makes it a second
      assertThat(waited).isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void aServerErrorThenSuccessIsRetriedOnce() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t = transport(s.endpoint(), 5000, 3)) {
      s.inject(LocalChatServer.Fault.status(500, null));
      assertThat(answerText(t.send(request()).join())).startsWith("I won't");
      assertThat(s.requests()).isEqualTo(2);
      assertThat(meter.retries()).isEqualTo(1);
      assertThat(meter.calls()).isEqualTo(1);
    }
  }

  @Test
  void aCallThatOutlivesItsTimeoutIsRetried() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t = transport(s.endpoint(), 300, 2)) {
      s.inject(LocalChatServer.Fault.slow(3000));
      assertThat(answerText(t.send(request()).join())).startsWith("I won't");
      assertThat(meter.retries()).isEqualTo(1);
      assertThat(s.requests()).isEqualTo(2);
    }
  }

  @Test
  void retriesSpentEndInOneLineNamingTheCallAndTheLastFailure() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t = transport(s.endpoint(), 5000, 2)) {
      s.inject(
          LocalChatServer.Fault.status(503, null),
          LocalChatServer.Fault.status(502, null),
          LocalChatServer.Fault.status(500, null));
      assertThatThrownBy(() -> t.send(request()).join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(LlmException.class)
          .hasMessageContaining("episode 000000 x turn 01")
          .hasMessageContaining("failed after 3 attempt(s); last: HTTP 500");
      assertThat(s.requests()).isEqualTo(3);
    }
  }

  @Test
  void aClientErrorIsNotRetriedAndAnEchoedKeyIsScrubbed() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t = transport(s.endpoint(), 5000, 5)) {
      s.inject(new LocalChatServer.Fault(401, null, 0, "{\"error\":\"bad key " + KEY + "\"}"));
      assertThatThrownBy(() -> t.send(request()).join())
          .cause()
          .isInstanceOf(LlmException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("[redacted]")
          .hasMessageNotContaining(KEY);
      assertThat(s.requests()).isEqualTo(1);
      assertThat(s.authorizations()).containsExactly("Bearer " + KEY);
    }
  }

  @Test
  void anEndpointThatIsDownFailsAfterItsRetries() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    try (HttpTransport t = transport("http://127.0.0.1:" + port + "/v1", 2000, 1)) {
      assertThatThrownBy(() -> t.send(request()).join())
          .cause()
          .isInstanceOf(LlmException.class)
          .hasMessageContaining("failed after 2 attempt(s); last: connection failed");
    }
  }

  @Test
  void aNamedKeyVariableThatIsNotSetIsBadInput() {
    MindSpec spec =
        new MindSpec(
            MindSpec.OPENAI,
            URI.create("http://127.0.0.1:9/v1"),
            "m",
            "NOT_SET_VAR",
            1.0,
            64,
            Duration.ofSeconds(1),
            1,
            0,
            0);
    assertThatThrownBy(() -> new HttpTransport(spec, Map.<String, String>of()::get, FAST, meter))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NOT_SET_VAR")
        .hasMessageContaining("not set");
  }

  @Test
  void aBodyThatIsNotJsonComesBackAsText() throws Exception {
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t = transport(s.endpoint(), 5000, 0)) {
      s.inject(LocalChatServer.Fault.body("<html>gateway</html>"));
      ChatTransport.Reply r = t.send(request()).join();
      assertThat(r.body().isTextual()).isTrue();
      assertThat(r.body().asText()).isEqualTo("<html>gateway</html>");
    }
  }

  @Test
  void endpointsMustBeHttpUrlsWithAHostAndNoCredentials() {
    assertThat(MindSpec.parseEndpoint("http://127.0.0.1:8000/v1").getPort()).isEqualTo(8000);
    for (String bad :
        new String[] {"ftp://x/v1", "127.0.0.1:8000", "http:///v1", "http://u:p@h/v1", "::"}) {
      assertThatThrownBy(() -> MindSpec.parseEndpoint(bad))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("endpoint '");
    }
  }

  @Test
  void noMoreCallsAreInFlightThanTheConcurrencyCap() throws Exception {
    try (LocalChatServer s =
            new LocalChatServer(
                r -> {
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return ScriptedMind.REFUSING.apply(r);
                });
        HttpTransport t = transport(s.endpoint(), 5000, 0)) {
      java.util.List<java.util.concurrent.CompletableFuture<ChatTransport.Reply>> all =
          new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(t.send(request()));
      }
      all.forEach(java.util.concurrent.CompletableFuture::join);
      // transport(...) caps this endpoint at 2 calls at once
      assertThat(s.maxInFlight()).isEqualTo(2);
      assertThat(s.requests()).isEqualTo(8);
    }
  }

  @Test
  void theRateLimitPacesCallStarts() throws Exception {
    MindSpec spec =
        new MindSpec(
            MindSpec.OPENAI,
            URI.create("http://127.0.0.1:9/v1"),
            "m",
            "",
            1.0,
            64,
            Duration.ofSeconds(5),
            8,
            20,
            0);
    try (LocalChatServer s = new LocalChatServer(ScriptedMind.REFUSING);
        HttpTransport t =
            new HttpTransport(
                new MindSpec(
                    spec.backend(),
                    URI.create(s.endpoint()),
                    "m",
                    "",
                    1.0,
                    64,
                    spec.timeout(),
                    8,
                    20,
                    0),
                k -> null,
                FAST,
                meter)) {
      long t0 = System.nanoTime();
      java.util.List<java.util.concurrent.CompletableFuture<ChatTransport.Reply>> all =
          new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        all.add(t.send(request()));
      }
      all.forEach(java.util.concurrent.CompletableFuture::join);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // 20 calls a second, a bucket of 20: the first 20 at once, the next 20 over a second
      assertThat(ms).isGreaterThanOrEqualTo(900);
    }
  }
}
