package dev.peerwatch.agents.mind.llm;

/**
 * A token bucket for call starts: {@code rate} tokens a second, holding at most {@code rate} (at
 * least one), so a burst after a quiet spell is at most one second's worth. Wall-clock time here
 * only paces calls; it never reaches model code.
 */
final class TokenBucket {
  private final double rate;
  private final double capacity;
  private double tokens;
  private long last = System.nanoTime();

  /** A bucket of {@code rate} calls a second; 0 means no limit. */
  TokenBucket(double rate) {
    this.rate = rate;
    this.capacity = Math.max(1, rate);
    this.tokens = capacity;
  }

  /** Takes one token, waiting until there is one. */
  void acquire() throws InterruptedException {
    if (rate <= 0) {
      return;
    }
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) * rate / 1e9);
      last = now;
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / rate * 1e9);
    }
    if (waitNanos > 0) {
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
  }
}
