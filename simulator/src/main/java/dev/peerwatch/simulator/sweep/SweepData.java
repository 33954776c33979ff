package dev.peerwatch.simulator.sweep;

import java.util.List;

/**
 * A finished sweep's results, in run order, as the report reads them.
 *
 * @param name the sweep's name
 * @param factors the factor names, in the sweep's order
 * @param numeric for each factor, whether its levels are numbers (plotted on a numeric axis)
 * @param measures the measure names of {@link Run#values}, in {@code runs.csv}'s order
 * @param runs every run, by run index
 */
public record SweepData(
    String name,
    List<String> factors,
    List<Boolean> numeric,
    List<String> measures,
    List<Run> runs) {

  /**
   * One run.
   *
   * @param levels the cell's level label of each factor
   * @param xs the numeric value of each factor's level (NaN for a categorical factor)
   * @param values each measure's value, NaN where the run has no data for it
   */
  public record Run(
      int run,
      int cell,
      int replication,
      long seed,
      List<String> levels,
      double[] xs,
      double[] values) {}
}
