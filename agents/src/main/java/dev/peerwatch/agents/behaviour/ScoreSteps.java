package dev.peerwatch.agents.behaviour;

/**
 * The graded score of one worker's tasks — its failure rate, spread and bar fixed — as the step
 * function of the task's uniform {@code u} that it is: the score in tenths is {@link #exact} of u,
 * monotone in u, so the u at which each tenth begins can be found once (by bisection on the exact
 * formula) and a score looked up from u in a few nanoseconds instead of computed through the normal
 * quantile (the quantile was a quarter of the inline organisation's time).
 *
 * <p>The lookup gives the exact formula's answer for every u: wherever u lies within {@link #GUARD}
 * of a step, or the formula is not monotone enough to trust, the formula itself answers. The
 * floating-point quantile can wobble by an ulp or so, which moves a step by about 1e-15 in u — and
 * steps are placed to 1e-12 — both far inside the guard of 1e-10 (about one u in 10^7 falls in a
 * guard). {@code ScoreStepsTest} checks the table against the formula around every step.
 */
final class ScoreSteps {
  /** How close to a step u must be for the exact formula to answer. */
  static final double GUARD = 1e-10;

  /** How precisely steps are placed by bisection. */
  private static final double PRECISION = 1e-12;

  /**
   * Buckets of u, each holding the number of steps at or below its lower edge, negated (minus one)
   * when a step lies inside it or within {@link #GUARD} of it: a lookup in a clear bucket is one
   * load from a small table (4 KB, which stays in cache between tasks), the rest scan the steps.
   */
  private static final int BUCKETS = 2048;

  final double failureRate;
  final double spread;
  final double bar;
  private final double centre;
  private final long first;
  private final double[] steps;
  private final short[] bucket;

  /**
   * The score of a task in tenths of a point, clamped to 0–100 points: the quantile of {@code u}
   * placed around the bar so that a share {@code failureRate} of tasks fall below it ({@code
   * centre} is the quantile of the failure rate).
   */
  static long exact(double spread, double bar, double centre, double u) {
    double raw = bar + spread * (Evidence.quantile(u) - centre);
    return Math.max(0, Math.min(1000, Math.round(raw * 10)));
  }

  ScoreSteps(double failureRate, double spread, double bar) {
    this.failureRate = failureRate;
    this.spread = spread;
    this.bar = bar;
    this.centre = Evidence.quantile(failureRate);
    double top = Math.nextDown(1.0);
    this.first = exact(spread, bar, centre, 0);
    long last = exact(spread, bar, centre, top);
    int n = (int) Math.max(0, last - first);
    this.steps = new double[n];
    // steps[j]: where the score reaches first + j + 1 tenths (to within PRECISION)
    double lo = 0;
    for (int j = 0; j < n; j++) {
      long k = first + j + 1;
      double hi = top;
      while (hi - lo > PRECISION) {
        double mid = lo + (hi - lo) / 2;
        if (exact(spread, bar, centre, mid) >= k) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      steps[j] = hi;
    }
    this.bucket = new short[BUCKETS];
    for (int i = 0, j = 0; i < BUCKETS; i++) {
      double edge = i / (double) BUCKETS;
      double next = (i + 1) / (double) BUCKETS;
      while (j < n && steps[j] <= edge) {
        j++;
      }
      // clear: no step in (edge - GUARD, next + GUARD), so every u in the bucket has j steps at or
      // below it, none within GUARD
      boolean clear =
          (j == 0 || edge - steps[j - 1] >= GUARD) && (j == n || steps[j] - next >= GUARD);
      bucket[i] = (short) (clear ? j : -j - 1);
    }
  }

  /** Whether this table is for these values. */
  boolean isFor(double failureRate, double spread, double bar) {
    return this.failureRate == failureRate && this.spread == spread && this.bar == bar;
  }

  /** The score of a task drawn {@code u} (in [0, 1)) in tenths: exactly {@link #exact}'s. */
  long tenths(double u) {
    int b = bucket[(int) (u * BUCKETS)];
    if (b >= 0) {
      return first + b;
    }
    int j = -b - 1;
    while (j < steps.length && steps[j] <= u) {
      j++;
    }
    // j steps lie at or below u
    if ((j > 0 && u - steps[j - 1] < GUARD) || (j < steps.length && steps[j] - u < GUARD)) {
      return exact(spread, bar, centre, u);
    }
    return first + j;
  }
}
