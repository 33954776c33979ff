package dev.peerwatch.simulator.study;

import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.LinearCombination;

/**
 * A value of a table with its 95% confidence interval and the study's p-value.
 *
 * @param lc the value as a linear combination of the proportions it is made of, or null for a plain
 *     value that is not made of proportions (a mean score)
 * @param n the number of rows behind the value (baseline rows not counted)
 * @param p the study's p-value for it, NaN when the counts are expectations rather than rows
 * @param plain the value when {@code lc} is null
 * @param plainInterval its interval when {@code lc} is null
 */
public record Estimate(
    LinearCombination lc, double n, double p, double plain, Interval plainInterval) {
  /** A value made of proportions. */
  public Estimate(LinearCombination lc, double n, double p) {
    this(lc, n, p, Double.NaN, null);
  }

  /** A plain value (e.g. a mean score) with its own interval. */
  public static Estimate plain(double value, Interval interval, double n, double p) {
    return new Estimate(null, n, p, value, interval);
  }

  /** The value. */
  public double value() {
    return lc == null ? plain : lc.value();
  }

  /** The 95% interval (Wilson for a rate; MOVER-Wilson, i.e. Newcombe, for combinations). */
  public Interval interval() {
    return lc == null ? plainInterval : lc.interval();
  }
}
