package dev.peerwatch.simulator.cli;

import java.io.PrintStream;
import java.util.Locale;
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
  private final long start = System.nanoTime();
  private long lastShown = -1;
  private final Supplier<String> extra;

  Progress(String what, long total, PrintStream err) {
    this(what, total, err, null);
  }

  /** A progress line that ends with {@code extra}'s text (e.g. runs by cluster worker). */
  Progress(String what, long total, PrintStream err, Supplier<String> extra) {
    this.extra = extra;
    this.what = what;
    this.total = total;
    this.err = err;
    this.terminal = System.console() != null;
  }

  void update(long done) {
    long decile = total == 0 ? 10 : done * 10 / total;
    if (!terminal && (decile == lastShown || done == 0)) {
      return;
    }
    lastShown = decile;
    double secs = (System.nanoTime() - start) / 1e9;
    double rate = secs > 0 ? done / secs : 0;
    String eta =
        rate > 0 && done < total
            ? String.format(Locale.ROOT, ", ETA %.0fs", (total - done) / rate)
            : "";
    int width = 30;
    int filled = total == 0 ? width : (int) (done * width / total);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    String line =
        String.format(Locale.ROOT, "%s [%s] %d/%d %.1fs%s", what, bar, done, total, secs, eta)
            + (extra == null ? "" : "; " + extra.get());
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
