package dev.peerwatch.simulator.measures;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measures' files and rows, ready for {@code run}, {@code serve} and {@code sweep}: {@code
 * timeseries.csv}, {@code agents.csv}, and the measures as rows of {@code summary.csv} ({@code
 * measure, by, group, value, ci_low, ci_high, k, n}, with {@code by = group = all}) and as entries
 * of {@code summary.json}. Numbers have 6 decimals; an undefined value is empty (JSON null).
 */
public final class MeasureFiles {
  /** One agent of {@code agents.csv}: what its id in the ledger means. */
  public record Agent(int id, String team, String role, String profile, String family) {}

  private MeasureFiles() {}

  /**
   * A sink that writes each row as a line of {@code timeseries.csv} under the header it writes
   * first; an I/O failure is thrown as {@link java.io.UncheckedIOException} (the run ends with it).
   */
  public static java.util.function.Consumer<TickRow> timeseriesTo(Writer w) throws IOException {
    w.write(TickRow.header());
    return r -> {
      try {
        w.write(r.csv());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  /** Writes {@code timeseries.csv}: the header, then one line per tick. */
  public static void timeseries(List<TickRow> rows, Writer w) throws IOException {
    w.write(TickRow.header());
    for (TickRow r : rows) {
      w.write(r.csv());
    }
  }

  /** Writes {@code agents.csv}: {@code agent, team, role, profile, family}, one line per agent. */
  public static void agents(List<Agent> agents, Writer w) throws IOException {
    w.write("agent,team,role,profile,family\n");
    for (Agent a : agents) {
      w.write(
          a.id()
              + ","
              + csv(a.team())
              + ","
              + csv(a.role())
              + ","
              + csv(a.profile())
              + ","
              + csv(a.family())
              + "\n");
    }
  }

  /** The measure as a {@code summary.csv} line (with its line end). */
  public static String summaryLine(MeasureValue v) {
    return String.join(
            ",",
            v.name(),
            "all",
            "all",
            num(v.value()),
            num(v.low()),
            num(v.high()),
            Double.isNaN(v.k()) ? "" : Long.toString(Math.round(v.k())),
            Long.toString(v.n()))
        + "\n";
  }

  /** The measure as a {@code summary.json} entry, with its note when it has one. */
  public static Map<String, Object> summaryJson(MeasureValue v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", v.name());
    m.put("by", "all");
    m.put("group", "all");
    m.put("value", round(v.value()));
    m.put("ci_low", round(v.low()));
    m.put("ci_high", round(v.high()));
    m.put("k", Double.isNaN(v.k()) ? null : Math.round(v.k()));
    m.put("n", v.n());
    if (!v.note().isEmpty()) {
      m.put("note", v.note());
    }
    return m;
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    return s.equals("-0.000000") ? "0.000000" : s;
  }

  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
  }

  private static String csv(String s) {
    return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
  }
}
