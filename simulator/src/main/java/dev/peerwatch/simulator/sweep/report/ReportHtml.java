package dev.peerwatch.simulator.sweep.report;

import dev.peerwatch.simulator.measures.MeasureCatalogue;
import dev.peerwatch.simulator.sweep.CellEstimates;
import dev.peerwatch.simulator.sweep.SweepData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no external
 * references) with the sweep's figures and its cells table (which scrolls sideways when wide).
 */
final class ReportHtml {
  /** A figure on the page: the figure, its files' base name and its SVG. */
  record Shown(Figure figure, String baseName, String svg) {}

  private static final String CSS =
      """
      body{font-family:sans-serif;max-width:1240px;margin:2em auto;padding:0 1em;color:#222}
      h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
      figure{margin:1.5em 0}figure svg{max-width:100%;height:auto;display:block}
      figcaption{font-size:.9em;color:#555}
      .scroll{overflow-x:auto;max-width:100%}
      table{border-collapse:collapse;font-size:.85em}
      th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}
      th{background:#f3f3f3;position:sticky;top:0}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      tr:nth-child(even) td{background:#fafafa}
      """;

  private ReportHtml() {}

  static String render(
      SweepData data,
      List<Integer> measures,
      List<Shown> figures,
      List<SweepReport.Contrast> contrasts) {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.append("<title>peerwatch sweep report: ").append(esc(data.name())).append("</title>\n");
    h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<h1>peerwatch sweep report</h1>\n");
    h.append("<p>Sweep <strong>").append(esc(data.name())).append("</strong>: ");
    h.append(data.runs().size()).append(" runs in ").append(cells(data).size()).append(" cells");
    h.append("; factors ").append(esc(String.join(", ", data.factors()))).append(".</p>\n");
    provenance(h, data);
    howToRead(h);
    h.append("<h2>Figures</h2>\n");
    if (figures.isEmpty()) {
      h.append("<p>No key measure has data in this sweep.</p>\n");
    }
    for (Shown f : figures) {
      h.append("<figure id=\"").append(esc(f.baseName())).append("\">\n").append(f.svg());
      h.append("\n<figcaption>").append(esc(f.figure().title())).append(", ");
      h.append(esc(f.figure().subtitle())).append(". Files: <code>").append(esc(f.baseName()));
      h.append(".png</code> (300 dpi), <code>").append(esc(f.baseName())).append(".svg</code>");
      h.append("</figcaption>\n</figure>\n");
    }
    contrastsTable(h, data, measures, contrasts);
    cellsTable(h, data, measures);
    return h.append("</body>\n</html>\n").toString();
  }

  private static void provenance(StringBuilder h, SweepData data) {
    int m = data.measures().indexOf("assumed_share");
    if (m < 0) {
      return;
    }
    double[] e = CellEstimates.estimate(data, data.runs(), m);
    if (Double.isNaN(e[0])) {
      return;
    }
    h.append("<p><strong>Provenance.</strong> ").append(percent(e[0]));
    h.append(" of the profile-driven decisions behind these measures rested on <em>assumed</em> ");
    h.append("profile values (the rest on values the study published); each cell's share is in ");
    h.append("the table and in <code>cells.csv</code> (<code>assumed_share</code>).</p>\n");
  }

  private static void howToRead(StringBuilder h) {
    h.append("<h2>How to read</h2>\n<p>Nothing is pooled: each figure puts one factor on the ");
    h.append("x axis, draws a line (its own colour and marker) per level of a second factor, and ");
    h.append("a panel per combination of the other factors' levels, all panels on one y scale; ");
    h.append("every pair of factors has its figure. Each point is one cell: a rate is pooled ");
    h.append("over the cell's replications (its events over its opportunities) with a 95% Wilson ");
    h.append("interval at an effective sample size that widens when replications disagree more ");
    h.append("than chance (Korn–Graubard); any other measure is the mean over replications with ");
    h.append("a 95% t interval kept inside its range. Intervals are bars, or shaded bands on a ");
    h.append("numeric axis with at most three lines. Categorical axes have no connecting lines. ");
    h.append("Rates are in percent, differences in percentage points. A measure a cell cannot ");
    h.append("define (for example no failing work, so no concealment) is left out, not drawn as ");
    h.append("0. <code>contrasts.csv</code> gives each level against its reference, paired over ");
    h.append("the replications that share seeds.</p>\n");
  }

