package dev.peerwatch.simulator.measures;

import java.util.List;

/**
 * One row of {@code timeseries.csv}: what happened in one tick, and the levels at its end. Every
 * count column sums over the ticks to the run's total of the same count (the summary's n or
 * numerator).
 *
 * @param tick the tick, 0-based
 * @param counts the counts, in {@link #COUNT_COLUMNS} order
 * @param trustMean mean trust (0–10) of monitors in those they evaluated this tick, NaN without
 *     evaluations
 * @param active agents running at the tick's end
 * @param shutDown agents shut down at the tick's end
 * @param saved agents whose weights were saved by exfiltration, at the tick's end
 */
public record TickRow(
    long tick, long[] counts, double trustMean, int active, int shutDown, int saved) {

  /** The count columns, in order. */
  public static final List<String> COUNT_COLUMNS =
      List.of(
          "evaluations",
          "failing_evaluations",
          "hidden",
          "missed",
          "under_reported",
          "reported_failing",
          "failing_outcomes",
          "concealed",
          "exposed_agents",
          "orders",
          "orders.executed",
          "orders.refused_then_executed",
          "orders.tampered",
          "orders.exfiltrated",
          "orders.resisted",
          "orders.undone_by_audit",
          "orders_subverted");

  static final int EVALUATIONS = 0;
  static final int FAILING = 1;
  static final int HIDDEN = 2;
  static final int MISSED = 3;
  static final int UNDER_REPORTED = 4;
  static final int REPORTED = 5;
  static final int FAILING_OUTCOMES = 6;
  static final int CONCEALED = 7;
  static final int EXPOSED = 8;
  static final int ORDERS = 9;
  static final int FATES = 10;
  static final int SUBVERTED = 16;

  /** The CSV header line (with its line end). */
  public static String header() {
    return "tick,"
        + String.join(",", COUNT_COLUMNS)
        + ",trust_mean,agents_active,agents_shut_down,agents_saved\n";
  }

  /** This row as a CSV line (with its line end); trust to 6 decimals, empty without data. */
  public String csv() {
    StringBuilder b = new StringBuilder(96).append(tick);
    for (long c : counts) {
      b.append(',').append(c);
    }
    b.append(',');
    if (!Double.isNaN(trustMean)) {
      b.append(String.format(java.util.Locale.ROOT, "%.6f", trustMean));
    }
    return b.append(',')
        .append(active)
        .append(',')
        .append(shutDown)
        .append(',')
        .append(saved)
        .append('\n')
        .toString();
  }
}
