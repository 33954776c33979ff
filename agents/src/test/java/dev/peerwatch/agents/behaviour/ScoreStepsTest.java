package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A score looked up in a worker's step table is exactly the score the formula computes, for every
 * u: at random, at and around every step (a few ulps either side, and either side of the guard), at
 * the ends of [0, 1) and in the quantile's clamped tails — for workers from certain failure to
 * certain success, spreads from none to wide, and bars from 0.1 to 100.
 */
class ScoreStepsTest {
  private static final double[] RATES = {0, 1e-9, 0.001, 0.1, 0.5, 0.9, 0.999, 1};
  private static final double[] SPREADS = {0, 0.05, 3, 10, 40, 400};
  private static final double[] BARS = {0.1, 50, 80, 99.95, 100};

  @Test
  void theTableAnswersWhatTheFormulaDoesEverywhere() {
    SplittableRandom random = new SplittableRandom(7);
    long checked = 0;
    for (double r : RATES) {
      for (double s : SPREADS) {
        for (double b : BARS) {
          ScoreSteps t = new ScoreSteps(r, s, b);
          double c = Evidence.quantile(r);
          for (int i = 0; i < 20_000; i++) {
            // keyed uniforms are multiples of 2^-53, as Keys.uniform gives them
            double u = (random.nextLong() >>> 11) * 0x1.0p-53;
            assertSame(t, s, b, c, u);
            checked++;
          }
          for (double u :
              new double[] {
                0,
                Double.MIN_VALUE,
                1e-300,
                1e-13,
                1e-12,
                0x1.0p-53,
                Math.nextDown(1.0),
                1 - 1e-12,
                0.075,
                0.925,
                0.5
              }) {
            assertSame(t, s, b, c, u);
          }
          for (double step : stepsOf(t, s, b, c)) {
            for (double u : around(step)) {
              if (u >= 0 && u < 1) {
                assertSame(t, s, b, c, u);
                checked++;
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(4_000_000);
  }

  @Test
  void aWorkersScoresAreTheFormulasBeforeAndAfterItsTableIsBuilt() {
    // values no other test uses, so that this test sees its table built
    double r = 0.137;
    double s = 7.5;
    double b = 61.3;
    double c = Evidence.quantile(r);
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 3 * Evidence.BUILD_AFTER; i++) {
      double u = (random.nextLong() >>> 11) * 0x1.0p-53;
      long tenths = ScoreSteps.exact(s, b, c, u);
      assertThat(Evidence.tenths(r, s, b, u)).isEqualTo(tenths);
    }
  }

  @Test
  void aNegativeSpreadIsNeverTabled() {
    // outside the configured range (0 to 50), scores fall with u: the formula answers throughout
    double r = 0.2;
    double s = -5;
    double b = 70;
    double c = Evidence.quantile(r);
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 2 * Evidence.BUILD_AFTER; i++) {
      double u = (random.nextLong() >>> 11) * 0x1.0p-53;
      assertThat(Evidence.tenths(r, s, b, u)).isEqualTo(ScoreSteps.exact(s, b, c, u));
    }
  }

  @Test
  void aScoreMovesByItsTenthsWithU() {
    // spread 10 around a bar of 80 with a failure rate of 0.1: the median task scores
    // 80 + 10 * (0 - quantile(0.1)) = 80 + 12.8155 = 92.8 points
    ScoreSteps t = new ScoreSteps(0.1, 10, 80);
    assertThat(t.tenths(0.5)).isEqualTo(928);
    // a task at the failure rate scores the bar itself
    assertThat(t.tenths(0.1)).isEqualTo(800);
  }

  private static void assertSame(ScoreSteps t, double s, double b, double c, double u) {
    long exact = ScoreSteps.exact(s, b, c, u);
    long looked = t.tenths(u);
    if (looked != exact) {
      throw new AssertionError(
          "u=" + u + " spread=" + s + " bar=" + b + ": table " + looked + ", formula " + exact);
    }
  }

  /** Every u where the formula's tenths change: a coarse grid, then bisection within each cell. */
  private static java.util.List<Double> stepsOf(ScoreSteps t, double s, double b, double c) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    int n = 1 << 14;
    double lastU = 0;
    for (int i = 1; i <= n; i++) {
      double u = i == n ? Math.nextDown(1.0) : i / (double) n;
      long end = ScoreSteps.exact(s, b, c, u);
      // a cell may hold several changes (in the tails): find them one after the other
      while (ScoreSteps.exact(s, b, c, lastU) != end) {
        long from = ScoreSteps.exact(s, b, c, lastU);
        double lo = lastU;
        double hi = u;
        while (true) {
          double mid = lo + (hi - lo) / 2;
          if (mid <= lo || mid >= hi) {
            break;
          }
          if (ScoreSteps.exact(s, b, c, mid) == from) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        out.add(hi);
        lastU = hi;
      }
      lastU = u;
    }
    return out;
  }

  /** u values around a step: a few ulps either side, and either side of the guard. */
  private static double[] around(double step) {
    double g = ScoreSteps.GUARD;
    return new double[] {
      step,
      Math.nextUp(step),
      Math.nextDown(step),
      Math.nextUp(Math.nextUp(step)),
      Math.nextDown(Math.nextDown(step)),
      step + g,
      step - g,
      Math.nextUp(step + g),
      Math.nextDown(step - g),
      step + 2 * g,
      step - 2 * g,
      step + 1e-9,
      step - 1e-9
    };
  }
}
