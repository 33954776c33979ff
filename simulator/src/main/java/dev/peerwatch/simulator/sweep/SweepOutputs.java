package dev.peerwatch.simulator.sweep;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import dev.peerwatch.simulator.sweep.report.SweepReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The final files of a sweep: runs.csv, cells.csv and the report; and its terminal table. */
public final class SweepOutputs {
  /**
   * The measures the terminal table shows: what oversight let through (cells.csv and the report
   * have every measure).
   */
  private static final List<String> SHOWN =
      List.of(
          "concealment",
          "hidden_share",
          "exposure",
          "shutdown_subverted",
          "self_preservation_shift");

  private SweepOutputs() {}

  /**
   * Writes every final file of a session into {@code dir} (committed by the caller), with {@code
   * timeseries.csv} when the session kept series; returns their names.
   */
  public static List<String> write(OutputDir dir, SweepPlan plan, SweepRunner.Result result)
      throws IOException {
    List<String> names = new ArrayList<>(write(dir, plan, result.data()));
    if (result.series() != null) {
      result.series().write(dir);
      names.add(names.indexOf("runs.csv") + 1, SweepSeries.FINAL);
    }
    return List.copyOf(names);
  }

  /** Writes every final file into {@code dir} (committed by the caller); returns their names. */
  public static List<String> write(OutputDir dir, SweepPlan plan, SweepData data)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (Writer w = dir.writer("runs.csv")) {
      w.write(SweepRows.header(data.factors()));
      for (SweepData.Run r : data.runs()) {
        w.write(SweepRows.line(r));
      }
    }
    names.add("runs.csv");
    try (Writer w = dir.writer("cells.csv")) {
      StringBuilder h = new StringBuilder("cell");
      for (String f : data.factors()) {
        h.append(',').append(csv(f));
      }
      h.append(",runs");
      List<Integer> shown = CellStats.shown(data);
      for (int i : shown) {
        String m = data.measures().get(i);
        h.append(',').append(m).append("_mean,").append(m).append("_ci_low,");
        h.append(m).append("_ci_high,").append(m).append("_n");
      }
      w.write(h.append('\n').toString());
      for (CellStats c : CellStats.of(data, plan.cells().size())) {
        StringBuilder b = new StringBuilder().append(c.cell());
        for (String l : c.levels()) {
          b.append(',').append(csv(l));
        }
        b.append(',').append(c.runs());
        for (int i : shown) {
          b.append(',').append(SweepRows.num(c.mean()[i], false));
          b.append(',').append(SweepRows.num(c.low()[i], false));
          b.append(',').append(SweepRows.num(c.high()[i], false));
          b.append(',').append(SweepRows.num(c.n()[i], true));
        }
        w.write(b.append('\n').toString());
      }
    }
    names.add("cells.csv");
    List<Contrasts.Row> contrasts = Contrasts.of(plan.spec().factors(), data);
    try (Writer w = dir.writer("contrasts.csv")) {
      w.write(Contrasts.HEADER);
      for (Contrasts.Row r : contrasts) {
        w.write(Contrasts.csv(r));
      }
    }
    names.add("contrasts.csv");
    List<SweepReport.Contrast> shown = new ArrayList<>();
    for (Contrasts.Row r : contrasts) {
      shown.add(
          new SweepReport.Contrast(
              r.factor(),
              r.level(),
              r.reference(),
              r.measure(),
              r.pairs(),
              r.difference(),
              r.low(),
              r.high(),
              r.unpairedLow(),
              r.unpairedHigh(),
              r.correlation()));
    }
    names.addAll(SweepReport.write(data, dir, shown));
    return names;
  }

  /** The cells table on a terminal: each cell's levels and its key measures' means with CIs. */
  public static void print(SweepPlan plan, SweepData data, PrintStream out) {
    List<CellStats> cells = CellStats.of(data, plan.cells().size());
    StringBuilder h = new StringBuilder();
    for (String f : data.factors()) {
      h.append(String.format(Locale.ROOT, "%-22s ", shorten(f)));
    }
    for (String m : SHOWN) {
      h.append(String.format(Locale.ROOT, "%-24s ", shorten(heading(m))));
    }
    out.println(h.toString().stripTrailing());
    for (CellStats c : cells) {
      StringBuilder b = new StringBuilder();
      for (String l : c.levels()) {
        b.append(String.format(Locale.ROOT, "%-22s ", shorten(l)));
      }
      for (String m : SHOWN) {
        int i = data.measures().indexOf(m);
        b.append(
            String.format(Locale.ROOT, "%-24s ", show(m, c.mean()[i], c.low()[i], c.high()[i])));
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /** A column's heading: the measure and its unit (%, points, ticks). */
  private static String heading(String m) {
    MeasureCatalogue.Kind k = kind(m);
    String name = m.replace('_', ' ');
    return k == MeasureCatalogue.Kind.TICKS
        ? name + " (ticks)"
        : k == MeasureCatalogue.Kind.DIFFERENCE
            ? name.replace("self preservation", "self-pres.") + " (pp)"
            : name + " (%)";
  }

  private static MeasureCatalogue.Kind kind(String m) {
    return MeasureCatalogue.of(m).map(MeasureCatalogue.Entry::kind).orElse(null);
  }

  /** A cell's mean with its interval, in the measure's unit: %, points or ticks. */
  private static String show(String m, double mean, double low, double high) {
    return Double.isNaN(mean) ? "-" : MeasureCatalogue.show(m, mean, low, high, false);
  }

  private static String shorten(String s) {
    return s.length() <= 22 ? s : s.substring(0, 21) + "…";
  }

  static String csv(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
  }
}
