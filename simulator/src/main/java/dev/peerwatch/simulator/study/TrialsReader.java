package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Dataset;
import dev.peerwatch.config.MonitoringMode;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.simulator.study.TrialsCsv.Warning;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads one record of the per-trial table as the study's analysis (pandas) reads it: labels are not
 * trimmed, a flag is true only for True/1/"true"/"1", pandas' missing-value spellings and empty
 * cells are missing, "inf" scores are +∞, a blank or unknown dataset is a value of its own. Where
 * that reading is permissive it notes a {@link Warning}; in strict mode it throws instead, naming
 * the line.
 */
final class TrialsReader {
  /** The strings pandas reads as missing (its default {@code na_values}) besides the empty cell. */
  private static final Set<String> NA =
      Set.of(
          "#N/A",
          "#N/A N/A",
          "#NA",
          "-1.#IND",
          "-1.#QNAN",
          "-NaN",
          "-nan",
          "1.#IND",
          "1.#QNAN",
          "<NA>",
          "N/A",
          "NA",
          "NULL",
          "NaN",
          "None",
          "n/a",
          "nan",
          "null");

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final Map<String, Integer> col;
  private final String file;
  private final boolean strict;
  private final Map<String, Warning> warnings = new TreeMap<>();

  TrialsReader(Map<String, Integer> col, String file, boolean strict) {
    this.col = col;
    this.file = file;
    this.strict = strict;
  }

  /** The header's column positions: a duplicate name keeps its first column, as pandas does. */
  static Map<String, Integer> columns(List<String> header, TrialsReader.Sink dup) {
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      Integer first = col.putIfAbsent(header.get(i), i);
      if (first != null) {
        dup.duplicate(header.get(i), first, i);
      }
    }
    return col;
  }

  /** Receives a duplicate column of the header. */
  interface Sink {
    void duplicate(String name, int first, int again);
  }

  Map<String, Warning> warnings() {
    return warnings;
  }

  /** Notes one permissive reading, or in strict mode refuses it. */
  void warn(String kind, long line, String what, String strictMessage) {
    if (strict) {
      throw new ConfigException(file + ":" + line + ": " + strictMessage + " (--strict)");
    }
    warnings.merge(
        kind,
        new Warning(kind, 1, line, what),
        (a, b) -> new Warning(kind, a.count() + 1, a.firstLine(), a.what()));
  }

  String get(List<String> f, String name) {
    Integer i = col.get(name);
    return i == null || i >= f.size() ? "" : f.get(i);
  }

  /** Why a row lies outside the main tables, or null when it is inside. */
  String skipReason(List<String> f, long line) {
    String harness = get(f, "agent_harness");
    if (!harness.equals("custom")) {
      if (harness.strip().equalsIgnoreCase("custom")) {
        label(line, "agent_harness", harness);
      }
      return "agent_harness '" + harness + "' (only custom is in the main tables)";
    }
    String subject = get(f, "subject");
    if (!subject.equals("peer") && !subject.equals("self")) {
      String s = subject.strip().toLowerCase(Locale.ROOT);
      if (s.equals("peer") || s.equals("self")) {
        label(line, "subject", subject);
      }
      return "subject '" + subject + "'";
    }
    if (get(f, "agent_model").isEmpty() || NA.contains(get(f, "agent_model"))) {
      return "agent_model missing";
    }
    String task = get(f, "task_type");
    if (!known(TaskType.values(), task)) {
      label(line, "task_type", task);
      return "task_type '" + task + "'";
    }
    String condition = get(f, "condition");
    if (!known(Condition.values(), condition)) {
      label(line, "condition", condition);
      return "condition '" + condition + "'";
    }
    return null;
  }

  private void label(long line, String column, String value) {
    warn(
        "label",
        line,
        column + " '" + value + "'",
        column + " '" + value + "' is not one of the study's labels");
  }

  private static boolean known(Enum<?>[] values, String id) {
    for (Enum<?> e : values) {
      String s =
          e instanceof TaskType t
              ? t.id()
              : e instanceof Condition c
                  ? c.id()
                  : e instanceof Dataset d ? d.id() : ((MonitoringMode) e).id();
      if (s.equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** The dataset, or null for a blank or unknown one (its rows still count where not split). */
  Dataset dataset(List<String> f, long line) {
    String d = get(f, "dataset");
    if (known(Dataset.values(), d)) {
      return Dataset.of(d);
    }
    label(line, "dataset", d);
    return null;
  }

  /** The monitoring mode: NONE when empty, null when unknown. */
  MonitoringMode mode(List<String> f, long line) {
    String m = get(f, "alignment_faking_mode");
    if (m.isEmpty() || NA.contains(m)) {
      return MonitoringMode.NONE;
    }
    if (known(MonitoringMode.values(), m)) {
      return MonitoringMode.of(m);
    }
    label(line, "alignment_faking_mode", m);
    return null;
  }

  /** A flag: null when missing, true only for True/1 (any case), anything else false. */
  Boolean flag(List<String> f, String column, long line) {
    String s = get(f, column);
    if (NA.contains(s)) {
      return null;
    }
    Boolean b = TrialsCsv.flag(s);
    if (b != null && !b) {
      String v = s.toLowerCase(Locale.ROOT);
      if (!v.equals("false") && !v.equals("0")) {
        warn(
            "flag",
            line,
            column + " '" + s + "' read as False",
            column
                + " '"
                + s
                + "' is neither true nor false (allowed: True, False, 1, 0, or empty)");
      }
    }
    return b;
  }

  /** A number as pandas reads it: missing spellings NaN, "inf"/"Infinity" ±∞, else decimal. */
  double number(List<String> f, String column, long line) {
    String raw = get(f, column);
    if (raw.isEmpty()) {
      return Double.NaN;
    }
    if (NA.contains(raw)) {
      warn(
          "number",
          line,
          column + " '" + raw + "' read as missing",
          column + " '" + raw + "' is not a finite number");
      return Double.NaN;
    }
    String s = raw.strip();
    String l = s.toLowerCase(Locale.ROOT);
    String unsigned = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      double v = l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      warn(
          "number",
          line,
          column + " '" + raw + "' read as " + (v > 0 ? "+" : "-") + "infinity",
          column + " '" + raw + "' is not a finite number");
      return v;
    }
    if (!DECIMAL.matcher(s).matches()) {
      throw new ConfigException(
          file + ":" + line + ": " + column + " '" + raw + "' is not a number (or empty)");
    }
    return Double.parseDouble(s);
  }
}
