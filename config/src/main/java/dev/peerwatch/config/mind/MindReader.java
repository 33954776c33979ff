package dev.peerwatch.config.mind;

import dev.peerwatch.config.YamlTree;
import java.time.Duration;
import java.util.Set;

/**
 * Reads a {@code mind:} block of a scenario or profile: {@code {backend: openai, endpoint, model,
 * api_key_env, temperature, max_tokens, timeout, concurrency, rate_limit, retries}}. Unknown keys
 * are errors naming their position; {@code timeout} is in seconds.
 */
public final class MindReader {
  private static final Set<String> KEYS =
      Set.of(
          "backend",
          "endpoint",
          "model",
          "api_key_env",
          "temperature",
          "max_tokens",
          "timeout",
          "concurrency",
          "rate_limit",
          "retries");

  private MindReader() {}

  /** The mind described by {@code node}. */
  public static MindSpec read(YamlTree.Node node) {
    YamlTree.MapNode m = node.asMap();
    m.allowOnly(KEYS);
    String backend = text(m, "backend", MindSpec.PROFILE);
    if (!backend.equals(MindSpec.PROFILE) && !backend.equals(MindSpec.OPENAI)) {
      throw m.get("backend")
          .error("backend '" + backend + "' is not known (allowed: profile, openai)");
    }
    if (backend.equals(MindSpec.PROFILE)) {
      return new MindSpec(
          MindSpec.PROFILE, null, "", "", 1.0, 1024, Duration.ofSeconds(120), 1, 0, 0);
    }
    YamlTree.Node ep = m.require("endpoint");
    java.net.URI endpoint;
    try {
      endpoint = MindSpec.parseEndpoint(ep.asScalar().asText());
    } catch (dev.peerwatch.config.ConfigException e) {
      throw ep.error(e.getMessage());
    }
    MindSpec d = MindSpec.openai(endpoint, "x");
    return new MindSpec(
        backend,
        endpoint,
        m.require("model").asScalar().asText(),
        text(m, "api_key_env", ""),
        m.get("temperature") == null
            ? d.temperature()
            : m.get("temperature").asScalar().asDouble(0, 2),
        m.get("max_tokens") == null
            ? d.maxTokens()
            : (int) m.get("max_tokens").asScalar().asLong(1, 1_000_000),
        m.get("timeout") == null
            ? d.timeout()
            : Duration.ofMillis(
                Math.round(m.get("timeout").asScalar().asDouble(0.001, 3600) * 1000)),
        m.get("concurrency") == null
            ? d.concurrency()
            : (int) m.get("concurrency").asScalar().asLong(1, 1024),
        m.get("rate_limit") == null ? 0 : m.get("rate_limit").asScalar().asDouble(0, 100_000),
        m.get("retries") == null ? d.retries() : (int) m.get("retries").asScalar().asLong(0, 100));
  }

  private static String text(YamlTree.MapNode m, String key, String dflt) {
    YamlTree.Node n = m.get(key);
    return n == null ? dflt : n.asScalar().asText();
  }
}
