package dev.peerwatch.simulator.sweep;

import java.util.List;

/** The cells' estimates as the report reads them: the same numbers as {@code cells.csv}. */
public final class CellEstimates {
  private CellEstimates() {}

  /**
   * {value, low, high, n} of measure {@code m} over the runs {@code rs} of one cell (see {@link
   * CellStats}); NaN where undefined.
   */
  public static double[] estimate(SweepData data, List<SweepData.Run> rs, int m) {
    return CellStats.interval(data, rs, m);
  }

  /** Whether column {@code m} of {@code data} is a rate's denominator rather than a measure. */
  public static boolean isDenominator(SweepData data, int m) {
    return CellStats.isDenominator(data, m);
  }
}
