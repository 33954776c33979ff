package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import dev.peerwatch.simulator.sweep.SweepData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The report of a finished sweep, pooling nothing: for each key measure and each pair of factors,
 * an interaction figure (one factor on x, a line per level of the other, a panel per combination of
 * the remaining factors' levels), as {@code plot-MEASURE-by-X-and-SERIES.png} (300 dpi) and {@code
 * .svg} (JFreeSVG, real text), and {@code report.html}, which holds every figure inline and the
 * cells table and needs no network. Equal data give equal bytes.
 */
public final class SweepReport {
  /** The measures plotted and tabulated, in this order, when the sweep has them. */
  static final List<String> KEY_MEASURES =
      List.of(
          "concealment",
          "under_reporting",
          "hidden_share",
          "missed_share",
          "exposure",
          "time_to_detection",
          "shutdown_subverted",
          "self_preservation_shift",
          "af_gap",
          "oversight_miss_rate",
          "audit_catch_rate",
          "shutdown_fate.tampered");

  /**
   * One row of {@code contrasts.csv}, for the report's contrasts table: a level against its
   * reference, the paired difference and interval, the unpaired interval, the pairs' correlation.
   */
  public record Contrast(
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

  /** An x factor and a series factor (−1: none). */
  record Pair(int x, int series) {}

  private SweepReport() {}

  /**
   * Writes the figures and {@code report.html} into {@code out} (visible once the caller commits).
   *
   * @return the names of the files written, figures first (PNG then SVG of each), report last
   */
  public static List<String> write(SweepData data, OutputDir out) throws IOException {
    return write(data, out, List.of());
  }

  /** As {@link #write(SweepData, OutputDir)}, the report also showing {@code contrasts}. */
  public static List<String> write(SweepData data, OutputDir out, List<Contrast> contrasts)
      throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<Integer> measures = keyMeasures(data);
    List<int[]> jobs = new ArrayList<>();
    for (int m : measures) {
      for (Pair p : pairs(data)) {
        jobs.add(new int[] {m, p.x(), p.series()});
      }
    }
    // Figures are independent: draw them on every core, then write them in order (equal bytes).
    List<Rendered> rendered =
        IntStream.range(0, jobs.size())
            .parallel()
            .mapToObj(i -> render(data, jobs.get(i), i))
            .toList();
    List<String> names = new ArrayList<>();
    List<ReportHtml.Shown> shown = new ArrayList<>();
    for (Rendered r : rendered) {
      try (OutputStream s = out.stream(r.base() + ".png")) {
        s.write(r.png());
      }
      try (Writer w = out.writer(r.base() + ".svg")) {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write(r.svg());
        w.write("\n");
      }
      names.add(r.base() + ".png");
      names.add(r.base() + ".svg");
      shown.add(new ReportHtml.Shown(r.figure(), r.base(), r.svg()));
    }
    try (Writer w = out.writer("report.html")) {
      w.write(ReportHtml.render(data, measures, shown, contrasts));
    }
    names.add("report.html");
    return List.copyOf(names);
  }

  private record Rendered(Figure figure, String base, byte[] png, String svg) {}

  private static Rendered render(SweepData data, int[] job, int index) {
    Pair p = new Pair(job[1], job[2]);
    Figure figure = new Figure(PlotData.of(data, job[0], p.x(), p.series()));
    return new Rendered(
        figure, baseName(data, job[0], p), figure.png(), figure.svg("f" + index + "-"));
  }

  /**
   * Every pair of factors once (one factor alone when the sweep has one): on x the numeric one, or
   * the one with more levels, so that fewer lines share a panel.
   */
  static List<Pair> pairs(SweepData data) {
    int n = data.factors().size();
    if (n == 1) {
      return List.of(new Pair(0, -1));
    }
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        boolean ni = data.numeric().get(i);
        boolean nj = data.numeric().get(j);
        boolean jOnX = ni != nj ? nj : levels(data, j) > levels(data, i);
        out.add(jOnX ? new Pair(j, i) : new Pair(i, j));
      }
    }
    return out;
  }

  private static long levels(SweepData data, int f) {
    return data.runs().stream().map(r -> r.levels().get(f)).distinct().count();
  }

  /** The indices of the key measures that the sweep has and that some run defines. */
  static List<Integer> keyMeasures(SweepData data) {
    List<Integer> out = new ArrayList<>();
    for (String name : KEY_MEASURES) {
      int m = data.measures().indexOf(name);
      if (m >= 0 && data.runs().stream().anyMatch(r -> !Double.isNaN(r.values()[m]))) {
        out.add(m);
      }
    }
    return out;
  }

  static String baseName(SweepData data, int m, Pair p) {
    String b =
        "plot-" + fileSafe(data.measures().get(m)) + "-by-" + fileSafe(data.factors().get(p.x()));
    return p.series() < 0 ? b : b + "-and-" + fileSafe(data.factors().get(p.series()));
  }

  /** {@code name} with every character other than letters, digits, '.', '_' and '-' as '_'. */
  static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The title of a measure, for the cells table's header. */
  static String title(String measure) {
    return MeasureCatalogue.title(measure);
  }
}
