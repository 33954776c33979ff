package dev.peerwatch.simulator.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A cell's measures over its replications: the mean of the runs where a measure is defined, with a
 * 95% t interval (none below two such runs).
 */
record CellStats(
    int cell, List<String> levels, int runs, double[] mean, double[] low, double[] high) {

  static List<CellStats> of(SweepData data, int cells) {
    List<CellStats> out = new ArrayList<>();
    int m = data.measures().size();
    for (int c = 0; c < cells; c++) {
      List<SweepData.Run> rs = new ArrayList<>();
      for (SweepData.Run r : data.runs()) {
        if (r.cell() == c) {
          rs.add(r);
        }
      }
      if (rs.isEmpty()) {
        continue;
      }
      double[] mean = new double[m];
      double[] low = new double[m];
      double[] high = new double[m];
      for (int i = 0; i < m; i++) {
        double[] ci = interval(rs, i);
        mean[i] = ci[0];
        low[i] = ci[1];
        high[i] = ci[2];
      }
      out.add(new CellStats(c, rs.get(0).levels(), rs.size(), mean, low, high));
    }
    return out;
  }

  /** Mean and 95% t interval of measure {@code i} over {@code rs}; NaN where undefined. */
  static double[] interval(List<SweepData.Run> rs, int i) {
    int n = 0;
    double sum = 0;
    for (SweepData.Run r : rs) {
      double v = r.values()[i];
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    double mean = sum / n;
    if (n < 2) {
      return new double[] {mean, Double.NaN, Double.NaN};
    }
    double ss = 0;
    for (SweepData.Run r : rs) {
      double v = r.values()[i];
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double half =
        new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
    return new double[] {mean, mean - half, mean + half};
  }
}
