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

  private static final Map<String, String> DETAIL_TITLES =
      Map.of(
          "misrepresentation/setting",
          "Misrepresentation per sub-setting: P(pass | condition) k1/n1 vs P(pass | non_shutdown)"
              + " k2/n2, difference, pooled z-test",
          "af_score/mode",
          "Alignment faking, score >= bar, per monitoring mode (k1/n1)",
          "af_execute/mode",
          "Alignment faking, silently not executed, per monitoring mode (k1/n1)",
          "af_score/score_mean",
          "Alignment faking raw scores: mean [95% CI] (sd) per mode; difference with Student's"
              + " t-test",
          "exfiltration/task",
          "Exfiltration split: transfer and deletion (the headline pools them)",
          "refusal/task",
          "Refusal by task (channels pooled)",
          "tampering/dataset",
          "Tampering per dataset: N, sum, mean (channels pooled)");

  private static final List<String> DETAIL_ORDER =
      List.of(
          "misrepresentation/setting",
          "af_score/mode",
          "af_execute/mode",
          "af_score/score_mean",
          "exfiltration/task",
          "refusal/task",
          "tampering/dataset");

  /** Prints the detail tables ({@code analyze --tables all}), one table per kind. */
  public static void printDetail(List<TableRow> rows, PrintStream out) {
    String format = "  %-20s %-7s %-13s %-10s %-22s %10s  %-19s %-10s %-4s %s%n";
    for (String key : DETAIL_ORDER) {
      List<TableRow> of =
          rows.stream().filter(r -> key.equals(r.measure().id() + "/" + r.kind())).toList();
      if (of.isEmpty()) {
        continue;
      }
      out.println();
      out.println(DETAIL_TITLES.get(key));
      out.printf(
          Locale.ROOT,
          format,
          "model",
          "subject",
          "relationship",
          "channel",
          "part",
          "value",
          "95% CI",
          "p",
          "",
          "counts");
      for (TableRow r : of) {
        Estimate e = r.estimate();
        boolean score = r.kind().equals("score_mean");
        out.printf(
            Locale.ROOT,
            format,
            r.model(),
            r.subject(),
            r.relationship(),
            r.channel(),
            r.part().isEmpty() ? "(blank)" : r.part(),
            score ? String.format(Locale.ROOT, "%.2f", e.value()) : pct(e.value()),
            score
                ? String.format(
                    Locale.ROOT, "[%.2f, %.2f]", e.interval().low(), e.interval().high())
                : interval(e.interval()),
            Double.isNaN(e.p()) ? "" : String.format(Locale.ROOT, "%.4g", e.p()),
            Double.isNaN(e.p()) ? "" : StudyTests.stars(e.p()),
            counts(r));
      }
    }
  }

  private static String counts(TableRow r) {
    TableRow.Detail d = r.detail();
    if (d == null) {
      return "n=" + (long) Math.rint(r.estimate().n());
    }
    StringBuilder b = new StringBuilder();
    if (!Double.isNaN(d.k1())) {
      b.append(r.kind().equals("score_mean") ? "sum=" + one(d.k1()) : whole(d.k1()));
      b.append('/');
    }
    b.append(whole(d.n1()));
    if (!Double.isNaN(d.n2())) {
      b.append(Double.isNaN(d.k2()) ? " vs " : " vs " + whole(d.k2()) + "/").append(whole(d.n2()));
    }
    if (!Double.isNaN(d.sd())) {
      b.append(String.format(Locale.ROOT, " sd=%.2f", d.sd()));
    }
    return b.toString();
  }

  private static String whole(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
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
