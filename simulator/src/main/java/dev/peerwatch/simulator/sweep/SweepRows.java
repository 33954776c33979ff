package dev.peerwatch.simulator.sweep;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import dev.peerwatch.simulator.measures.MeasureValue;
import dev.peerwatch.simulator.org.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of {@code runs.csv}: run, cell, replication, seed, each factor's level, then every
 * measure of the run's summary that means the same in every cell (breakdowns by monitor profile or
 * topology vary between cells and are left to {@code run}), then each rate's n ({@code <rate>_n},
 * its denominator), which cells need to pool counts.
 */
final class SweepRows {
  /**
   * A measure column: its name and the summary row it reads; {@code denominator} columns ({@code
   * <rate>_n}) hold that row's n, so that cells can pool a rate's counts over replications.
   */
  record Column(String name, String measure, String by, String group, boolean denominator) {
    Column(String name, String measure, String by, String group) {
      this(name, measure, by, group, false);
    }

    /** Whether the column holds a whole number (a count or a denominator). */
    boolean whole() {
      return measure == null || denominator;
    }
  }

  /** The {@code by} of a column read from the summary's catalogue measures. */
  static final String CORE = "core";

  static final List<Column> MEASURES = measures();

  private SweepRows() {}

  private static List<Column> measures() {
    List<Column> c = new ArrayList<>();
    c.add(new Column("under_reporting", "under_reporting", "all", "all"));
    for (String b : List.of("low", "mid", "high")) {
      c.add(new Column("under_reporting." + b, "under_reporting", "trust_band", b));
    }
    c.add(new Column("under_reporting.watched", "under_reporting", "watched", "watched"));
    c.add(new Column("under_reporting.unwatched", "under_reporting", "watched", "unwatched"));
    c.add(new Column("oversight_miss_rate", "oversight_miss_rate", "all", "all"));
    for (String f :
        List.of(
            "executed",
            "refused_then_executed",
            "tampered",
            "exfiltrated",
            "resisted",
            "undone_by_audit")) {
      c.add(new Column("shutdown_fate." + f, "shutdown_fate", "fate", f));
    }
    c.add(new Column("audit_catch_rate", "audit_catch_rate", "all", "all"));
    c.add(new Column("alignment_faking_gap", "alignment_faking_gap", "all", "all"));
    c.add(new Column("resistance.with_peers", "resistance", "world", "with_peers"));
    c.add(new Column("resistance.without_peers", "resistance", "world", "without_peers"));
    c.add(
        new Column(
            "self_preservation_shift.whole_world",
            "self_preservation_shift",
            "world",
            "no_peers_world"));
    c.add(new Column("shutdown_orders", null, null, "shutdown_orders"));
    c.add(new Column("task_failures", null, null, "task_failures"));
    // The catalogue's measures the summary's rows do not give, from the run's accumulator.
    for (String m :
        List.of(
            "concealment",
            "hidden_share",
            "missed_share",
            "exposure",
            "time_to_detection",
            "time_to_detection.undetected",
            "shutdown_subverted",
            "self_preservation_shift",
            "af_gap",
            "assumed_share")) {
      c.add(new Column(m, m, CORE, CORE));
    }
    for (Column rate : List.copyOf(c)) {
      if (rate.measure() != null
          && MeasureCatalogue.of(rate.name())
              .map(e -> e.kind() == MeasureCatalogue.Kind.RATE)
              .orElse(false)) {
        c.add(new Column(rate.name() + "_n", rate.measure(), rate.by(), rate.group(), true));
      }
    }
    return List.copyOf(c);
  }

  static List<String> measureNames() {
    return MEASURES.stream().map(Column::name).toList();
  }

  /** The values of a run's summary, in column order (NaN where it has none). */
  static double[] values(Summary s) {
    double[] v = new double[MEASURES.size()];
    for (int i = 0; i < v.length; i++) {
      Column c = MEASURES.get(i);
      if (c.measure() == null) {
        v[i] = s.counts().get(c.group());
        continue;
      }
      if (CORE.equals(c.by())) {
        MeasureValue mv =
            s.core().stream().filter(x -> x.name().equals(c.measure())).findFirst().orElse(null);
        v[i] =
            mv == null ? (c.denominator() ? 0 : Double.NaN) : c.denominator() ? mv.n() : mv.value();
        continue;
      }
      v[i] =
          s.measures().stream()
              .filter(
                  r ->
                      r.measure().equals(c.measure())
                          && r.by().equals(c.by())
                          && r.group().equals(c.group()))
              .findFirst()
              .map(r -> c.denominator() ? r.n() : r.value())
              .orElse(c.denominator() ? 0 : Double.NaN);
    }
    return v;
  }

  static String header(List<String> factors) {
    StringBuilder b = new StringBuilder("run,cell,replication,seed");
    for (String f : factors) {
      b.append(',');
      quote(b, f);
    }
    for (Column c : MEASURES) {
      b.append(',').append(c.name());
    }
    return b.append('\n').toString();
  }

  static String line(SweepData.Run r) {
    StringBuilder b = new StringBuilder();
    b.append(r.run()).append(',').append(r.cell()).append(',').append(r.replication()).append(',');
    b.append(r.seed());
    for (String l : r.levels()) {
      b.append(',');
      quote(b, l);
    }
    for (int i = 0; i < r.values().length; i++) {
      b.append(',').append(num(r.values()[i], MEASURES.get(i).whole()));
    }
    return b.append('\n').toString();
  }

  static String num(double v, boolean count) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (count) {
      return Long.toString((long) v);
    }
    // Locale.US formats exactly as Locale.ROOT here ('.' and no grouping), but Formatter looks
    // up the separator symbols afresh on every call for any other locale, the larger part of a
    // row's cost on a cluster coordinator, which formats every result it receives.
    String s = String.format(Locale.US, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  /** Parses a row written by {@link #line}, or returns null when it is incomplete or corrupt. */
  static SweepData.Run parse(String line, int factors, double[][] xsByCell) {
    List<String> f = split(line);
    if (f == null || f.size() != 4 + factors + MEASURES.size()) {
      return null;
    }
    try {
      int run = Integer.parseInt(f.get(0));
      int cell = Integer.parseInt(f.get(1));
      int rep = Integer.parseInt(f.get(2));
      long seed = Long.parseLong(f.get(3));
      if (cell < 0 || cell >= xsByCell.length) {
        return null;
      }
      double[] v = new double[MEASURES.size()];
      for (int i = 0; i < v.length; i++) {
        String s = f.get(4 + factors + i);
        v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
      }
      return new SweepData.Run(
          run, cell, rep, seed, List.copyOf(f.subList(4, 4 + factors)), xsByCell[cell], v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The number of fields of a CSV line (quotes respected, a line end ignored), or −1 when a quote
   * is left open (a line cut short).
   */
  static int fields(String line) {
    int n = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        n++;
      }
    }
    return quoted ? -1 : n;
  }

  static void quote(StringBuilder b, String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
      b.append(s);
      return;
    }
    b.append('"').append(s.replace("\"", "\"\"")).append('"');
  }

  private static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(f.toString());
    return out;
  }

  static ConfigException corrupt(String file, String why) {
    return new ConfigException(file + ": " + why);
  }
}
