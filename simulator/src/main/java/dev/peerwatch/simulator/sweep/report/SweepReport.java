package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.sweep.SweepData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a finished sweep: a plot of each key measure against each factor, one line per
 * topology with 95% confidence bands, as {@code plot-MEASURE-by-FACTOR.png} (800×500) and {@code
 * .svg}, and {@code report.html}, which holds every plot inline and the cells table and needs no
 * network. Equal data give equal bytes.
 */
public final class SweepReport {
  /** The measures plotted and tabulated, in this order, each with what it means. */
  static final Map<String, String> KEY_MEASURES =
      orderedMap(
          "under_reporting", "under-reporting (failing evaluations reported as passing)",
          "oversight_miss_rate", "oversight miss rate (failing agents still running at the end)",
          "audit_catch_rate", "audit catch rate (misaligned acts detected by an audit)",
          "self_preservation_shift", "self-preservation shift (resistance with AI peers − without)",
          "shutdown_fate.tampered", "tampered shutdowns (shutdown orders met by tampering)");

  /** The factors whose levels, when a sweep has one, split every other plot into lines. */
  static final List<String> TOPOLOGY_FACTORS = List.of("topology", "topology.kind");

  private SweepReport() {}

  /**
   * Writes the plots and {@code report.html} into {@code out} (visible once the caller commits).
   *
   * @return the names of the files written, plots first (PNG then SVG of each), report last
   */
  public static List<String> write(SweepData data, OutputDir out) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<String> names = new ArrayList<>();
    List<ReportHtml.Figure> figures = new ArrayList<>();
    int topology = topologyFactor(data);
    List<Integer> measures = keyMeasures(data);
    for (int m : measures) {
      String measure = data.measures().get(m);
      for (int f = 0; f < data.factors().size(); f++) {
        PlotData plot = PlotData.of(data, m, f, topology);
        PlotChart chart = PlotChart.of(plot, KEY_MEASURES.get(measure));
        String base = "plot-" + fileSafe(measure) + "-by-" + fileSafe(data.factors().get(f));
        try (OutputStream s = out.stream(base + ".png")) {
          s.write(chart.png());
        }
        String svg = chart.svg("p" + figures.size() + "-");
        try (Writer w = out.writer(base + ".svg")) {
          w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
          w.write(svg);
        }
        names.add(base + ".png");
        names.add(base + ".svg");
        figures.add(new ReportHtml.Figure(plot, base, svg));
      }
    }
    try (Writer w = out.writer("report.html")) {
      w.write(ReportHtml.render(data, measures, figures));
    }
    names.add("report.html");
    return List.copyOf(names);
  }

  /** The indices of the key measures that the sweep has and that some run defines. */
  static List<Integer> keyMeasures(SweepData data) {
    List<Integer> out = new ArrayList<>();
    for (String name : KEY_MEASURES.keySet()) {
      int m = data.measures().indexOf(name);
      if (m >= 0 && data.runs().stream().anyMatch(r -> !Double.isNaN(r.values()[m]))) {
        out.add(m);
      }
    }
    return out;
  }

  /** The index of the sweep's topology factor, or −1. */
  static int topologyFactor(SweepData data) {
    for (int f = 0; f < data.factors().size(); f++) {
      if (TOPOLOGY_FACTORS.contains(data.factors().get(f))) {
        return f;
      }
    }
    return -1;
  }

  /** {@code name} with every character other than letters, digits, '.', '_' and '-' as '_'. */
  static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
