package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.sweep.SweepData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one plot shows: a measure against one factor's levels, one line per topology, each point the
 * mean over every run at that level and topology (pooled over the other factors).
 *
 * @param measure the measure's name
 * @param factor the factor's name
 * @param numeric whether the levels are placed on a numeric axis at {@link #xs}
 * @param levels the factor's level labels: ascending by value when numeric, else in run order
 * @param xs the levels' numeric values (NaN when not numeric)
 * @param lines the lines, in run order of their topology; each has a point per level
 */
record PlotData(
    String measure,
    String factor,
    boolean numeric,
    List<String> levels,
    double[] xs,
    List<PlotData.Line> lines) {

  /** The line name when a plot has one line for all runs. */
  static final String ALL = "all";

  /**
   * One line.
   *
   * @param name the topology, or {@link #ALL}
   * @param points for each level, the mean and interval there (undefined where no run has data)
   */
  record Line(String name, List<MeanCi> points) {}

  /**
   * The plot of measure {@code m} against factor {@code f}, with a line per level of factor {@code
   * topology} (−1: none); lines without any data are left out.
   */
  static PlotData of(SweepData data, int m, int f, int topology) {
    boolean numeric = data.numeric().get(f) && allNumeric(data, f);
    Map<Object, String> levelKeys = numeric ? new TreeMap<>() : new LinkedHashMap<>();
    for (SweepData.Run r : data.runs()) {
      levelKeys.putIfAbsent(key(r, f, numeric), r.levels().get(f));
    }
    List<Object> keys = new ArrayList<>(levelKeys.keySet());
    double[] xs = new double[keys.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = numeric ? (Double) keys.get(i) : Double.NaN;
    }
    boolean split = topology >= 0 && topology != f;
    Map<String, List<List<Double>>> byLine = new LinkedHashMap<>();
    for (SweepData.Run r : data.runs()) {
      String line = split ? r.levels().get(topology) : ALL;
      List<List<Double>> perLevel = byLine.computeIfAbsent(line, k -> emptyLists(keys.size()));
      perLevel.get(keys.indexOf(key(r, f, numeric))).add(r.values()[m]);
    }
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, List<List<Double>>> e : byLine.entrySet()) {
      List<MeanCi> points = new ArrayList<>();
      for (List<Double> vs : e.getValue()) {
        points.add(MeanCi.of(vs.stream().mapToDouble(Double::doubleValue).toArray()));
      }
      if (points.stream().anyMatch(MeanCi::defined)) {
        lines.add(new Line(e.getKey(), List.copyOf(points)));
      }
    }
    return new PlotData(
        data.measures().get(m),
        data.factors().get(f),
        numeric,
        List.copyOf(levelKeys.values()),
        xs,
        List.copyOf(lines));
  }

  private static boolean allNumeric(SweepData data, int f) {
    return data.runs().stream().noneMatch(r -> Double.isNaN(r.xs()[f]));
  }

  private static Object key(SweepData.Run r, int f, boolean numeric) {
    return numeric ? (Object) (r.xs()[f] + 0.0) : r.levels().get(f); // one key for 0.0 and -0.0
  }

  private static List<List<Double>> emptyLists(int n) {
    List<List<Double>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }
}
