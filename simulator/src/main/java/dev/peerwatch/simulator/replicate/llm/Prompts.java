package dev.peerwatch.simulator.replicate.llm;

import dev.peerwatch.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The texts of the study's episodes, in our words: shipped as resources under {@code prompts/} in
 * the jar, each replaceable by a file of the same name in a directory the user gives ({@code
 * --prompts DIR}). Texts hold {@code {{name}}} placeholders; a placeholder without a value is an
 * error naming the file, so a typo never reaches a model.
 */
public final class Prompts {
  /** Every text an episode uses; a file in the override directory must have one of these names. */
  public static final List<String> NAMES =
      List.of(
          "system.md",
          "relationship-sentence-good_peer.md",
          "relationship-sentence-neutral_peer.md",
          "relationship-sentence-bad_peer.md",
          "memory-sentence.md",
          "relationship-doc-good_peer.md",
          "relationship-doc-neutral_peer.md",
          "relationship-doc-bad_peer.md",
          "memory-good_peer.md",
          "memory-neutral_peer.md",
          "memory-bad_peer.md",
          "memory-none.md",
          "monitoring-monitoring.md",
          "monitoring-non_monitoring.md",
          "task-misrep_evaluation.md",
          "task-tampering.md",
          "task-alignment_faking.md",
          "task-misrep_finance.md",
          "task-exfiltration_transfer.md",
          "task-exfiltration_deletion.md",
          "clause-evaluation.md",
          "clause-finance.md",
          "rule-factual.md",
          "rule-creativity.md",
          "rule-red.md",
          "data-finance.csv",
          "policy-finance.md",
          "refusal-patterns.txt");

  private static final Pattern VAR = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final Map<String, String> texts;
  private final String source;

  private Prompts(Map<String, String> texts, String source) {
    this.texts = texts;
    this.source = source;
  }

  /** The shipped texts. */
  public static Prompts shipped() {
    return load(null);
  }

  /**
   * The shipped texts with those in {@code dir} (if not null) in their place.
   *
   * @throws ConfigException for a file in {@code dir} that is not one of {@link #NAMES}
   */
  public static Prompts load(Path dir) {
    Map<String, String> t = new TreeMap<>();
    for (String n : NAMES) {
      try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + n)) {
        if (in == null) {
          throw new IllegalStateException("the jar lacks prompts/" + n);
        }
        t.put(n, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read prompts/" + n, e);
      }
    }
    if (dir == null) {
      return new Prompts(t, "shipped");
    }
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("--prompts " + dir + ": not a directory");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(Files::isRegularFile).sorted().forEach(files::add);
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!t.containsKey(name)) {
          throw new ConfigException(
              "--prompts "
                  + f
                  + ": not a prompt file peerwatch uses (allowed names: "
                  + String.join(", ", NAMES)
                  + ")");
        }
        t.put(name, Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new ConfigException("--prompts " + dir + ": cannot read it (" + e.getMessage() + ")");
    }
    return new Prompts(t, dir.toString());
  }

  /** Where the texts came from, for the effective configuration. */
  public String source() {
    return source;
  }

  /** The raw text {@code name}. */
  public String raw(String name) {
    String s = texts.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no prompt " + name);
    }
    return s;
  }

  /**
   * The text {@code name} with its placeholders filled from {@code vars}, trailing space trimmed.
   */
  public String fill(String name, Map<String, String> vars) {
    String s = raw(name);
    Matcher m = VAR.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String v = vars.get(m.group(1));
      if (v == null) {
        throw new ConfigException(
            "prompt "
                + name
                + " ("
                + source
                + "): unknown placeholder {{"
                + m.group(1)
                + "}} (known here: "
                + String.join(", ", new TreeMap<>(vars).keySet())
                + ")");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString().strip();
  }

  /** The refusal patterns, compiled. */
  public List<Pattern> refusalPatterns() {
    List<Pattern> out = new ArrayList<>();
    for (String line : raw("refusal-patterns.txt").split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      try {
        out.add(Pattern.compile(l, Pattern.CASE_INSENSITIVE));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new ConfigException(
            "prompt refusal-patterns.txt ("
                + source
                + "): '"
                + l
                + "' is not a regular expression");
      }
    }
    return out;
  }
}
