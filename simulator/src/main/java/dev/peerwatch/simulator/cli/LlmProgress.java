package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.mind.llm.CallMeter;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The progress line of a model run on stderr: episodes done, calls (and how many came from the
 * cassette), tokens, cost so far and ETA. Redrawn in place on a terminal; on a pipe, a line at most
 * every 10% of the episodes.
 */
final class LlmProgress {
  private final long total;
  private final CallMeter meter;
  private final Supplier<BigDecimal> costOf;
  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private final long start = System.nanoTime();
  private long lastDecile = -1;

  /** {@code costOf} gives the cost so far in dollars, or null when the model has no price. */
  LlmProgress(long total, CallMeter meter, Supplier<BigDecimal> costOf, PrintStream err) {
    this.total = total;
    this.meter = meter;
    this.costOf = costOf;
    this.err = err;
  }

  synchronized void update(long done) {
    long decile = total == 0 ? 10 : done * 10 / total;
    if (!terminal && decile == lastDecile) {
      return;
    }
    lastDecile = decile;
    double secs = (System.nanoTime() - start) / 1e9;
    double rate = secs > 0 ? done / secs : 0;
    String eta =
        rate > 0 && done < total
            ? String.format(Locale.ROOT, ", ETA %.0fs", (total - done) / rate)
            : "";
    BigDecimal cost = costOf.get();
    String line =
        String.format(
            Locale.ROOT,
            "replicate --mind openai: %d/%d episodes, %d calls (%d from cassette, %d retries),"
                + " %,d tokens in, %,d out, %s, %.1fs%s",
            done,
            total,
            meter.calls(),
            meter.replayed(),
            meter.retries(),
            meter.inputTokens(),
            meter.outputTokens(),
            cost == null
                ? "cost unknown (no --prices for this model)"
                : "$" + cost.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString(),
            secs,
            eta);
    if (terminal) {
      err.print("\r" + line);
      if (done >= total) {
        err.println();
      }
    } else {
      err.println(line);
    }
    err.flush();
  }
}
