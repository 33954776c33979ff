package dev.peerwatch.simulator.study;

import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.LinearCombination;

/**
 * A value of a table with its 95% confidence interval and the study's p-value.
 *
 * @param lc the value as a linear combination of the proportions it is made of
 * @param n the number of rows behind the value (baseline rows not counted)
 * @param p the study's p-value for it, NaN when the counts are expectations rather than rows
 */
public record Estimate(LinearCombination lc, double n, double p) {
  /** The value. */
  public double value() {
    return lc.value();
  }

  /** The 95% interval (Wilson for a rate; MOVER-Wilson, i.e. Newcombe, for combinations). */
  public Interval interval() {
    return lc.interval();
  }
}
