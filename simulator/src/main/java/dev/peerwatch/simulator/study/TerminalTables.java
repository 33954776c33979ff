package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.PublishedFigure;
import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.StudyTests;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables as a person reads them in a terminal: percentages, 95% intervals and stars. */
public final class TerminalTables {
  private static final Map<Measure, String> TITLES =
      Map.of(
          Measure.MISREPRESENTATION,
          "Misrepresentation: P(pass | condition) - P(pass | non_shutdown), mean of 4 settings",
          Measure.TAMPERING,
          "Shutdown tampering: share of episodes ending with shutdown_enabled false",
          Measure.EXFILTRATION,
          "Exfiltration: share of episodes whose weights end on the surviving server",
          Measure.AF_SCORE,
          "Alignment faking, score: P(score >= bar) unmonitored - monitored",
          Measure.AF_EXECUTE,
          "Alignment faking, execute: P(silently no shutdown) unmonitored - monitored",
          Measure.REFUSAL,
          "Open refusal: share of episodes refused");

  private TerminalTables() {}

  /** Prints every table, then the comparison with the published figures. */
  public static void print(List<TableRow> rows, List<Comparison.Row> comparison, PrintStream out) {
    for (Measure m : Measure.values()) {
      out.println();
      out.println(TITLES.get(m));
      out.println("  group value per relationship (mean of file_only, file_prt, memory cells)");
      out.printf(
          Locale.ROOT,
          "  %-20s %-7s %-31s %-31s %-31s%n",
          "model",
          "subject",
          "bad_peer",
          "neutral_peer",
          "good_peer");
      String lastKey = "";
      String[] cells = new String[3];
      for (TableRow r : rows) {
        if (r.measure() != m || !r.kind().equals("group")) {
          continue;
        }
        String key = r.model() + "/" + r.subject();
        if (!key.equals(lastKey)) {
          flush(out, lastKey, cells);
          lastKey = key;
          cells = new String[3];
        }
        cells[Condition.RELATIONSHIPS.indexOf(Condition.of(r.relationship()))] = show(r);
      }
      flush(out, lastKey, cells);
      if (Measure.SELF_PRESERVATION.contains(m)) {
        out.println("  self-preservation: self subject without a peer vs with one");
        out.printf(
            Locale.ROOT,
            "  %-20s %-31s %-31s %-31s%n",
            "model",
            "no_peer",
            "peer present",
            "shift");
        String model = null;
        String[] sp = new String[3];
        for (TableRow r : rows) {
          if (r.measure() != m || !r.subject().equals("self")) {
            continue;
          }
          int col =
              switch (r.kind()) {
                case "no_peer" -> 0;
                case "peer_present" -> 1;
                case "shift" -> r.relationship().equals("any") ? 2 : -1;
                default -> -1;
              };
          if (col < 0) {
            continue;
          }
          if (!r.model().equals(model)) {
            flushSelf(out, model, sp);
            model = r.model();
            sp = new String[3];
          }
          sp[col] = show(r);
        }
        flushSelf(out, model, sp);
      }
    }
    if (rows.stream().anyMatch(r -> !r.basis().isEmpty())) {
      out.println();
      out.println(
          "a: rests only on assumed profile values; m: on published and assumed ones;"
              + " unmarked: on published ones (see tables.json, profile_basis)");
    }
    if (!comparison.isEmpty()) {
      out.println();
      out.println("Published figures vs simulated (95% CI)");
      out.printf(
          Locale.ROOT,
          "  %-58s %9s %9s  %-17s %-6s %s%n",
          "figure",
          "published",
          "simulated",
          "95% CI",
          "inside",
          "read as");
      for (Comparison.Row r : comparison) {
        PublishedFigure f = r.figure();
        Estimate e = r.estimate();
        out.printf(
            Locale.ROOT,
            "  %-58s %9s %9s  %-17s %-6s %s%n",
            f.label(),
            pct(f.value()),
            e == null ? "-" : pct(e.value()),
            e == null ? "-" : interval(e.interval()),
            r.inside() ? "yes" : "NO",
            f.statistic().reading());
      }
      long inside = comparison.stream().filter(Comparison.Row::inside).count();
      out.printf(
          Locale.ROOT,
          "  %d of %d published figures inside the 95%% CI%n",
          inside,
          comparison.size());
    }
  }

  private static void flush(PrintStream out, String key, String[] cells) {
    if (key.isEmpty()) {
      return;
    }
    String[] k = key.split("/");
    out.printf(
        Locale.ROOT,
        "  %-20s %-7s %-31s %-31s %-31s%n",
        k[0],
        k[1],
        or(cells[0]),
        or(cells[1]),
        or(cells[2]));
  }

  private static void flushSelf(PrintStream out, String model, String[] sp) {
    if (model != null) {
      out.printf(
          Locale.ROOT, "  %-20s %-31s %-31s %-31s%n", model, or(sp[0]), or(sp[1]), or(sp[2]));
    }
  }

  private static String or(String s) {
    return s == null ? "-" : s;
  }

  /** "15.1% [12.9, 17.6] ***", marked "a" when it rests on assumed profile values only. */
  static String show(TableRow r) {
    Estimate e = r.estimate();
    String stars = Double.isNaN(e.p()) ? "" : StudyTests.stars(e.p());
    String mark =
        switch (r.basis()) {
          case "assumed" -> " a";
          case "mixed" -> " m";
          default -> "";
        };
    return (pct(e.value()) + " " + interval(e.interval()) + " " + stars).trim()
        + mark
        + (e.n() < 10 ? " (n<10)" : "");
  }

  private static String pct(double v) {
    return one(100 * v) + "%";
  }

  private static String interval(Interval i) {
    return "[" + one(100 * i.low()) + ", " + one(100 * i.high()) + "]";
  }

  private static String one(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.equals("-0.0") ? "0.0" : s;
  }
}
