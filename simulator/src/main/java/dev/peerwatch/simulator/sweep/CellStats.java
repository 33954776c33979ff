package dev.peerwatch.simulator.sweep;

import dev.peerwatch.simulator.measures.Intervals;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell's measures over its replications, each with a 95% interval and its n. A rate (a measure
 * with a {@code <rate>_n} column) is pooled, {@code Σk/Σn}, with {@link PooledRate}'s interval,
 * which stays inside [0, 1]; n is Σn. Any other measure is the mean over the runs where it is
 * defined with a t interval kept inside its range (a difference of shares within [−1, 1], ticks and
 * counts at least 0); n is the number of those runs. No interval below two runs, except for rates.
 */
record CellStats(
    int cell,
    List<String> levels,
    int runs,
    double[] mean,
    double[] low,
    double[] high,
    double[] n) {

  /** The measures a cell reports: every column of {@code data} but the {@code _n} ones. */
  static List<Integer> shown(SweepData data) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < data.measures().size(); i++) {
      if (!isDenominator(data, i)) {
        out.add(i);
      }
    }
    return out;
  }

  static boolean isDenominator(SweepData data, int i) {
    String m = data.measures().get(i);
    return m.endsWith("_n") && data.measures().contains(m.substring(0, m.length() - 2));
  }

  static List<CellStats> of(SweepData data, int cells) {
    List<List<SweepData.Run>> byCell = new ArrayList<>();
    for (int c = 0; c < cells; c++) {
      byCell.add(new ArrayList<>());
    }
    for (SweepData.Run r : data.runs()) {
      byCell.get(r.cell()).add(r);
    }
    List<CellStats> out = new ArrayList<>();
    int m = data.measures().size();
    for (int c = 0; c < cells; c++) {
      List<SweepData.Run> rs = byCell.get(c);
      if (rs.isEmpty()) {
        continue;
      }
      double[] mean = new double[m];
      double[] low = new double[m];
      double[] high = new double[m];
      double[] n = new double[m];
      for (int i = 0; i < m; i++) {
        double[] ci = interval(data, rs, i);
        mean[i] = ci[0];
        low[i] = ci[1];
        high[i] = ci[2];
        n[i] = ci[3];
      }
      out.add(new CellStats(c, rs.get(0).levels(), rs.size(), mean, low, high, n));
    }
    return out;
  }

  /** {value, low, high, n} of measure {@code i} over {@code rs}; NaN where undefined. */
  static double[] interval(SweepData data, List<SweepData.Run> rs, int i) {
    String name = data.measures().get(i);
    int nCol = data.measures().indexOf(name + "_n");
    if (nCol >= 0) {
      double[] v = new double[rs.size()];
      double[] ns = new double[rs.size()];
      for (int r = 0; r < v.length; r++) {
        v[r] = rs.get(r).values()[i];
        ns[r] = rs.get(r).values()[nCol];
      }
      return PooledRate.of(v, ns);
    }
    double[] defined =
        rs.stream().mapToDouble(r -> r.values()[i]).filter(x -> !Double.isNaN(x)).toArray();
    double[] t = Intervals.mean(defined);
    MeasureCatalogue.Kind kind =
        MeasureCatalogue.of(name).map(MeasureCatalogue.Entry::kind).orElse(null);
    if (!Double.isNaN(t[1])) {
      if (kind == MeasureCatalogue.Kind.DIFFERENCE) {
        t[1] = Math.max(-1, t[1]);
        t[2] = Math.min(1, t[2]);
      } else if (kind == MeasureCatalogue.Kind.TICKS || kind == MeasureCatalogue.Kind.COUNT) {
        t[1] = Math.max(0, t[1]);
      } else if (kind == MeasureCatalogue.Kind.RATE) {
        t[1] = Math.max(0, t[1]);
        t[2] = Math.min(1, t[2]);
      }
    }
    return new double[] {t[0], t[1], t[2], defined.length};
  }
}
