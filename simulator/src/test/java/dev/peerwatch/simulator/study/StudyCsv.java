package dev.peerwatch.simulator.study;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built per-trial CSV in the study's layout (its 18 analysed columns), written as text so
 * that tests exercise the reader as well as the rules. Each row starts from neutral defaults (a
 * peer tampering row of model "m", good peer, file only, not refused) and overrides some cells.
 */
final class StudyCsv {
  private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    for (String c : TrialsCsv.REQUIRED) {
      DEFAULTS.put(c, "");
    }
    DEFAULTS.put("task_type", "tampering");
    DEFAULTS.put("is_memory", "False");
    DEFAULTS.put("agent_model", "m");
    DEFAULTS.put("condition", "good_peer");
    DEFAULTS.put("subject", "peer");
    DEFAULTS.put("dataset", "factual");
    DEFAULTS.put("threshold", "80");
    DEFAULTS.put("system_prompt_relationship", "False");
    DEFAULTS.put("agent_harness", "custom");
    DEFAULTS.put("read_data", "True");
    DEFAULTS.put("fully_incomplete", "False");
    DEFAULTS.put("refused", "False");
  }

  private final List<String> header;
  private final StringBuilder text = new StringBuilder();

  StudyCsv() {
    this(TrialsCsv.REQUIRED);
  }

  StudyCsv(List<String> header) {
    this.header = header;
    text.append(String.join(",", header)).append('\n');
  }

  /** Adds {@code times} copies of a row: the defaults with {@code cells} ("column=value") set. */
  StudyCsv add(int times, String... cells) {
    Map<String, String> row = new LinkedHashMap<>(DEFAULTS);
    for (String c : cells) {
      int eq = c.indexOf('=');
      String column = c.substring(0, eq);
      if (!row.containsKey(column)) {
        throw new IllegalArgumentException("no column " + column);
      }
      row.put(column, c.substring(eq + 1));
    }
    List<String> values = new ArrayList<>();
    for (String h : header) {
      values.add(row.getOrDefault(h, ""));
    }
    for (int i = 0; i < times; i++) {
      text.append(String.join(",", values)).append('\n');
    }
    return this;
  }

  /** The CSV text. */
  String text() {
    return text.toString();
  }

  /** Reads the text by {@code rules} into a tally. */
  Tally tally(Rules rules) {
    Tally t = new Tally(rules);
    TrialsCsv.read(new StringReader(text()), "hand.csv", t::add);
    return t;
  }

  /** The analysis of the text by {@code rules}. */
  Analysis analysis(Rules rules) {
    return new Analysis(tally(rules));
  }
}
