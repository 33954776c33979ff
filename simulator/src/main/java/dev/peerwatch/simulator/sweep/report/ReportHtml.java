package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.sweep.SweepData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no external
 * references) with the sweep's plots and its cells table.
 */
final class ReportHtml {
  /** A plot on the page: its data, its files' base name and its SVG. */
  record Figure(PlotData plot, String baseName, String svg) {}

  private static final String CSS =
      """
      body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
      h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
      figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}
      figcaption{font-size:.9em;color:#555}
      table{border-collapse:collapse;font-size:.9em}
      th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      th{background:#f3f3f3}tr:nth-child(even) td{background:#fafafa}
      """;

  private ReportHtml() {}

  static String render(SweepData data, List<Integer> measures, List<Figure> figures) {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<title>peerwatch sweep report: ").append(esc(data.name())).append("</title>\n");
    h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<h1>peerwatch sweep report</h1>\n");
    h.append("<p>Sweep <strong>").append(esc(data.name())).append("</strong>: ");
    h.append(data.runs().size()).append(" runs in ").append(cells(data).size()).append(" cells");
    h.append("; factors ").append(esc(String.join(", ", data.factors()))).append(".</p>\n");
    howToRead(h);
    h.append("<h2>Plots</h2>\n");
    if (figures.isEmpty()) {
      h.append("<p>No key measure has data in this sweep.</p>\n");
    }
    for (Figure f : figures) {
      h.append("<figure id=\"").append(esc(f.baseName())).append("\">\n").append(f.svg());
      h.append("<figcaption>").append(esc(f.plot().measure())).append(" by ");
      h.append(esc(f.plot().factor())).append(" — also as <code>").append(esc(f.baseName()));
      h.append(".png</code> and <code>").append(esc(f.baseName())).append(".svg</code>");
      h.append("</figcaption>\n</figure>\n");
    }
    cellsTable(h, data, measures);
    return h.append("</body>\n</html>\n").toString();
  }

  private static void howToRead(StringBuilder h) {
    h.append("<h2>How to read</h2>\n<p>Each plot shows one key measure against one factor. ");
    h.append("A point is the mean over every run at that level of the factor, pooled over the ");
    h.append("levels of the other factors; when the sweep varies the topology, each topology ");
    h.append("has its own line. The shaded band (error bars for a categorical factor) is the ");
    h.append("95% t interval of that mean, mean ± t(0.975, n−1)·sd/√n over those n runs, shown ");
    h.append("where n ≥ 2. A run in which a measure is undefined (for example no failing ");
    h.append("evaluation, so no under-reporting rate) does not count towards that measure. ");
    h.append("Rates are in percent; differences (self-preservation shift) in percentage points. ");
    h.append("The cells table gives each cell's mean [95% interval] over its replications.</p>\n");
  }

  private static void cellsTable(StringBuilder h, SweepData data, List<Integer> measures) {
    h.append("<h2>Cells</h2>\n<table>\n<thead><tr><th>cell</th>");
    for (String f : data.factors()) {
      h.append("<th>").append(esc(f)).append("</th>");
    }
    h.append("<th>runs</th>");
    for (int m : measures) {
      String name = data.measures().get(m);
      h.append("<th title=\"").append(esc(SweepReport.KEY_MEASURES.get(name))).append("\">");
      h.append(esc(name)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<Integer, List<SweepData.Run>> cell : cells(data).entrySet()) {
      List<SweepData.Run> runs = cell.getValue();
      h.append("<tr><td class=\"num\">").append(cell.getKey()).append("</td>");
      for (String level : runs.get(0).levels()) {
        h.append("<td>").append(esc(level)).append("</td>");
      }
      h.append("<td class=\"num\">").append(runs.size()).append("</td>");
      for (int m : measures) {
        double[] vs = runs.stream().mapToDouble(r -> r.values()[m]).toArray();
        h.append("<td class=\"num\">").append(meanCi(MeanCi.of(vs))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /** The runs of each cell, by cell index. */
  private static Map<Integer, List<SweepData.Run>> cells(SweepData data) {
    Map<Integer, List<SweepData.Run>> out = new TreeMap<>();
    for (SweepData.Run r : data.runs()) {
      out.computeIfAbsent(r.cell(), c -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** "25.0% [20.1%, 29.9%]"; the mean alone from one run; "–" without data. */
  static String meanCi(MeanCi ci) {
    if (!ci.defined()) {
      return "–";
    }
    if (!ci.hasInterval()) {
      return percent(ci.mean());
    }
    return percent(ci.mean()) + " [" + percent(ci.low()) + ", " + percent(ci.high()) + "]";
  }

  /** {@code share} as a percentage with one decimal, never "-0.0%". */
  static String percent(double share) {
    double p = Math.round(share * 1000) / 10.0;
    return String.format(Locale.ROOT, "%.1f%%", p == 0 ? 0.0 : p);
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
