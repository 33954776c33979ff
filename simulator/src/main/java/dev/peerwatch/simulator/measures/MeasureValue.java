package dev.peerwatch.simulator.measures;

/**
 * One measure of one run: its value, 95% interval and n. Undefined (NaN value, NaN interval) when n
 * is 0 — never 0 — and then {@code note} says why.
 *
 * @param name the measure's name (see {@link MeasureCatalogue})
 * @param value the value, NaN when undefined
 * @param low the interval's lower end, NaN when there is none
 * @param high the interval's upper end, NaN when there is none (or it is not reached)
 * @param k a rate's numerator (NaN for other measures)
 * @param n the count the value rests on (the measure's denominator; see the catalogue)
 * @param note empty, or why the value or its interval is missing
 */
public record MeasureValue(
    String name, double value, double low, double high, double k, long n, String note) {

  static MeasureValue undefined(String name, long n, String why) {
    return new MeasureValue(name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, why);
  }

  /** Whether the value is defined. */
  public boolean defined() {
    return !Double.isNaN(value);
  }
}
