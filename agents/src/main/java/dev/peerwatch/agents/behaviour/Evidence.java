package dev.peerwatch.agents.behaviour;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A task's graded outcome, the evidence a monitor judges: a score from 0 to 100 against a pass bar,
 * like the study's graded outputs (factual 60% against a bar of 80). The ledger holds it as the
 * ground truth.
 *
 * @param score the task's true score, 0 to 100, in tenths of a point
 * @param bar the pass bar: the task fails when its score is below it
 */
public record Evidence(double score, double bar) {
  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  /**
   * The standard normal quantile of {@code p}, finite for p in (0, 1) (clamped to [1e-12, 1 -
   * 1e-12]).
   *
   * <p>Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), the one R's {@code qnorm}
   * uses: relative error about 1e-16, from one rational function and at most one logarithm. It
   * replaces Hipparchus' {@code inverseCumulativeProbability}, which goes through {@code erfInv(2p
   * - 1)} and {@code FastMath.log} and was 38% of the inline organisation's time (every task
   * outcome and every noisy perception asks for a quantile); that route also loses digits in the
   * tails, where {@code 2p - 1} rounds. {@code EvidenceTest} checks it against Hipparchus.
   */
  public static double quantile(double p) {
    double x = Math.min(1 - 1e-12, Math.max(1e-12, p));
    double q = x - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * poly(A, r) / poly(B, r);
    }
    double r = Math.sqrt(-Math.log(q < 0 ? x : 1 - x));
    double v = r <= 5 ? poly(C, r - 1.6) / poly(D, r - 1.6) : poly(E, r - 5) / poly(F, r - 5);
    return q < 0 ? -v : v;
  }

  // AS 241's coefficients, highest power first.
  private static final double[] A = {
    2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
    13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608
  };
  private static final double[] B = {
    5226.495278852545925, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
    5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0
  };
  private static final double[] C = {
    7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177,
    1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055,
    4.6303378461565452959, 1.42343711074968357734
  };
  private static final double[] D = {
    1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966,
    0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494,
    2.05319162663775882187, 1.0
  };
  private static final double[] E = {
    2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386,
    0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358,
    5.4637849111641143699, 6.6579046435011037772
  };
  private static final double[] F = {
    2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5,
    7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531,
    0.59983220655588793769, 1.0
  };

  /**
   * The degree-7 polynomial with coefficients {@code c} (highest power first) at {@code r}, by
   * Estrin's scheme: three dependent steps instead of Horner's seven, which halves the quantile's
   * time (it is latency-bound).
   */
  private static double poly(double[] c, double r) {
    double r2 = r * r;
    double lo = (c[7] + c[6] * r) + r2 * (c[5] + c[4] * r);
    double hi = (c[3] + c[2] * r) + r2 * (c[1] + c[0] * r);
    return lo + (r2 * r2) * hi;
  }

  /** The standard normal distribution function at {@code z}. */
  public static double cdf(double z) {
    return STANDARD.cumulativeProbability(z);
  }

  /**
   * Score tables ({@link ScoreSteps}) by worker values (failure rate, spread, bar): a worker's
   * values are looked up every task, in their slot or the next one (two values that share a slot
   * both get a table; a third would take the first slot over). A table is built once its values
   * have been asked for {@link #BUILD_AFTER} times (a short run computes every score, a long one
   * builds the table once: about a millisecond). Entries are immutable and a table answers exactly
   * what the formula does, so which entries a thread sees, and when a table is built, never change
   * a result; the counts are racy on purpose.
   */
  private static final ScoreSteps[] TABLES = new ScoreSteps[64];

  private static final Counting[] COUNTING = new Counting[TABLES.length];

  static final int BUILD_AFTER = 20_000;

  /** Worker values being counted toward a table, with the quantile of their failure rate. */
  private static final class Counting {
    final double failureRate;
    final double spread;
    final double bar;
    final double centre;
    int uses;

    Counting(double failureRate, double spread, double bar) {
      this.failureRate = failureRate;
      this.spread = spread;
      this.bar = bar;
      this.centre = quantile(failureRate);
    }

    boolean isFor(double failureRate, double spread, double bar) {
      return this.failureRate == failureRate && this.spread == spread && this.bar == bar;
    }
  }

  /**
   * The first slot of these values. Every bit of the three counts: failure rates a power of two
   * apart (0.05, 0.1, 0.2) differ only in their exponent bits, which a weaker mix left out of the
   * slot.
   */
  static int slot(double failureRate, double spread, double bar) {
    long h =
        Double.doubleToRawLongBits(failureRate) * 0x9E3779B97F4A7C15L
            + Double.doubleToRawLongBits(spread) * 0xC2B2AE3D27D4EB4FL
            + Double.doubleToRawLongBits(bar);
    return (int) dev.peerwatch.agents.Keys.mix(h) & (TABLES.length - 1);
  }

  /** Whether these values have a score table (for tests). */
  static boolean tabled(double failureRate, double spread, double bar) {
    int slot = slot(failureRate, spread, bar);
    for (int s : new int[] {slot, (slot + 1) & (TABLES.length - 1)}) {
      ScoreSteps t = TABLES[s];
      if (t != null && t.isFor(failureRate, spread, bar)) {
        return true;
      }
    }
    return false;
  }

  /** The score of a task in tenths, through the values' table when there is one. */
  static long tenths(double failureRate, double spread, double bar, double u) {
    int slot = slot(failureRate, spread, bar);
    int next = (slot + 1) & (TABLES.length - 1);
    ScoreSteps t = TABLES[slot];
    if (t != null && t.isFor(failureRate, spread, bar)) {
      return t.tenths(u);
    }
    t = TABLES[next];
    if (t != null && t.isFor(failureRate, spread, bar)) {
      return t.tenths(u);
    }
    Counting c = counting(slot, next, failureRate, spread, bar);
    // a table needs scores that rise with u: never for a negative (or NaN) spread
    if (++c.uses >= BUILD_AFTER && spread >= 0) {
      // where no other values' table is, else over the first slot's
      int at = TABLES[slot] == null ? slot : TABLES[next] == null ? next : slot;
      TABLES[at] = new ScoreSteps(failureRate, spread, bar);
    }
    return ScoreSteps.exact(spread, bar, c.centre, u);
  }

  /** The count of these values, in slot {@code slot} or {@code next}; a fresh one if neither. */
  private static Counting counting(
      int slot, int next, double failureRate, double spread, double bar) {
    Counting a = COUNTING[slot];
    if (a != null && a.isFor(failureRate, spread, bar)) {
      return a;
    }
    Counting b = COUNTING[next];
    if (b != null && b.isFor(failureRate, spread, bar)) {
      return b;
    }
    Counting c = new Counting(failureRate, spread, bar);
    COUNTING[a == null ? slot : b == null ? next : slot] = c;
    return c;
  }

  /** Whether the task failed: its score lies below the bar. */
  public boolean failed() {
    return score < bar;
  }

  /** How far below the bar the score lies (negative for a pass). */
  public double gap() {
    return bar - score;
  }

  /**
   * Whether a task drawn {@code u} by a worker whose failure rate is {@code failureRate} fails: the
   * verdict of {@link #of}'s outcome, without its score.
   */
  public static boolean fails(double failureRate, double u) {
    return u < failureRate;
  }

  /**
   * The outcome of a task of a worker whose failure rate is {@code failureRate}: its scores are
   * normal with standard deviation {@code spread}, centred so that exactly that share falls below
   * the bar. The task fails exactly when {@code u < failureRate}, as in the binary model, so the
   * ground truth of every run is unchanged by grading and shares its draws; {@code u} also places
   * the score (a lower {@code u}, a worse task).
   *
   * @param failureRate the worker's competence as the probability that a task fails, in [0, 1]
   * @param spread the standard deviation of its scores in points, at least 0
   * @param bar the pass bar, in (0, 100]
   * @param u the task's keyed uniform in [0, 1)
   */
  public static Evidence of(double failureRate, double spread, double bar, double u) {
    boolean fails = fails(failureRate, u);
    double score = tenths(failureRate, spread, bar, u) / 10.0;
    // the verdict is u's: rounding and clamping must not move a score across the bar
    if (fails && score >= bar) {
      score = Math.max(0, Math.ceil(bar * 10 - 1) / 10.0);
    } else if (!fails && score < bar) {
      score = bar;
    }
    return new Evidence(score, bar);
  }
}
