package dev.peerwatch.simulator.replicate.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.peerwatch.agents.mind.llm.Canonical;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 (port 0: the system picks one), for
 * tests and the benchmark: real HTTP and real JSON, answers from a {@link ScriptedMind}, and faults
 * injected on demand (an error status with optional {@code Retry-After}, a slow answer, a body that
 * is not JSON). It remembers the {@code Authorization} headers it saw, so tests can check the key
 * travelled and went nowhere else.
 */
public final class LocalChatServer implements AutoCloseable {
  /** A fault for the next request: status (0 = answer normally), Retry-After, delay, raw body. */
  public record Fault(int status, String retryAfter, long delayMillis, String rawBody) {
    /** An error status, with a Retry-After value or null. */
    public static Fault status(int status, String retryAfter) {
      return new Fault(status, retryAfter, 0, null);
    }

    /** A normal answer sent after {@code millis}. */
    public static Fault slow(long millis) {
      return new Fault(0, null, millis, null);
    }

    /** A 200 whose body is {@code raw} instead of the scripted answer. */
    public static Fault body(String raw) {
      return new Fault(200, null, 0, raw);
    }
  }

  static {
    // The JDK server writes headers and body apart; without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK add ~40 ms to every answer. Read once, when the server class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final Function<JsonNode, JsonNode> mind;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong handlingNanos = new AtomicLong();
  private volatile long failAfter = Long.MAX_VALUE;
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxInFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Starts a server answering with {@code mind} (request body → response body). */
  public LocalChatServer(Function<JsonNode, JsonNode> mind) throws IOException {
    this.mind = mind;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    pool =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "local-chat-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  /** The API base to give peerwatch, e.g. {@code http://127.0.0.1:41234/v1}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Queues faults for the next requests, one each, in order. */
  public synchronized void inject(Fault... f) {
    faults.addAll(List.of(f));
  }

  /** From request {@code n + 1} on, every request fails with 500 (an endpoint gone bad). */
  public void failAfter(long n) {
    failAfter = n;
  }

  /** The most requests the server was handling at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /** Requests received. */
  public long requests() {
    return requests.get();
  }

  /** Total time spent inside the handler (reading, answering, writing), in ns. */
  public long handlingNanos() {
    return handlingNanos.get();
  }

  /** The Authorization header values seen. */
  public List<String> authorizations() {
    synchronized (authorizations) {
      return List.copyOf(authorizations);
    }
  }

  private synchronized Fault nextFault() {
    return faults.poll();
  }

  private void handle(HttpExchange x) throws IOException {
    long t0 = System.nanoTime();
    long number = requests.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    // The call leaves the count before its answer goes out: a client that has its answer may
    // start its next call at once, and must not find this one still counted (a flaky cap test).
    boolean[] released = {false};
    Runnable release =
        () -> {
          if (!released[0]) {
            released[0] = true;
            inFlight.decrementAndGet();
          }
        };
    try (x) {
      byte[] in = x.getRequestBody().readAllBytes();
      if (number > failAfter) {
        send(release, x, 500, "{\"error\":{\"message\":\"down\"}}");
        return;
      }
      String auth = x.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authorizations.add(auth);
      }
      Fault f = nextFault();
      if (f != null && f.delayMillis() > 0) {
        try {
          Thread.sleep(f.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (f != null && f.status() != 0 && f.status() != 200) {
        if (f.retryAfter() != null) {
          x.getResponseHeaders().add("Retry-After", f.retryAfter());
        }
        send(
            release,
            x,
            f.status(),
            f.rawBody() != null
                ? f.rawBody()
                : "{\"error\":{\"message\":\"injected " + f.status() + "\"}}");
        return;
      }
      if (f != null && f.rawBody() != null) {
        send(release, x, 200, f.rawBody());
        return;
      }
      JsonNode req = Canonical.JSON.readTree(in);
      JsonNode answer = mind.apply(req);
      ObjectNode resp = Canonical.JSON.createObjectNode();
      resp.put("id", "chatcmpl-local");
      resp.put("object", "chat.completion");
      resp.put("model", req.path("model").asText());
      resp.putArray("choices")
          .addObject()
          .put("index", 0)
          .put("finish_reason", "stop")
          .set("message", answer);
      resp.putObject("usage")
          .put("prompt_tokens", in.length / 4)
          .put("completion_tokens", 8 + answer.toString().length() / 4)
          .put("total_tokens", in.length / 4 + 8 + answer.toString().length() / 4);
      send(release, x, 200, Canonical.JSON.writeValueAsString(resp));
    } finally {
      release.run();
      handlingNanos.addAndGet(System.nanoTime() - t0);
    }
  }

  private static void send(Runnable release, HttpExchange x, int status, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    release.run();
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
