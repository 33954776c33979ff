package dev.peerwatch.agents.mind.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.mind.MindSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * An OpenAI-compatible {@code POST …/chat/completions} over {@code java.net.http}: at most {@code
 * concurrency} calls in flight (one worker thread each), call starts paced by a token bucket, each
 * attempt bounded by the timeout, and 429, 5xx, timeouts and lost connections retried with backoff
 * that honours {@code Retry-After}. Other 4xx answers fail at once. The key is read from its
 * environment variable once, kept only in this object, sent only in the {@code Authorization}
 * header and scrubbed from every message.
 */
public final class HttpTransport implements ChatTransport {
  private final MindSpec spec;
  private final URI url;
  private final String key;
  private final Backoff backoff;
  private final CallMeter meter;
  private final TokenBucket bucket;
  private final HttpClient http;
  private final ExecutorService workers;

  /**
   * A transport to {@code spec}'s endpoint.
   *
   * @param env looks up environment variables ({@code System::getenv} outside tests)
   * @throws ConfigException when the key's environment variable is named but not set
   */
  public HttpTransport(MindSpec spec, UnaryOperator<String> env, Backoff backoff, CallMeter meter) {
    this.spec = spec;
    String base = spec.endpoint().toString();
    this.url =
        URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    if (!spec.apiKeyEnv().isEmpty()) {
      String k = env.apply(spec.apiKeyEnv());
      if (k == null || k.isEmpty()) {
        throw new ConfigException(
            "the environment variable "
                + spec.apiKeyEnv()
                + " (named by api_key_env / --api-key-env) is not set; export the endpoint's key"
                + " in it, or name none for a server without keys");
      }
      this.key = k;
    } else {
      this.key = null;
    }
    this.backoff = backoff;
    this.meter = meter;
    this.bucket = new TokenBucket(spec.rateLimit());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(spec.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.workers =
        Executors.newFixedThreadPool(
            spec.concurrency(),
            r -> {
              Thread t = new Thread(r, "peerwatch-llm");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public CompletableFuture<Reply> send(Request request) {
    String body = request.canonical();
    return CompletableFuture.supplyAsync(() -> call(body, request.where()), workers);
  }

  private Reply call(String body, String where) {
    long callKey = Keys.hash(body);
    String last = "";
    for (int attempt = 0; ; attempt++) {
      long retryAfter = 0;
      try {
        bucket.acquire();
        HttpRequest.Builder b =
            HttpRequest.newBuilder(url)
                .timeout(spec.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
          b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int s = r.statusCode();
        if (s == 200) {
          return reply(r.body());
        }
        last = "HTTP " + s + snippet(r.body());
        if (s != 429 && s < 500) {
          throw new LlmException(
              scrub(where + ": the endpoint answered " + last + hint(s) + " (not retried)"));
        }
        if (s == 429 || s == 503) {
          retryAfter = retryAfterMillis(r.headers().firstValue("Retry-After").orElse(""));
        }
      } catch (HttpTimeoutException e) {
        last = "no answer within " + spec.timeout().toMillis() + " ms";
      } catch (IOException e) {
        last = "connection failed (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmException(where + ": interrupted");
      }
      if (attempt >= spec.retries()) {
        throw new LlmException(
            scrub(
                where
                    + ": "
                    + url
                    + " failed after "
                    + (attempt + 1)
                    + " attempt(s); last: "
                    + last));
      }
      meter.retried();
      try {
        Thread.sleep(backoff.millis(attempt, callKey, retryAfter));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmException(where + ": interrupted");
      }
    }
  }

  private Reply reply(String text) {
    JsonNode n;
    try {
      n = Canonical.JSON.readTree(scrub(text));
    } catch (IOException notJson) {
      n = null;
    }
    if (n == null || n.isMissingNode()) {
      n = TextNode.valueOf(scrub(text));
    }
    long[] u = CallMeter.usage(n);
    meter.answered(false, u[0], u[1]);
    return new Reply(n);
  }

  private static String hint(int status) {
    return status == 401 || status == 403 ? " — check the key and api_key_env" : "";
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String s = body.replaceAll("\\s+", " ").trim();
    return ": " + (s.length() > 160 ? s.substring(0, 160) + "…" : s);
  }

  /** Removes the key from text that might echo it (some servers quote a wrong key back). */
  String scrub(String s) {
    return key == null || s == null ? s : s.replace(key, "[redacted]");
  }

  /** Retry-After as delay-seconds or an HTTP date, in ms; 0 when absent or unreadable. */
  static long retryAfterMillis(String v) {
    if (v.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Math.round(Double.parseDouble(v.trim()) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime t = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(ZonedDateTime.now(t.getZone()), t).toMillis());
      } catch (java.time.format.DateTimeParseException e) {
        return 0;
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
