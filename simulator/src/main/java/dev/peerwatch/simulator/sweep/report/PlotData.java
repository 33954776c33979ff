package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.sweep.CellEstimates;
import dev.peerwatch.simulator.sweep.SweepData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one figure shows, pooling nothing: a measure against one factor ({@code x}), one line per
 * level of a second factor ({@code series}), one panel per combination of the levels of every other
 * factor. Each point is one cell's estimate with its 95% interval, exactly as in {@code cells.csv}.
 *
 * @param measure the measure's key
 * @param xName the x factor's name
 * @param numeric whether x is placed on a numeric axis at {@link #xs}
 * @param levels the x factor's level labels: ascending by value when numeric, else in sweep order
 * @param xs the levels' numeric values (their positions 0, 1, … when categorical)
 * @param seriesName the series factor's name, or null when the sweep has one factor
 * @param seriesLevels the series factor's level labels in sweep order ({@code [""]} without one)
 * @param panelNames the panel factors' names (empty: one panel)
 * @param panels the panels, in sweep order of their levels
 */
record PlotData(
    String measure,
    String xName,
    boolean numeric,
    List<String> levels,
    double[] xs,
    String seriesName,
    List<String> seriesLevels,
    List<String> panelNames,
    List<PlotData.Panel> panels) {

  /** A panel: its title (the panel factors' levels) and a line per series level. */
  record Panel(String title, List<Line> lines) {}

  /** A line: its series level and, per x level, the estimate (undefined where no run has data). */
  record Line(String name, List<Est> points) {}

  /** A cell's estimate: value, 95% interval and n (NaN where undefined). */
  record Est(double value, double low, double high, double n) {
    boolean defined() {
      return !Double.isNaN(value);
    }

    boolean hasInterval() {
      return !Double.isNaN(low) && !Double.isNaN(high);
    }
  }

  /**
   * The figure of measure {@code m} against factor {@code x}, lines by {@code series} (−1: none).
   */
  static PlotData of(SweepData data, int m, int x, int series) {
    boolean numeric = data.numeric().get(x) && allNumeric(data, x);
    Map<Object, String> levelKeys = numeric ? new TreeMap<>() : new LinkedHashMap<>();
    Map<String, Boolean> seriesLevels = new LinkedHashMap<>();
    Map<String, Boolean> panelKeys = new LinkedHashMap<>();
    List<Integer> panelFactors = new ArrayList<>();
    for (int f = 0; f < data.factors().size(); f++) {
      if (f != x && f != series) {
        panelFactors.add(f);
      }
    }
    Map<String, List<SweepData.Run>> groups = new LinkedHashMap<>();
    for (SweepData.Run r : data.runs()) {
      Object xKey = numeric ? (Object) (r.xs()[x] + 0.0) : r.levels().get(x);
      levelKeys.putIfAbsent(xKey, r.levels().get(x));
      String s = series < 0 ? "" : r.levels().get(series);
      seriesLevels.putIfAbsent(s, true);
      String p = panelTitle(data, panelFactors, r);
      panelKeys.putIfAbsent(p, true);
      groups
          .computeIfAbsent(p + "\u0000" + s + "\u0000" + r.levels().get(x), k -> new ArrayList<>())
          .add(r);
    }
    List<String> levels = List.copyOf(levelKeys.values());
    double[] xs = new double[levels.size()];
    List<Object> keys = new ArrayList<>(levelKeys.keySet());
    for (int i = 0; i < xs.length; i++) {
      xs[i] = numeric ? (Double) keys.get(i) : i;
    }
    List<Panel> panels = new ArrayList<>();
    for (String p : panelKeys.keySet()) {
      List<Line> lines = new ArrayList<>();
      for (String s : seriesLevels.keySet()) {
        List<Est> points = new ArrayList<>();
        for (String level : levels) {
          List<SweepData.Run> rs = groups.get(p + "\u0000" + s + "\u0000" + level);
          if (rs == null) {
            points.add(new Est(Double.NaN, Double.NaN, Double.NaN, 0));
          } else {
            double[] e = CellEstimates.estimate(data, rs, m);
            points.add(new Est(e[0], e[1], e[2], e[3]));
          }
        }
        lines.add(new Line(s, List.copyOf(points)));
      }
      panels.add(new Panel(p, List.copyOf(lines)));
    }
    List<String> panelNames = panelFactors.stream().map(f -> data.factors().get(f)).toList();
    return new PlotData(
        data.measures().get(m),
        data.factors().get(x),
        numeric,
        levels,
        xs,
        series < 0 ? null : data.factors().get(series),
        List.copyOf(seriesLevels.keySet()),
        panelNames,
        List.copyOf(panels));
  }

  private static String panelTitle(SweepData data, List<Integer> panelFactors, SweepData.Run r) {
    StringBuilder b = new StringBuilder();
    for (int f : panelFactors) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(data.factors().get(f)).append(" = ").append(r.levels().get(f));
    }
    return b.toString();
  }

  private static boolean allNumeric(SweepData data, int f) {
    return data.runs().stream().noneMatch(r -> Double.isNaN(r.xs()[f]));
  }

  /** Whether any point of any panel is defined. */
  boolean hasData() {
    return panels.stream()
        .flatMap(p -> p.lines().stream())
        .flatMap(l -> l.points().stream())
        .anyMatch(Est::defined);
  }
}
