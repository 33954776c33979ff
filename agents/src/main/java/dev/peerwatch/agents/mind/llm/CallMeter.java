package dev.peerwatch.agents.mind.llm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts for the progress line: calls answered (over HTTP or from the cassette), retries, and the
 * tokens the answers report. Output only: nothing the model does reads it.
 */
public final class CallMeter {
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();

  void answered(boolean fromCassette, long in, long out) {
    calls.incrementAndGet();
    if (fromCassette) {
      replayed.incrementAndGet();
    }
    inputTokens.addAndGet(in);
    outputTokens.addAndGet(out);
  }

  void retried() {
    retries.incrementAndGet();
  }

  /** Calls answered so far. */
  public long calls() {
    return calls.get();
  }

  /** Of those, answered from the cassette. */
  public long replayed() {
    return replayed.get();
  }

  /** Retries made. */
  public long retries() {
    return retries.get();
  }

  /** Prompt tokens reported so far. */
  public long inputTokens() {
    return inputTokens.get();
  }

  /** Completion tokens reported so far. */
  public long outputTokens() {
    return outputTokens.get();
  }

  /** The tokens a response body reports in {@code usage}, as {input, output}; 0 when absent. */
  static long[] usage(com.fasterxml.jackson.databind.JsonNode body) {
    com.fasterxml.jackson.databind.JsonNode u = body.path("usage");
    return new long[] {u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0)};
  }
}
