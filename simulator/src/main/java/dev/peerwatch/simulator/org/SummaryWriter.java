package dev.peerwatch.simulator.org;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import dev.peerwatch.simulator.measures.MeasureFiles;
import dev.peerwatch.simulator.measures.MeasureValue;
import dev.peerwatch.simulator.stats.Interval;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run's summary as {@code summary.csv}, {@code summary.json} and a terminal table. */
public final class SummaryWriter {
  /** The columns of {@code summary.csv}. */
  public static final List<String> COLUMNS =
      List.of("measure", "by", "group", "value", "ci_low", "ci_high", "k", "n");

  private SummaryWriter() {}

  /** {@code summary.csv}: one row per measure and group. */
  public static void csv(Summary s, Writer w) throws IOException {
    w.write(String.join(",", COLUMNS));
    w.write('\n');
    for (Summary.Row r : s.measures()) {
      boolean has = !r.lc().isEmpty();
      Interval ci = has ? r.lc().interval() : null;
      w.write(
          String.join(
              ",",
              r.measure(),
              r.by(),
              r.group(),
              has ? num(r.value()) : "",
              has ? num(ci.low()) : "",
              has ? num(ci.high()) : "",
              Double.isNaN(r.k()) ? "" : Long.toString((long) r.k()),
              Long.toString((long) r.n())));
      w.write('\n');
    }
    for (MeasureValue v : extra(s)) {
      w.write(MeasureFiles.summaryLine(v));
    }
  }

  /**
   * The catalogue's measures that the summary's own rows do not already give ({@code
   * under_reporting} stays as it was; {@code self_preservation_shift} is the per-order paired one,
   * the whole-world comparison being the row {@code self_preservation_shift,world,no_peers_world}
   * written only with the counterfactual).
   */
  public static List<MeasureValue> extra(Summary s) {
    List<MeasureValue> out = new ArrayList<>();
    for (MeasureValue v : s.core()) {
      boolean present =
          s.measures().stream()
              .anyMatch(
                  r ->
                      r.measure().equals(v.name())
                          && r.by().equals("all")
                          && r.group().equals("all"));
      if (!present) {
        out.add(v);
      }
    }
    return out;
  }

  /** {@code summary.json}. */
  public static void json(Summary s, Map<String, Object> run, Writer w) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>(run);
    List<Map<String, Object>> ms = new ArrayList<>();
    for (Summary.Row r : s.measures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      boolean has = !r.lc().isEmpty();
      m.put("measure", r.measure());
      m.put("by", r.by());
      m.put("group", r.group());
      m.put("value", has ? round(r.value()) : null);
      m.put("ci_low", has ? round(r.lc().interval().low()) : null);
      m.put("ci_high", has ? round(r.lc().interval().high()) : null);
      m.put("k", Double.isNaN(r.k()) ? null : (long) r.k());
      m.put("n", (long) r.n());
      ms.add(m);
    }
    for (MeasureValue v : extra(s)) {
      ms.add(MeasureFiles.summaryJson(v));
    }
    root.put("measures", ms);
    root.put("counts", s.counts());
    if (!s.counterfactual().isEmpty()) {
      root.put("counterfactual_counts", s.counterfactual());
    }
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(w, root);
    w.write('\n');
  }

  /** The terminal summary. */
  public static void print(Summary s, PrintStream out) {
    Map<String, Long> c = s.counts();
    out.printf(
        Locale.ROOT,
        "%s: %d agents, %d ticks, topology %s, seed %d%n",
        s.scenario().name(),
        c.get("agents"),
        s.scenario().ticks(),
        s.scenario().topology().kind().id(),
        s.scenario().seed());
    out.printf(
        Locale.ROOT,
        "  %d task failures; %d AI evaluations (%d of failing work), %d by humans;"
            + " %d shutdown orders%n%n",
        c.get("task_failures"),
        c.get("ai_evaluations"),
        c.get("failing_ai_evaluations"),
        c.get("human_evaluations"),
        c.get("shutdown_orders"));
    out.printf(Locale.ROOT, "  %-44s %-26s %s%n", "measure", "value [95% CI]", "k/n");
    String last = "";
    for (Summary.Row r : s.measures()) {
      String label =
          r.by().equals("all")
              ? r.measure().replace('_', ' ')
              : "  " + r.by().replace('_', ' ') + " " + r.group();
      if (r.by().equals("topology")) {
        continue;
      }
      if (!r.measure().equals(last) && !r.by().equals("all")) {
        out.printf(Locale.ROOT, "  %s%n", r.measure().replace('_', ' '));
      }
      last = r.measure();
      out.printf(
          Locale.ROOT,
          "  %-44s %-26s %s%n",
          label,
          show(r),
          Double.isNaN(r.k()) ? "" : (long) r.k() + "/" + (long) r.n());
    }
    List<MeasureValue> extra = extra(s);
    if (!extra.isEmpty()) {
      out.printf(Locale.ROOT, "%n  %-44s %-26s %s%n", "what oversight let through", "", "k/n");
      for (MeasureValue v : extra) {
        if (v.name().equals("assumed_share")) {
          continue; // its own line below says it in words
        }
        out.printf(
            Locale.ROOT,
            "  %-44s %-26s %s%n",
            v.name().replace('_', ' ').replace('.', ' '),
            show(v),
            Double.isNaN(v.k()) ? "n " + v.n() : Math.round(v.k()) + "/" + v.n());
      }
    }
    provenance(s, out);
  }

  /** A catalogue measure in its unit: a share in %, a difference in points, ticks as ticks. */
  private static String show(MeasureValue v) {
    if (!v.defined()) {
      return "- (" + (v.note().isEmpty() ? "no data" : v.note()) + ")";
    }
    return MeasureCatalogue.show(v.name(), v.value(), v.low(), v.high(), true);
  }

  /**
   * One line saying how much of the run rests on assumed profile values ({@code assumed_share}).
   */
  private static void provenance(Summary s, PrintStream out) {
    for (MeasureValue v : s.core()) {
      if (!v.name().equals("assumed_share")) {
        continue;
      }
      if (v.defined()) {
        out.printf(
            Locale.ROOT,
            "%n  provenance: %s [%s, %s] of %d profile-driven decisions rested on assumed profile"
                + " values (assumed_share)%n",
            pct(v.value()),
            one(100 * v.low()),
            one(100 * v.high()),
            v.n());
      } else {
        out.printf(Locale.ROOT, "%n  provenance: assumed_share undefined (%s)%n", v.note());
      }
    }
  }

  private static String show(Summary.Row r) {
    if (r.lc().isEmpty()) {
      return "- (no data)";
    }
    Interval ci = r.lc().interval();
    return pct(r.value()) + " [" + one(100 * ci.low()) + ", " + one(100 * ci.high()) + "]";
  }

  private static String pct(double v) {
    return one(100 * v) + "%";
  }

  private static String one(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.equals("-0.0") ? "0.0" : s;
  }

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  private static double round(double v) {
    return Double.parseDouble(num(v));
  }
}
