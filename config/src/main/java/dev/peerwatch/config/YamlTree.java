package dev.peerwatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML document read into nodes that remember where they stand (file, line, column), so that
 * strict validation can name the position of an unknown key or a bad value. Duplicate keys are
 * errors. Anchors and aliases are not supported: a config file states every value where it applies.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  /** A position in a file, printed as {@code file:line:column}. */
  public record Where(String file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  /** A node of the document. */
  public sealed interface Node permits MapNode, ListNode, Scalar {
    /** Where the node starts. */
    Where where();

    /** The dotted path of the node from the root, for messages ({@code behaviours.tampering}). */
    String path();

    /** This node as a map, or a ConfigException naming its position. */
    default MapNode asMap() {
      if (this instanceof MapNode m) {
        return m;
      }
      throw error("expected a mapping of keys to values");
    }

    /** This node as a list, or a ConfigException naming its position. */
    default ListNode asList() {
      if (this instanceof ListNode l) {
        return l;
      }
      throw error("expected a list");
    }

    /** This node as a scalar, or a ConfigException naming its position. */
    default Scalar asScalar() {
      if (this instanceof Scalar s) {
        return s;
      }
      throw error("expected a single value");
    }

    /** An error at this node: {@code file:line:col: path: message}. */
    default ConfigException error(String message) {
      String at = path().isEmpty() ? "" : path() + ": ";
      return new ConfigException(where() + ": " + at + message);
    }
  }

  /** A mapping, in file order. */
  public record MapNode(
      Where where, String path, Map<String, Node> entries, Map<String, Where> keyWhere)
      implements Node {
    /** The value under {@code key}, or null. */
    public Node get(String key) {
      return entries.get(key);
    }

    /** The value under {@code key}, or an error saying it is missing. */
    public Node require(String key) {
      Node n = entries.get(key);
      if (n == null) {
        throw error("missing key '" + key + "'");
      }
      return n;
    }

    /**
     * Rejects any key outside {@code allowed}, naming the key, its position and what is allowed.
     */
    public void allowOnly(Set<String> allowed) {
      for (Map.Entry<String, Node> e : entries.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          Node v = e.getValue();
          Where at = keyWhere.getOrDefault(e.getKey(), v.where());
          throw new ConfigException(
              at
                  + ": "
                  + v.path()
                  + ": unknown key '"
                  + e.getKey()
                  + "' (allowed: "
                  + String.join(", ", allowed.stream().sorted().toList())
                  + ")");
        }
      }
    }
  }

  /** A list. */
  public record ListNode(Where where, String path, List<Node> items) implements Node {}

  /** A single value; {@code text} is null for YAML's null. */
  public record Scalar(Where where, String path, String text, boolean quoted) implements Node {
    /** The value as text; null and empty values are errors. */
    public String asText() {
      if (text == null || text.isBlank()) {
        throw error("expected a non-empty value");
      }
      return text;
    }

    /** The value as a number in [{@code min}, {@code max}]. */
    public double asDouble(double min, double max) {
      double v;
      try {
        v = Double.parseDouble(asText().trim());
      } catch (NumberFormatException e) {
        throw error("'" + text + "' is not a number (allowed: " + min + " to " + max + ")");
      }
      if (!(v >= min && v <= max)) {
        throw error(text + " is out of range (allowed: " + min + " to " + max + ")");
      }
      return v;
    }

    /** The value as a whole number in [{@code min}, {@code max}]. */
    public long asLong(long min, long max) {
      long v;
      try {
        v = Long.parseLong(asText().trim());
      } catch (NumberFormatException e) {
        throw error("'" + text + "' is not a whole number (allowed: " + min + " to " + max + ")");
      }
      if (v < min || v > max) {
        throw error(v + " is out of range (allowed: " + min + " to " + max + ")");
      }
      return v;
    }
  }

  /** The deepest nesting of mappings and lists a config file may have. */
  static final int MAX_DEPTH = 100;

  /**
   * Reads the YAML file {@code file}, named {@code source} in messages; a missing file is "{@code
   * source}: no such {@code what} file". Every way the file can fail to be read — a directory, a
   * device, too large, not UTF-8 (with the position of the first bad byte), unreadable — is one
   * {@link ConfigException} saying what is allowed.
   */
  public static Node readFile(java.nio.file.Path file, String source, String what) {
    return read(new java.io.StringReader(ConfigFiles.readText(file, source, what)), source);
  }

  /** Reads one YAML document; {@code file} names it in messages. An empty document is an error. */
  public static Node read(Reader reader, String file) {
    try (JsonParser p = FACTORY.createParser(reader)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new ConfigException(file + ": the file is empty");
        }
        Node root = readNode(p, file, "", 0);
        if (p.nextToken() != null) {
          throw new ConfigException(where(p, file) + ": more than one YAML document in the file");
        }
        return root;
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) {
          loc = p.currentLocation();
        }
        String at = loc == null ? file : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        throw new ConfigException(at + ": malformed YAML: " + problem(e), e);
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read it (" + ConfigFiles.ioReason(e) + ")", e);
    }
  }

  private static Node readNode(JsonParser p, String file, String path, int depth)
      throws IOException {
    Where at = where(p, file);
    JsonToken t = p.currentToken();
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) {
      throw new ConfigException(
          at
              + ": "
              + (path.isEmpty() ? "" : path.substring(0, Math.min(path.length(), 60)) + "…: ")
              + "nested more than "
              + MAX_DEPTH
              + " levels deep (allowed: at most "
              + MAX_DEPTH
              + ")");
    }
    if (t == JsonToken.START_OBJECT) {
      Map<String, Node> entries = new LinkedHashMap<>();
      Map<String, Where> keys = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Where keyAt = where(p, file);
        keys.putIfAbsent(key, keyAt);
        String child = path.isEmpty() ? key : path + "." + key;
        p.nextToken();
        Node value = readNode(p, file, child, depth + 1);
        if (entries.put(key, value) != null) {
          throw new ConfigException(keyAt + ": " + child + ": duplicate key '" + key + "'");
        }
      }
      return new MapNode(
          at, path, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keys));
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(readNode(p, file, path + "[" + i++ + "]", depth + 1));
      }
      return new ListNode(at, path, List.copyOf(items));
    }
    String text = t == JsonToken.VALUE_NULL ? null : p.getText();
    return new Scalar(at, path, text, t == JsonToken.VALUE_STRING);
  }

  private static Where where(JsonParser p, String file) {
    JsonLocation loc = p.currentTokenLocation();
    return new Where(file, loc.getLineNr(), loc.getColumnNr());
  }

  /** SnakeYAML's context and problem ("while parsing a flow mapping: expected ',' or '}'"). */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
      String problem = m.getProblem() == null ? "" : m.getProblem().trim();
      String context = m.getContext() == null ? "" : m.getContext().trim();
      if (!problem.isEmpty()) {
        return context.isEmpty() ? problem : context + ": " + problem;
      }
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
