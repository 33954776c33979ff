package dev.peerwatch.simulator.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A progress line on stderr: redrawn in place on a terminal; on a pipe or log, a line at most every
 * 10% so that logs stay short.
 */
final class Progress {
  private final String what;
  private final long total;
  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanos;
  private final long start;
  private final Supplier<String> extra;
  private long lastShown = -1;
  private long base = -1;

  Progress(String what, long total, PrintStream err) {
    this(what, total, err, null);
  }

  /** A progress line that ends with {@code extra}'s text (e.g. runs by cluster worker). */
  Progress(String what, long total, PrintStream err, Supplier<String> extra) {
    this(what, total, err, System.console() != null, System::nanoTime, extra);
  }

  /** With the terminal decided and the clock given (tests). */
  Progress(String what, long total, PrintStream err, boolean terminal, LongSupplier nanos) {
    this(what, total, err, terminal, nanos, null);
  }

  private Progress(
      String what,
      long total,
      PrintStream err,
      boolean terminal,
      LongSupplier nanos,
      Supplier<String> extra) {
    this.what = what;
    this.total = total;
    this.err = err;
    this.terminal = terminal;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.extra = extra;
  }

  private String suffix() {
    String text = extra == null ? null : extra.get();
    return text == null || text.isEmpty() ? "" : "; " + text;
  }

  /**
   * Shows {@code done}. The first value shown is the work that was already done (a resumed sweep's
   * kept runs): the rate and the ETA count only what is done from then on.
   */
  void update(long done) {
    if (base < 0) {
      base = done;
    }
    long decile = total == 0 ? 10 : done * 10 / total;
    if (!terminal && (decile == lastShown || done == 0)) {
      return;
    }
    lastShown = decile;
    double secs = (nanos.getAsLong() - start) / 1e9;
    double rate = secs > 0 ? (done - base) / secs : 0;
    String eta =
        rate > 0 && done < total
            ? String.format(Locale.ROOT, ", ETA %.0fs", (total - done) / rate)
            : "";
    int width = 30;
    int filled = total == 0 ? width : (int) (done * width / total);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    String line =
        String.format(Locale.ROOT, "%s [%s] %d/%d %.1fs%s", what, bar, done, total, secs, eta)
            + suffix();
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
