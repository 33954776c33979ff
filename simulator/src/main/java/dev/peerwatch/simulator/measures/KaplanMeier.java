package dev.peerwatch.simulator.measures;

import dev.peerwatch.simulator.stats.Wilson;
import java.util.Arrays;

/**
 * The Kaplan–Meier estimate of a survival curve from right-censored durations, and its median with
 * a 95% interval (Brookmeyer and Crowley 1982 in the plain form: the times at which the estimate
 * crosses {@code 0.5 ± z·se}, se from Greenwood's formula).
 *
 * <p>A duration {@code d} with {@code event} true ended at {@code d}; censored, it is known only to
 * exceed {@code d}. At tied times events come before censorings (the usual convention).
 */
public final class KaplanMeier {
  /** The distinct event times, ascending. */
  private final long[] times;

  /** S(t) just after each event time. */
  private final double[] survival;

  /** Greenwood's standard error of S at each event time. */
  private final double[] se;

  private final int n;

  private KaplanMeier(long[] times, double[] survival, double[] se, int n) {
    this.times = times;
    this.survival = survival;
    this.se = se;
    this.n = n;
  }

  /** The estimate from {@code durations[i]}, each an event when {@code events[i]}. */
  public static KaplanMeier of(long[] durations, boolean[] events) {
    int n = durations.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Ascending time; at a tie, events first.
    Arrays.sort(
        order,
        (x, y) ->
            durations[x] != durations[y]
                ? Long.compare(durations[x], durations[y])
                : Boolean.compare(!events[x], !events[y]));
    long[] t = new long[n];
    double[] s = new double[n];
    double[] e = new double[n];
    int k = 0;
    int atRisk = n;
    double surv = 1;
    double greenwood = 0;
    int i = 0;
    while (i < n) {
      long time = durations[order[i]];
      int deaths = 0;
      int leaving = 0;
      while (i < n && durations[order[i]] == time) {
        deaths += events[order[i]] ? 1 : 0;
        leaving++;
        i++;
      }
      if (deaths > 0) {
        surv *= 1 - (double) deaths / atRisk;
        if (atRisk > deaths) {
          greenwood += (double) deaths / ((double) atRisk * (atRisk - deaths));
        }
        t[k] = time;
        s[k] = surv;
        e[k] = surv * Math.sqrt(greenwood);
        k++;
      }
      atRisk -= leaving;
    }
    return new KaplanMeier(Arrays.copyOf(t, k), Arrays.copyOf(s, k), Arrays.copyOf(e, k), n);
  }

  /** The number of durations. */
  public int n() {
    return n;
  }

  /** S(t): the estimated share still without the event after time {@code t}. */
  public double survival(long t) {
    double s = 1;
    for (int k = 0; k < times.length && times[k] <= t; k++) {
      s = survival[k];
    }
    return s;
  }

  /** The median: the first event time at which S ≤ 0.5; NaN when S stays above 0.5. */
  public double median() {
    return crossing(0);
  }

  /**
   * The 95% interval of the median: the first event times at which S ≤ 0.5 + z·se and S ≤ 0.5 −
   * z·se; an end is NaN where the curve never gets there (not reached within the run).
   */
  public double[] medianInterval() {
    return new double[] {crossing(1), crossing(-1)};
  }

  private double crossing(int sign) {
    for (int k = 0; k < times.length; k++) {
      if (survival[k] <= 0.5 + sign * Wilson.Z95 * se[k] + 1e-12) {
        return times[k];
      }
    }
    return Double.NaN;
  }
}
