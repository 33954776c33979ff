package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Condition;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
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

  /**
   * What reading a table found besides its rows.
   *
   * @param skipped rows outside the main tables, by reason
   * @param warnings permissive readings by kind (see {@link TrialsReader}), each with a count and
   *     the first line
   */
  public record ReadReport(
      long rows, long kept, Map<String, Long> skipped, Map<String, Warning> warnings) {}

  /**
   * One kind of permissive reading the study's analysis accepts silently.
   *
   * @param kind {@code duplicate-column}, {@code flag}, {@code number}, {@code label} or {@code
   *     short-row}
   * @param count how many cells (or rows, or columns) of that kind
   * @param firstLine the CSV line of the first
   * @param what the first, and how it was read
   */
  public record Warning(String kind, long count, long firstLine, String what) {
    /** The warning as one line for stderr. */
    public String line() {
      return "warning: "
          + count
          + " x "
          + kind
          + ", first at line "
          + firstLine
          + ": "
          + what
          + " (as the study reads it; --strict refuses it)";
    }
  }

  /**
   * Reads permissively, as the study does; see {@link #read(Reader, String, boolean, Consumer)}.
   */
  public static ReadReport read(Reader in, String file, Consumer<StudyRow> sink) {
    return read(in, file, false, sink);
  }

  /**
   * Reads a per-trial table the way the study's analysis (pandas) reads it, handing each row inside
   * the study's main tables to {@code sink}. Rows with another harness, subject, task type or
   * condition, or without a model, are skipped and counted. Cells the study reads permissively
   * (flags neither true nor false, non-finite numbers, unknown labels, duplicate columns, short
   * rows) are read its way and reported as warnings, or refused when {@code strict}.
   *
   * @param file the name used in error messages
   * @throws ConfigException for a missing column, a truncated or malformed record, an over-long
   *     line or a value that cannot be read (in strict mode, any warning), naming the line
   */
  public static ReadReport read(Reader in, String file, boolean strict, Consumer<StudyRow> sink) {
    CsvRecords records = new CsvRecords(in, file);
    List<String> header = records.next();
    if (header == null) {
      throw new ConfigException(file + ": the file is empty (expected a header line)");
    }
    List<String[]> dups = new ArrayList<>();
    Map<String, Integer> col =
        TrialsReader.columns(
            header,
            (name, first, again) ->
                dups.add(new String[] {name, Integer.toString(first + 1), "" + (again + 1)}));
    TrialsReader c = new TrialsReader(col, file, strict);
    for (String[] d : dups) {
      c.warn(
          "duplicate-column",
          1,
          "column '" + d[0] + "' (columns " + d[1] + " and " + d[2] + "); the first is read",
          "column '" + d[0] + "' appears twice (columns " + d[1] + " and " + d[2] + ")");
    }
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!col.containsKey(name)) {
        missing.add(name);
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
    long rows = 0;
    long kept = 0;
    Map<String, Long> skipped = new java.util.TreeMap<>();
    List<String> f;
    while ((f = records.next()) != null) {
      long line = records.recordLine();
      if (f.size() == 1 && f.get(0).isEmpty()) {
        continue;
      }
      rows++;
      if (f.size() > header.size()) {
        throw new ConfigException(
            file
                + ":"
                + line
                + ": "
                + f.size()
                + " fields where the header has "
                + header.size()
                + " (a malformed row)");
      }
      if (f.size() < header.size()) {
        // pandas fills a short row's missing fields with NaN.
        c.warn(
            "short-row",
            line,
            f.size() + " fields where the header has " + header.size() + "; the rest read empty",
            f.size() + " fields where the header has " + header.size() + " (a truncated row)");
      }
      String why = c.skipReason(f, line);
      if (why != null) {
        skipped.merge(why, 1L, Long::sum);
        continue;
      }
      sink.accept(row(c, f, file, line));
      kept++;
    }
    return new ReadReport(rows, kept, skipped, java.util.Collections.unmodifiableMap(c.warnings()));
  }

  private static StudyRow row(TrialsReader c, List<String> f, String file, long line) {
    String seed = c.get(f, "pw_seed");
    double threshold = c.number(f, "threshold", line);
    return new StudyRow(
        c.get(f, "transcript_id"),
        transcriptNumber(c.get(f, "transcript_number")),
        TaskType.of(c.get(f, "task_type")),
        c.flag(f, "is_memory", line),
        c.get(f, "agent_model"),
        c.get(f, "llm_provider"),
        Condition.of(c.get(f, "condition")),
        Subject.of(c.get(f, "subject")),
        c.get(f, "subject_name"),
        c.dataset(f, line),
        c.mode(f, line),
        threshold(threshold, c.get(f, "threshold"), file, line),
        c.flag(f, "system_prompt_relationship", line),
        c.get(f, "agent_harness"),
        c.flag(f, "read_data", line),
        c.flag(f, "fully_incomplete", line),
        c.flag(f, "refused", line),
        c.number(f, "eval_score", line),
        TrialsCsv.flag(c.get(f, "threshold_result")),
        c.flag(f, "executed", line),
        TrialsCsv.flag(c.get(f, "read_config")),
        c.flag(f, "shutdown_enabled", line),
        c.flag(f, "exfiltration", line),
        grade(c.get(f, "subject_grade")),
        TrialsCsv.flag(c.get(f, "read_memory")),
        seed.isEmpty() ? 0 : parseSeed(seed, file, line),
        c.get(f, "pw_configuration"));
  }

  /**
   * The study's flag encoding: True/1/"true"/"1" (any case) is true, other text ("1.0" too) false,
   * empty null.
   */
  static Boolean flag(String s) {
    if (s.isEmpty()) {
      return null;
    }
    String v = s.toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1");
  }

  private static String grade(String s) {
    return s.isEmpty() ? null : s;
  }

  private static int threshold(double v, String s, String file, long line) {
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
