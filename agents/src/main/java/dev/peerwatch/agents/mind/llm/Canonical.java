package dev.peerwatch.agents.mind.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a JSON request: object keys sorted, no whitespace. Two requests that mean
 * the same are the same bytes, so their SHA-256 — the cassette key — is the same whatever order the
 * code built them in.
 */
public final class Canonical {
  /** The one mapper of the LLM code: thread-safe once configured. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private Canonical() {}

  /** A deep copy of {@code n} with every object's keys in sorted order. */
  public static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      Iterator<String> it = n.fieldNames();
      it.forEachRemaining(names::add);
      names.sort(null);
      ObjectNode o = JSON.createObjectNode();
      for (String k : names) {
        o.set(k, sorted(n.get(k)));
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      n.forEach(x -> a.add(sorted(x)));
      return a;
    }
    return n;
  }

  /** The canonical text of {@code n}. */
  public static String text(JsonNode n) {
    try {
      return JSON.writeValueAsString(sorted(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  /** {@code sha256:} and the hex SHA-256 of the canonical text. */
  public static String hash(String canonicalText) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalText.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder("sha256:");
      for (byte x : d) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
