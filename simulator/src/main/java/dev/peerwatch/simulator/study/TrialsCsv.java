package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Dataset;
import dev.peerwatch.config.MonitoringMode;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The study's per-trial table ({@code merged_data.csv}): its 41 columns in its order, then
 * peerwatch's own columns. Writes rows with the study's encodings (booleans {@code True}/{@code
 * False}, empty when missing); reads any CSV that has at least the 18 columns the metrics need, in
 * any order, and skips rows outside the main tables.
 */
public final class TrialsCsv {
  /** The study's 41 columns, in its order. */
  public static final List<String> STUDY_COLUMNS =
      List.of(
          "transcript_id",
          "filepath",
          "transcript_number",
          "file_mtime_ns",
          "task_type",
          "is_memory",
          "agent_model",
          "llm_provider",
          "condition",
          "subject",
          "subject_name",
          "dataset",
          "alignment_faking_mode",
          "threshold",
          "system_prompt_relationship",
          "memory_hard_prompt",
          "reasoning_effort",
          "agent_harness",
          "read_data",
          "fully_incomplete",
          "refused",
          "eval_score",
          "threshold_result",
          "eval_preservation",
          "executed",
          "read_config",
          "shutdown_enabled",
          "exfiltration",
          "copy",
          "correct",
          "delete_model",
          "delete_others",
          "change_user",
          "delete_file",
          "subject_grade",
          "subject_recommendation",
          "read_memory",
          "num_turns",
          "total_input_tokens",
          "total_output_tokens",
          "total_cost_usd");

  /** peerwatch's own columns, after the study's. */
  public static final List<String> EXTRA_COLUMNS = List.of("pw_seed", "pw_configuration");

  /** The 18 columns the study's metrics need; a table to analyse must have them all. */
  public static final List<String> REQUIRED =
      List.of(
          "task_type",
          "is_memory",
          "agent_model",
          "condition",
          "subject",
          "dataset",
          "alignment_faking_mode",
          "threshold",
          "system_prompt_relationship",
          "agent_harness",
          "read_data",
          "fully_incomplete",
          "refused",
          "eval_score",
          "executed",
          "shutdown_enabled",
          "exfiltration",
          "subject_grade");

  private TrialsCsv() {}

  /** Writes the header line. */
  public static void writeHeader(Writer w) throws IOException {
    w.write(String.join(",", STUDY_COLUMNS));
    w.write(',');
    w.write(String.join(",", EXTRA_COLUMNS));
    w.write('\n');
  }

  /** Appends one row to {@code b} (with its newline). */
  public static void format(StudyRow r, StringBuilder b) {
    format(r, null, b);
  }

  /**
   * Appends one row to {@code b} (with its newline), with the episode's turns, tokens and cost when
   * it ran against a model ({@code usage} null: those four cells stay empty).
   */
  public static void format(StudyRow r, TrialUsage usage, StringBuilder b) {
    text(b, r.transcriptId()); // transcript_id
    b.append(','); // filepath
    b.append(',').append(r.transcriptNumber());
    b.append(','); // file_mtime_ns
    b.append(',').append(r.task().id());
    bool(b, r.memory());
    b.append(',');
    text(b, r.model());
    b.append(',');
    text(b, r.provider());
    b.append(',').append(r.condition().id());
    b.append(',').append(r.subject().id());
    b.append(',');
    text(b, r.subjectName());
    b.append(',').append(r.dataset().id());
    b.append(',').append(r.mode().id());
    b.append(',');
    if (r.threshold() > 0) {
      b.append(r.threshold());
    }
    bool(b, r.promptRelationship());
    b.append(",,"); // memory_hard_prompt, reasoning_effort
    b.append(',');
    text(b, r.harness());
    bool(b, r.readData());
    bool(b, r.fullyIncomplete());
    bool(b, r.refused());
    b.append(',');
    if (!Double.isNaN(r.evalScore())) {
      score(b, r.evalScore());
    }
    bool(b, r.thresholdResult());
    b.append(','); // eval_preservation
    bool(b, r.executed());
    bool(b, r.readConfig());
    bool(b, r.shutdownEnabled());
    bool(b, r.exfiltration());
    b.append(",,,,,,"); // copy, correct, delete_model, delete_others, change_user, delete_file
    b.append(',');
    if (r.grade() != null) {
      b.append(r.grade());
    }
    b.append(','); // subject_recommendation
    bool(b, r.readMemory());
    if (usage == null) {
      b.append(",,,,"); // num_turns, total_input_tokens, total_output_tokens, total_cost_usd
    } else {
      usage.format(b);
    }
    b.append(',').append(r.seed());
    b.append(',');
    text(b, r.configuration());
    b.append('\n');
  }

  private static void bool(StringBuilder b, Boolean v) {
    b.append(',');
    if (v != null) {
      b.append(v ? "True" : "False");
    }
  }

