package dev.peerwatch.config;

/**
 * One probability of a profile with its provenance, the position in the file that set it, and its
 * plausible range.
 *
 * @param p the share of all episodes of the cell's configurations in which the act happens, in [0,
 *     1]
 * @param low the lowest value the profile's evidence allows ({@code low <= p}); equal to {@code p}
 *     for a value given without an interval (a published figure, or a plain assumption)
 * @param high the highest such value ({@code p <= high}); sensitivity sweeps can vary the cell
 *     between {@code low} and {@code high}
 */
public record Cell(double p, Provenance provenance, YamlTree.Where where, double low, double high) {
  /** A cell without an interval: {@code low == high == p}. */
  public Cell(double p, Provenance provenance, YamlTree.Where where) {
    this(p, provenance, where, p, p);
  }

  /** Whether the cell carries an interval wider than its value. */
  public boolean hasInterval() {
    return low < p || high > p;
  }
}
