package dev.peerwatch.simulator.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A world's event logs, one per participant, and the ledger they are merged into: after each tick
 * the lines of every log are sorted by their canonical keys and written, so the ledger's order
 * never depends on which participant ran first. Used only on the clock's (or the inline loop's)
 * thread, between ticks.
 */
final class Recorder {
  private final List<EventLog> logs = new ArrayList<>();
  private final Writer ledger;

  Recorder(Writer ledger) {
    this.ledger = ledger;
  }

  EventLog add(EventLog log) {
    logs.add(log);
    return log;
  }

  /** Writes the tick's lines in canonical order and empties the logs. */
  void flush() {
    int total = 0;
    for (EventLog l : logs) {
      total += l.count;
    }
    if (total == 0) {
      return;
    }
    long[] keys = new long[total];
    int[] fromLog = new int[total];
    int[] fromEntry = new int[total];
    int i = 0;
    for (int li = 0; li < logs.size(); li++) {
      EventLog l = logs.get(li);
      for (int e = 0; e < l.count; e++, i++) {
        keys[i] = l.keys[e];
        fromLog[i] = li;
        fromEntry[i] = e;
      }
    }
    Integer[] order = new Integer[total];
    for (int k = 0; k < total; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
    try {
      for (int k : order) {
        EventLog l = logs.get(fromLog[k]);
        int e = fromEntry[k];
        int start = e == 0 ? 0 : l.ends[e - 1];
        if (ledger != null) {
          ledger.append(l.text, start, l.ends[e]);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    for (EventLog l : logs) {
      l.clearLines();
    }
  }

  /**
   * The sum of every log's counts so far. Logs touched since the last call are drained into a
   * running total (an untouched log adds nothing), so a tick costs what its participants did, not
   * one visit of every count of every participant (which was 7% of a 1,000-agent run on actors).
   */
  Counters total() {
    if (sum == null) {
      sum = new Counters(logs.get(0).counters.profiles);
    }
    for (EventLog l : logs) {
      if (l.touches != 0) {
        sum.add(l.counters);
        sum.addOversight(l.counters);
        l.counters.clearCounts();
        l.touches = 0;
      }
    }
    return sum.copy();
  }

  private Counters sum;

  /** Detection delays recorded since the last call. */
  List<Long> drainDelays() {
    List<Long> out = new ArrayList<>();
    for (EventLog l : logs) {
      out.addAll(l.counters.delays);
      l.counters.delays.clear();
    }
    return out;
  }
}
