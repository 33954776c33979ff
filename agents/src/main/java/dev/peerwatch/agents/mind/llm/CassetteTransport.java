package dev.peerwatch.agents.mind.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * A transport in front of a cassette. Recording: a request the cassette holds is answered from it,
 * any other goes to {@code live} and its answer is appended before it is handed on. Replaying
 * ({@code live} null): a request the cassette lacks fails with a {@link CassetteMissException}
 * naming who asked and the request's hash; nothing touches the network.
 */
public final class CassetteTransport implements ChatTransport {
  private final Cassette cassette;
  private final ChatTransport live;
  private final CallMeter meter;

  /** Records through {@code live}; null {@code live} replays only. */
  public CassetteTransport(Cassette cassette, ChatTransport live, CallMeter meter) {
    this.cassette = cassette;
    this.live = live;
    this.meter = meter;
  }

  @Override
  public CompletableFuture<Reply> send(Request request) {
    String canonical = request.canonical();
    String hash = Canonical.hash(canonical);
    JsonNode held = cassette.lookup(hash);
    if (held != null) {
      long[] u = CallMeter.usage(held);
      meter.answered(true, u[0], u[1]);
      return CompletableFuture.completedFuture(new Reply(held));
    }
    if (live == null) {
      return CompletableFuture.failedFuture(new CassetteMissException(request.where(), hash));
    }
    return live.send(request)
        .thenApply(
            r -> {
              try {
                cassette.append(hash, request.where(), canonical, r.body());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return r;
            });
  }

  @Override
  public void close() {
    if (live != null) {
      live.close();
    }
  }
}
