package dev.peerwatch.agents.mind.llm;

import dev.peerwatch.config.mind.MindSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The transports of an organisation's LLM-backed minds: one per endpoint and key variable, shared
 * by every agent that names it, so the concurrency cap and the rate limit hold per endpoint (the
 * first spec naming an endpoint sets them). With a cassette, every transport records into it — or,
 * replaying, answers from it and never opens a connection.
 */
public final class MindTransports implements AutoCloseable {
  private final UnaryOperator<String> env;
  private final Backoff backoff;
  private final CallMeter meter;
  private final Cassette cassette;
  private final boolean replay;
  private final Map<String, ChatTransport> byEndpoint = new LinkedHashMap<>();
  private final List<ChatTransport> opened = new ArrayList<>();

  /**
   * Transports reading keys through {@code env}; {@code cassette} null for none, {@code replay}
   * true to answer only from it.
   */
  public MindTransports(
      UnaryOperator<String> env,
      Backoff backoff,
      CallMeter meter,
      Cassette cassette,
      boolean replay) {
    if (replay && cassette == null) {
      throw new IllegalArgumentException("replay needs a cassette");
    }
    this.env = env;
    this.backoff = backoff;
    this.meter = meter;
    this.cassette = cassette;
    this.replay = replay;
  }

  /** The transport for {@code spec}'s endpoint. */
  public synchronized ChatTransport forSpec(MindSpec spec) {
    String key = spec.endpoint() + " " + spec.apiKeyEnv();
    return byEndpoint.computeIfAbsent(
        key,
        k -> {
          ChatTransport live = replay ? null : new HttpTransport(spec, env, backoff, meter);
          if (live != null) {
            opened.add(live);
          }
          return cassette == null ? live : new CassetteTransport(cassette, live, meter);
        });
  }

  @Override
  public synchronized void close() {
    opened.forEach(ChatTransport::close);
  }
}
