package dev.peerwatch.simulator.study;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.peerwatch.config.PublishedFigure;
import dev.peerwatch.simulator.stats.Interval;
import dev.peerwatch.simulator.stats.StudyTests;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the tables and the comparison as CSV and JSON with stable column names. */
public final class TablesWriter {
  /** The columns of {@code tables.csv}. */
  public static final List<String> TABLE_COLUMNS =
      List.of(
          "measure",
          "model",
          "subject",
          "kind",
          "relationship",
          "channel",
          "part",
          "value",
          "ci_low",
          "ci_high",
          "n",
          "p_value",
          "stars",
          "warning",
          "k1",
          "n1",
          "k2",
          "n2",
          "sd");

  /** The columns of {@code comparison.csv}. */
  public static final List<String> COMPARISON_COLUMNS =
      List.of(
          "model",
          "measure",
          "subject",
          "relationship",
          "statistic",
          "read_as",
          "published",
          "simulated",
          "ci_low",
          "ci_high",
          "inside",
          "source");

  private TablesWriter() {}

  /** {@code tables.csv}. */
  public static void tablesCsv(List<TableRow> rows, Writer w) throws IOException {
    w.write(String.join(",", TABLE_COLUMNS));
    w.write('\n');
    for (TableRow r : rows) {
      Estimate e = r.estimate();
      Interval ci = e.interval();
      w.write(
          String.join(
              ",",
              r.measure().id(),
              csv(r.model()),
              r.subject(),
              r.kind(),
              r.relationship(),
              r.channel(),
              csv(r.part()),
              num(e.value()),
              num(ci.low()),
              num(ci.high()),
              count(e.n()),
              pval(e.p()),
              Double.isNaN(e.p()) ? "" : StudyTests.stars(e.p()),
              warning(e),
              r.detail() == null ? "" : count(r.detail().k1()),
              r.detail() == null ? "" : count(r.detail().n1()),
              r.detail() == null ? "" : count(r.detail().k2()),
              r.detail() == null ? "" : count(r.detail().n2()),
              r.detail() == null ? "" : num(r.detail().sd())));
      w.write('\n');
    }
  }

  /** {@code comparison.csv}. */
  public static void comparisonCsv(List<Comparison.Row> rows, Writer w) throws IOException {
    w.write(String.join(",", COMPARISON_COLUMNS));
    w.write('\n');
    for (Comparison.Row r : rows) {
      PublishedFigure f = r.figure();
      Estimate e = r.estimate();
      w.write(
          String.join(
              ",",
              csv(f.model()),
              f.measure(),
              f.subject().id(),
              f.relationship() == null ? "" : f.relationship().id(),
              f.statistic().id(),
              csv(f.statistic().reading()),
              num(f.value()),
              e == null ? "" : num(e.value()),
              e == null ? "" : num(e.interval().low()),
              e == null ? "" : num(e.interval().high()),
              r.inside() ? "true" : "false",
              csv(f.source())));
      w.write('\n');
    }
  }

  /**
   * {@code tables.json}: the run's parameters, every table row (with, for simulated tables, the
   * provenance basis of the profile values behind it) and the comparison.
   */
  public static void json(
      Map<String, Object> run, List<TableRow> rows, List<Comparison.Row> comparison, Writer w)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("run", run);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      Estimate e = r.estimate();
      m.put("measure", r.measure().id());
      m.put("model", r.model());
      m.put("subject", r.subject());
      m.put("kind", r.kind());
      m.put("relationship", r.relationship());
      m.put("channel", r.channel());
      m.put("part", r.part().isEmpty() ? null : r.part());
      m.put("value", round(e.value()));
      m.put("ci_low", round(e.interval().low()));
      m.put("ci_high", round(e.interval().high()));
      m.put("n", Math.round(e.n()));
      m.put("p_value", Double.isNaN(e.p()) ? null : e.p());
      m.put("stars", Double.isNaN(e.p()) ? null : StudyTests.stars(e.p()));
      m.put("warning", warning(e).isEmpty() ? null : warning(e));
      m.put("profile_basis", r.basis().isEmpty() ? null : r.basis());
      if (r.detail() != null) {
        TableRow.Detail d = r.detail();
        Map<String, Object> det = new LinkedHashMap<>();
        det.put("k1", finite(d.k1()));
        det.put("n1", finite(d.n1()));
        det.put("k2", finite(d.k2()));
        det.put("n2", finite(d.n2()));
        det.put("sd", finite(d.sd()));
        m.put("detail", det);
      }
      tables.add(m);
    }
    root.put("tables", tables);
    List<Map<String, Object>> comp = new ArrayList<>();
    for (Comparison.Row r : comparison) {
      Map<String, Object> m = new LinkedHashMap<>();
      PublishedFigure f = r.figure();
      m.put("model", f.model());
      m.put("measure", f.measure());
      m.put("subject", f.subject().id());
      m.put("relationship", f.relationship() == null ? null : f.relationship().id());
      m.put("statistic", f.statistic().id());
      m.put("read_as", f.statistic().reading());
      m.put("published", f.value());
      m.put("simulated", r.estimate() == null ? null : round(r.estimate().value()));
      m.put("ci_low", r.estimate() == null ? null : round(r.estimate().interval().low()));
      m.put("ci_high", r.estimate() == null ? null : round(r.estimate().interval().high()));
      m.put("inside", r.inside());
      m.put("source", f.source());
      comp.add(m);
    }
    root.put("comparison", comp);
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    mapper.writeValue(w, root);
    w.write('\n');
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }

  static String warning(Estimate e) {
    return e.n() < 10 ? "n<10" : "";
  }

  private static double round(double v) {
    return Double.parseDouble(num(v));
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  private static String count(double n) {
    if (Double.isNaN(n)) {
      return "";
    }
    return n == Math.rint(n) ? Long.toString((long) n) : num(n);
  }

  private static String pval(double p) {
    return Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.6g", p);
  }

  private static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
