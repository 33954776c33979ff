package dev.peerwatch.agents.mind.llm;

import dev.peerwatch.agents.Keys;
import java.time.Duration;

/**
 * How long to wait before retry {@code attempt} (0 = the first retry): exponential from {@code
 * base}, capped at {@code max}, with a jitter of up to half the wait so that many callers rejected
 * together do not return together. A server's {@code Retry-After} wins when it asks for longer, up
 * to {@code maxRetryAfter}.
 */
public record Backoff(Duration base, Duration max, Duration maxRetryAfter) {
  /** 0.5 s doubling to 30 s; a Retry-After is honoured up to 10 minutes. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(10));

  /** The wait in milliseconds before retry {@code attempt} of the call keyed {@code key}. */
  long millis(int attempt, long key, long retryAfterMillis) {
    double w = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, Math.min(attempt, 30)));
    w *= 0.5 + 0.5 * Keys.uniform(Keys.key(key, attempt, 0, 0x7e7));
    long wait = Math.round(w);
    if (retryAfterMillis > 0) {
      wait = Math.max(wait, Math.min(retryAfterMillis, maxRetryAfter.toMillis()));
    }
    return wait;
  }
}