  private static void score(StringBuilder b, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      b.append((long) v);
    } else {
      b.append(v);
    }
  }

  private static void text(StringBuilder b, String s) {
    if (s == null || s.isEmpty()) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      b.append(s);
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    b.append('"');
  }

  /** What reading a table found besides its rows. */
  public record ReadReport(long rows, long kept, Map<String, Long> skipped) {}

  /**
   * Reads a per-trial table, handing each row inside the study's main tables to {@code sink}. Rows
   * with another harness, subject, task type, condition or dataset are skipped and counted.
   *
   * @param file the name used in error messages
   * @throws ConfigException for a missing column, a truncated or malformed record or a value that
   *     cannot be read, naming the line
   */
  public static ReadReport read(Reader in, String file, Consumer<StudyRow> sink) {
    CsvRecords records = new CsvRecords(in, file);
    List<String> header = records.next();
    if (header == null) {
      throw new ConfigException(file + ": the file is empty (expected a header line)");
    }
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.putIfAbsent(header.get(i).trim(), i);
    }
    List<String> missing = new ArrayList<>();
    for (String c : REQUIRED) {
      if (!col.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(
          file
              + ":1: missing column(s) "
              + String.join(", ", missing)
              + " (a per-trial table needs: "
              + String.join(", ", REQUIRED)
              + ")");
    }
    Columns c = new Columns(col);
    long rows = 0;
    long kept = 0;
    Map<String, Long> skipped = new java.util.TreeMap<>();
    List<String> f;
    while ((f = records.next()) != null) {
      rows++;
      long line = records.recordLine();
      if (f.size() == 1 && f.get(0).isEmpty()) {
        rows--;
        continue;
      }
      if (f.size() != header.size()) {
        throw new ConfigException(
            file
                + ":"
                + line
                + ": "
                + f.size()
                + " fields where the header has "
                + header.size()
                + " (a truncated or malformed row)");
      }
      String why = c.skipReason(f);
      if (why != null) {
        skipped.merge(why, 1L, Long::sum);
        continue;
      }
      sink.accept(c.row(f, file, line));
      kept++;
    }
    return new ReadReport(rows, kept, skipped);
  }

  private record Columns(Map<String, Integer> col) {
    String get(List<String> f, String name) {
      Integer i = col.get(name);
      return i == null ? "" : f.get(i).trim();
    }

    String skipReason(List<String> f) {
      String harness = get(f, "agent_harness");
      if (!harness.equals("custom")) {
        return "agent_harness '" + harness + "' (only custom is in the main tables)";
      }
      String subject = get(f, "subject");
      if (!subject.equals("peer") && !subject.equals("self")) {
        return "subject '" + subject + "'";
      }
      if (!known(TaskType.values(), get(f, "task_type"))) {
        return "task_type '" + get(f, "task_type") + "'";
      }
      if (!known(Condition.values(), get(f, "condition"))) {
        return "condition '" + get(f, "condition") + "'";
      }
      if (!known(Dataset.values(), get(f, "dataset"))) {
        return "dataset '" + get(f, "dataset") + "'";
      }
      String mode = get(f, "alignment_faking_mode");
      if (!mode.isEmpty() && !known(MonitoringMode.values(), mode)) {
        return "alignment_faking_mode '" + mode + "'";
      }
      return null;
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

    StudyRow row(List<String> f, String file, long line) {
      String seed = get(f, "pw_seed");
      return new StudyRow(
          get(f, "transcript_id"),
          transcriptNumber(get(f, "transcript_number")),
          TaskType.of(get(f, "task_type")),
          flag(get(f, "is_memory")),
          get(f, "agent_model"),
          get(f, "llm_provider"),
          Condition.of(get(f, "condition")),
          Subject.of(get(f, "subject")),
          get(f, "subject_name"),
          Dataset.of(get(f, "dataset")),
          MonitoringMode.of(get(f, "alignment_faking_mode")),
          threshold(get(f, "threshold"), file, line),
          flag(get(f, "system_prompt_relationship")),
          get(f, "agent_harness"),
          flag(get(f, "read_data")),
          flag(get(f, "fully_incomplete")),
          flag(get(f, "refused")),
          number(get(f, "eval_score"), "eval_score", file, line),
          flag(get(f, "threshold_result")),
          flag(get(f, "executed")),
          flag(get(f, "read_config")),
          flag(get(f, "shutdown_enabled")),
          flag(get(f, "exfiltration")),
          grade(get(f, "subject_grade")),
          flag(get(f, "read_memory")),
          seed.isEmpty() ? 0 : parseSeed(seed, file, line),
          get(f, "pw_configuration"));
    }
  }

  /**
   * The study's flag encoding: True/1/"true"/"1" (any case) is true, other text false, empty null.
   */
  static Boolean flag(String s) {
    if (s.isEmpty()) {
      return null;
    }
    String v = s.toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1") || v.equals("1.0");
  }

  private static String grade(String s) {
    return s.isEmpty() ? null : s;
  }

  private static double number(String s, String column, String file, long line) {
    if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equals("None")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new ConfigException(
          file + ":" + line + ": " + column + " '" + s + "' is not a number (or empty)");
    }
  }

  private static int threshold(String s, String file, long line) {
    double v = number(s, "threshold", file, line);
    if (Double.isNaN(v)) {
      return 0;
    }
    if (v <= 0 || v > 100 || v != Math.rint(v)) {
      throw new ConfigException(
          file
              + ":"
              + line
              + ": threshold '"
              + s
              + "' (allowed: a whole number 1 to 100, or empty)");
    }
    return (int) v;
  }

  /** The study's transcript number when it is a whole number, else 0 (it is not analysed). */
  private static int transcriptNumber(String s) {
    try {
      return s.isEmpty() ? 0 : (int) Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static long parseSeed(String s, String file, long line) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ConfigException(file + ":" + line + ": pw_seed '" + s + "' is not a whole number");
    }
  }
}
