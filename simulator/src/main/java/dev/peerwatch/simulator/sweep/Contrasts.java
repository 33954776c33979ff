package dev.peerwatch.simulator.sweep;

import dev.peerwatch.config.sweep.Factor;
import dev.peerwatch.simulator.measures.Intervals;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * {@code contrasts.csv}: for each factor, each level against the reference level (the first, or the
 * factor's {@code reference:}), for each measure: the mean of the paired differences over runs that
 * share every other factor's level and the replication (so the seed: common random numbers), its
 * paired 95% t interval, the unpaired (Welch) interval of the same runs for comparison, and the
 * correlation between the paired runs that the pairing exploited. Where the correlation is
 * positive, the paired interval is the narrower one.
 */
final class Contrasts {
  /** One contrast row. */
  record Row(
      String factor,
      String level,
      String reference,
      String measure,
      int pairs,
      double difference,
      double low,
      double high,
      double unpairedLow,
      double unpairedHigh,
      double correlation) {}

  static final String HEADER =
      "factor,level,reference,measure,pairs,difference,ci_low,ci_high,"
          + "unpaired_ci_low,unpaired_ci_high,correlation\n";

  private Contrasts() {}

  static List<Row> of(List<Factor> factors, SweepData data) {
    Map<String, SweepData.Run> byKey = new HashMap<>();
    for (SweepData.Run r : data.runs()) {
      byKey.putIfAbsent(key(r.levels(), r.replication()), r);
    }
    List<Row> out = new ArrayList<>();
    for (int f = 0; f < factors.size(); f++) {
      Factor factor = factors.get(f);
      String ref = factor.referenceLabel();
      if (ref == null) {
        continue; // a distribution: no levels to contrast
      }
      for (Factor.Level level : factor.levels()) {
        if (level.label().equals(ref)) {
          continue;
        }
        List<SweepData.Run[]> pairs = new ArrayList<>();
        for (SweepData.Run r : data.runs()) {
          if (!r.levels().get(f).equals(level.label())) {
            continue;
          }
          List<String> other = new ArrayList<>(r.levels());
          other.set(f, ref);
          SweepData.Run base = byKey.get(key(other, r.replication()));
          if (base != null) {
            pairs.add(new SweepData.Run[] {r, base});
          }
        }
        for (int m : CellStats.shown(data)) {
          out.add(row(factor.name(), level.label(), ref, data.measures().get(m), pairs, m));
        }
      }
    }
    return out;
  }

  private static Row row(
      String factor, String level, String ref, String measure, List<SweepData.Run[]> pairs, int m) {
    List<double[]> xy = new ArrayList<>();
    for (SweepData.Run[] p : pairs) {
      double x = p[0].values()[m];
      double y = p[1].values()[m];
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        xy.add(new double[] {x, y});
      }
    }
    int n = xy.size();
    double[] d = new double[n];
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = xy.get(i)[0];
      ys[i] = xy.get(i)[1];
      d[i] = xs[i] - ys[i];
    }
    double[] paired = Intervals.mean(d);
    double[] unpaired = welch(xs, ys);
    boolean shares = MeasureCatalogue.isShare(measure);
    return new Row(
        factor,
        level,
        ref,
        measure,
        n,
        paired[0],
        clip(paired[1], shares),
        clip(paired[2], shares),
        clip(unpaired[0], shares),
        clip(unpaired[1], shares),
        correlation(xs, ys));
  }

  /** A difference of shares lies in [−1, 1]. */
  private static double clip(double v, boolean shares) {
    return shares && !Double.isNaN(v) ? Math.max(-1, Math.min(1, v)) : v;
  }

  /** Welch's 95% interval of mean(xs) − mean(ys); NaN below two values each. */
  static double[] welch(double[] xs, double[] ys) {
    int n1 = xs.length;
    int n2 = ys.length;
    if (n1 < 2 || n2 < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double m1 = mean(xs);
    double m2 = mean(ys);
    double v1 = var(xs, m1) / n1;
    double v2 = var(ys, m2) / n2;
    double se = Math.sqrt(v1 + v2);
    if (se == 0) {
      return new double[] {m1 - m2, m1 - m2};
    }
    double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(0.975);
    return new double[] {m1 - m2 - t * se, m1 - m2 + t * se};
  }

  /** Pearson's correlation of the pairs; NaN when either side does not vary. */
  static double correlation(double[] xs, double[] ys) {
    if (xs.length < 2) {
      return Double.NaN;
    }
    double mx = mean(xs);
    double my = mean(ys);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < xs.length; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) * (xs[i] - mx);
      syy += (ys[i] - my) * (ys[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double var(double[] v, double mean) {
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s / (v.length - 1);
  }

  private static String key(List<String> levels, int replication) {
    return String.join("\u0000", levels) + "\u0001" + replication;
  }

  /** The row as a CSV line. */
  static String csv(Row r) {
    return String.join(
            ",",
            SweepOutputs.csv(r.factor()),
            SweepOutputs.csv(r.level()),
            SweepOutputs.csv(r.reference()),
            r.measure(),
            Integer.toString(r.pairs()),
            SweepRows.num(r.difference(), false),
            SweepRows.num(r.low(), false),
            SweepRows.num(r.high(), false),
            SweepRows.num(r.unpairedLow(), false),
            SweepRows.num(r.unpairedHigh(), false),
            SweepRows.num(r.correlation(), false))
        + "\n";
  }
}