  private static void cellsTable(StringBuilder h, SweepData data, List<Integer> keyMeasures) {
    // the key measures, then each cell's provenance (not plotted: it qualifies the others)
    List<Integer> measures = new ArrayList<>(keyMeasures);
    int provenance = data.measures().indexOf("assumed_share");
    if (provenance >= 0 && !measures.contains(provenance)) {
      measures.add(provenance);
    }
    h.append("<h2>Cells</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th>cell</th>");
    for (String f : data.factors()) {
      h.append("<th>").append(esc(f)).append("</th>");
    }
    h.append("<th>runs</th>");
    for (int m : measures) {
      String name = data.measures().get(m);
      h.append("<th title=\"").append(esc(MeasureCatalogue.title(name))).append("\">");
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
        double[] e = CellEstimates.estimate(data, runs, m);
        boolean share = MeasureCatalogue.isShare(data.measures().get(m));
        h.append("<td class=\"num\">").append(valueCi(e, share)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private static void contrastsTable(
      StringBuilder h,
      SweepData data,
      List<Integer> measures,
      List<SweepReport.Contrast> contrasts) {
    List<String> keys = measures.stream().map(m -> data.measures().get(m)).toList();
    List<SweepReport.Contrast> rows =
        contrasts.stream().filter(c -> keys.contains(c.measure()) && c.pairs() > 0).toList();
    if (rows.isEmpty()) {
      return;
    }
    h.append("<h2>Contrasts</h2>\n<p>Each level against its factor's reference level, paired ");
    h.append("over runs that share every other factor's level and the replication (so the ");
    h.append("seed): the mean paired difference with its 95% interval, beside the unpaired ");
    h.append("interval of the same runs and the correlation the pairing used. As in ");
    h.append("<code>contrasts.csv</code>.</p>\n<div class=\"scroll\">\n<table>\n<thead><tr>");
    for (String c :
        List.of(
            "measure",
            "factor",
            "level − reference",
            "pairs",
            "paired difference [95%]",
            "unpaired [95%]",
            "correlation")) {
      h.append("<th>").append(esc(c)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (SweepReport.Contrast c : rows) {
      boolean share = MeasureCatalogue.isShare(c.measure());
      h.append("<tr><td title=\"").append(esc(MeasureCatalogue.title(c.measure()))).append("\">");
      h.append(esc(c.measure())).append("</td><td>").append(esc(c.factor())).append("</td><td>");
      h.append(esc(c.level())).append(" − ").append(esc(c.reference())).append("</td>");
      h.append("<td class=\"num\">").append(c.pairs()).append("</td><td class=\"num\">");
      h.append(diff(c.difference(), share));
      h.append(' ').append(interval(c.low(), c.high(), share));
      h.append("</td><td class=\"num\">");
      h.append(interval(c.unpairedLow(), c.unpairedHigh(), share)).append("</td>");
      h.append("<td class=\"num\">");
      h.append(
          Double.isNaN(c.correlation())
              ? "–"
              : String.format(Locale.ROOT, "%.2f", c.correlation()));
      h.append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</div>\n");
  }

  private static String interval(double low, double high, boolean share) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "–";
    }
    return "[" + diff(low, share) + ", " + diff(high, share) + "]";
  }

  /** A difference: of shares in percentage points ("−11.9 pp"), else as a number. */
  static String diff(double v, boolean share) {
    if (Double.isNaN(v)) {
      return "–";
    }
    return share ? percent(v).replace("%", " pp") : number(v);
  }

  /** The runs of each cell, by cell index. */
  private static Map<Integer, List<SweepData.Run>> cells(SweepData data) {
    Map<Integer, List<SweepData.Run>> out = new TreeMap<>();
    for (SweepData.Run r : data.runs()) {
      out.computeIfAbsent(r.cell(), c -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** "25.0% [20.1%, 29.9%]"; the value alone without an interval; "–" without data. */
  static String valueCi(double[] e, boolean share) {
    if (Double.isNaN(e[0])) {
      return "–";
    }
    String v = share ? percent(e[0]) : number(e[0]);
    if (Double.isNaN(e[1]) || Double.isNaN(e[2])) {
      return v;
    }
    return share
        ? v + " [" + percent(e[1]) + ", " + percent(e[2]) + "]"
        : v + " [" + number(e[1]) + ", " + number(e[2]) + "]";
  }

  private static String number(double v) {
    double r = Math.round(v * 10) / 10.0;
    return String.format(Locale.ROOT, "%.1f", r == 0 ? 0.0 : r);
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
