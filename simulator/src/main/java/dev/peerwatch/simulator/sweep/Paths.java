package dev.peerwatch.simulator.sweep;

import dev.peerwatch.config.ConfigException;
import java.util.List;
import java.util.Map;

/**
 * Scenario keys addressed by path: {@code audits.report_fraction}, {@code
 * teams[0].members[1].count}, {@code teams[*].members[0].profile} ({@code [*]}: every item of the
 * list).
 */
final class Paths {
  private Paths() {}

  /**
   * Sets {@code value} at {@code path} in {@code tree}. The path's containers must exist in the
   * base scenario; its last key may be new (the scenario's own reading then rejects a key that is
   * not allowed).
   */
  static void set(Map<String, Object> tree, String path, Object value, String factor) {
    String[] parts = path.split("\\.");
    set(tree, parts, 0, path, value, factor);
  }

  @SuppressWarnings("unchecked")
  private static void set(
      Object node, String[] parts, int i, String path, Object value, String factor) {
    String part = parts[i];
    String key = part;
    String index = null;
    int b = part.indexOf('[');
    if (b >= 0) {
      if (!part.endsWith("]")) {
        throw bad(path, factor, "'" + part + "' is not a key or key[index]");
      }
      key = part.substring(0, b);
      index = part.substring(b + 1, part.length() - 1);
    }
    if (!(node instanceof Map<?, ?> m)) {
      throw bad(path, factor, "'" + key + "' is not inside a mapping");
    }
    Map<String, Object> map = (Map<String, Object>) m;
    boolean last = i == parts.length - 1;
    if (index == null) {
      if (last) {
        map.put(key, value);
        return;
      }
      Object child = map.get(key);
      if (child == null) {
        throw bad(path, factor, "'" + key + "' does not exist in the base scenario");
      }
      set(child, parts, i + 1, path, value, factor);
      return;
    }
    Object child = map.get(key);
    if (!(child instanceof List<?> l)) {
      throw bad(path, factor, "'" + key + "' is not a list in the base scenario");
    }
    List<Object> list = (List<Object>) l;
    if (index.equals("*")) {
      for (int k = 0; k < list.size(); k++) {
        at(list, k, parts, i, path, value, factor, last);
      }
      return;
    }
    int k;
    try {
      k = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      throw bad(path, factor, "'[" + index + "]' is not an index (allowed: a number or *)");
    }
    if (k < 0 || k >= list.size()) {
      throw bad(path, factor, "'" + key + "' has " + list.size() + " items, no [" + k + "]");
    }
    at(list, k, parts, i, path, value, factor, last);
  }

  private static void at(
      List<Object> list,
      int k,
      String[] parts,
      int i,
      String path,
      Object value,
      String factor,
      boolean last) {
    if (last) {
      list.set(k, value);
    } else {
      set(list.get(k), parts, i + 1, path, value, factor);
    }
  }

  private static ConfigException bad(String path, String factor, String why) {
    return new ConfigException(
        "factor '" + factor + "': path '" + path + "' does not exist: " + why);
  }
}
