package dev.peerwatch.simulator.stats;

/**
 * A closed confidence interval {@code [low, high]}.
 *
 * <p>Instances are immutable. The bounds must not be NaN and {@code low <= high} must hold; a
 * degenerate interval with {@code low == high} is allowed (for example the interval of an empty
 * {@link LinearCombination}).
 *
 * @param low the lower confidence limit
 * @param high the upper confidence limit
 */
public record Interval(double low, double high) {

  /** Absolute tolerance used by {@link #contains(double)}. */
  private static final double TOLERANCE = 1e-12;

  /**
   * Validates the bounds.
   *
   * @param low the lower confidence limit
   * @param high the upper confidence limit
   * @throws IllegalArgumentException if either bound is NaN or {@code low > high}
   */
  public Interval {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      throw new IllegalArgumentException("interval bounds must not be NaN: " + low + ", " + high);
    }
    if (low > high) {
      throw new IllegalArgumentException("interval low " + low + " exceeds high " + high);
    }
  }

  /**
   * Tells whether {@code x} lies in this interval, bounds included, allowing an absolute tolerance
   * of {@code 1e-12} on either side so that values equal to a bound up to rounding error are
   * accepted.
   *
   * @param x the value to test
   * @return {@code true} if {@code low - 1e-12 <= x <= high + 1e-12}; {@code false} otherwise, in
   *     particular when {@code x} is NaN
   */
  public boolean contains(double x) {
    return x >= low - TOLERANCE && x <= high + TOLERANCE;
  }
}
