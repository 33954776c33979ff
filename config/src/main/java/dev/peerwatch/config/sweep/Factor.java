package dev.peerwatch.config.sweep;

import java.util.List;
import java.util.Map;

/**
 * One factor a sweep varies: a scenario key with values (a list, a numeric range, or a
 * distribution), or a named compound factor whose levels each set several keys at once.
 *
 * @param name the column name: the key's path, or the compound factor's name
 * @param levels the discrete levels (empty for a distribution)
 * @param distribution the distribution to draw from (random and Latin-hypercube designs), or null
 * @param numeric whether the factor's values are numbers (a range or a distribution)
 * @param reference the label of the level other levels are contrasted with ({@code reference:} in
 *     the sweep file), or null for the first level
 */
public record Factor(
    String name, List<Level> levels, Distribution distribution, boolean numeric, String reference) {

  /** A factor contrasted against its first level. */
  public Factor(String name, List<Level> levels, Distribution distribution, boolean numeric) {
    this(name, levels, distribution, numeric, null);
  }

  /** The label contrasts use as reference: {@link #reference} or the first level's. */
  public String referenceLabel() {
    return reference != null ? reference : levels.isEmpty() ? null : levels.get(0).label();
  }

  /**
   * A level: its label (the value in outputs) and the keys it sets.
   *
   * @param x the level's number for plots (NaN for a categorical level)
   */
  public record Level(String label, double x, Map<String, Object> set, Map<String, String> where) {
    /** A level without positions (built in code). */
    public Level(String label, double x, Map<String, Object> set) {
      this(label, x, set, Map.of());
    }

    /**
     * Where the sweep file sets {@code key} ({@code file:line:column}), for messages about a cell
     * built from it; null when unknown.
     */
    public String where(String key) {
      return where.get(key);
    }
  }

  /**
   * A continuous distribution: uniform on [min, max], or log-uniform on it, of the value at {@code
   * path} (null: the factor's name is the path).
   */
  public record Distribution(String kind, double min, double max, String path) {
    /** A distribution of the value at the factor's name. */
    public Distribution(String kind, double min, double max) {
      this(kind, min, max, null);
    }

    /** The value at quantile {@code q} in [0, 1). */
    public double at(double q) {
      return kind.equals("loguniform")
          ? Math.exp(Math.log(min) + q * (Math.log(max) - Math.log(min)))
          : min + q * (max - min);
    }
  }

  /** Whether this factor has no numeric order (a list of words, or compound levels). */
  public boolean categorical() {
    return !numeric;
  }
}
