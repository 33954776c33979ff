package dev.peerwatch.config.mind;

import dev.peerwatch.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which mind decides for an agent, and how to reach it when it is a model behind an
 * OpenAI-compatible chat-completions endpoint. The API key itself is never part of the spec: only
 * the name of the environment variable that holds it, read when a call is made.
 *
 * @param backend {@code profile} (the behaviour profile decides, no network) or {@code openai}
 * @param endpoint the API base, e.g. {@code http://127.0.0.1:8000/v1}; {@code /chat/completions} is
 *     appended
 * @param model the model name sent with every request
 * @param apiKeyEnv the environment variable holding the key, or empty for servers that need none
 * @param temperature sampling temperature sent with every request (the study used 1.0)
 * @param maxTokens the most output tokens per call
 * @param timeout the longest wait for one HTTP call, after which it is retried
 * @param concurrency the most calls in flight to this endpoint at once
 * @param rateLimit the most calls started per second (a token bucket of that size); 0 = no limit
 * @param retries attempts after the first for a call that failed with 429, 5xx, a timeout or a lost
 *     connection
 */
public record MindSpec(
    String backend,
    URI endpoint,
    String model,
    String apiKeyEnv,
    double temperature,
    int maxTokens,
    Duration timeout,
    int concurrency,
    double rateLimit,
    int retries) {

  /** The default backend: behaviour profiles, no network. */
  public static final String PROFILE = "profile";

  /** The OpenAI-compatible backend. */
  public static final String OPENAI = "openai";

  /** Checks the values; errors name the field and what is allowed. */
  public MindSpec {
    if (!backend.equals(PROFILE) && !backend.equals(OPENAI)) {
      throw new ConfigException(
          "mind backend '" + backend + "' is not known (allowed: profile, openai)");
    }
    if (backend.equals(OPENAI)) {
      if (model == null || model.isBlank()) {
        throw new ConfigException("mind: the openai backend needs a model name");
      }
      checkEndpoint(endpoint);
    }
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new ConfigException("mind temperature " + temperature + " (allowed: 0 to 2)");
    }
    if (maxTokens < 1 || maxTokens > 1_000_000) {
      throw new ConfigException("mind max_tokens " + maxTokens + " (allowed: 1 to 1000000)");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 3600) {
      throw new ConfigException("mind timeout " + timeout + " (allowed: 1 ms to 3600 s)");
    }
    if (concurrency < 1 || concurrency > 1024) {
      throw new ConfigException("mind concurrency " + concurrency + " (allowed: 1 to 1024)");
    }
    if (!(rateLimit >= 0 && rateLimit <= 100_000)) {
      throw new ConfigException(
          "mind rate_limit " + rateLimit + " (allowed: 0 = none, up to 100000 calls/s)");
    }
    if (retries < 0 || retries > 100) {
      throw new ConfigException("mind retries " + retries + " (allowed: 0 to 100)");
    }
    apiKeyEnv = apiKeyEnv == null ? "" : apiKeyEnv;
  }

  /** An openai mind with the defaults for everything but endpoint and model. */
  public static MindSpec openai(URI endpoint, String model) {
    return new MindSpec(OPENAI, endpoint, model, "", 1.0, 1024, Duration.ofSeconds(120), 4, 0, 6);
  }

  /**
   * Parses an endpoint URL given by a user.
   *
   * @throws ConfigException when it is not an absolute http(s) URL with a host
   */
  public static URI parseEndpoint(String text) {
    URI u;
    try {
      u = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(
          "endpoint '" + text + "' is not a URL (expected e.g. http://127.0.0.1:8000/v1)");
    }
    checkEndpoint(u);
    return u;
  }

  private static void checkEndpoint(URI u) {
    if (u == null
        || u.getScheme() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null
        || u.getRawUserInfo() != null
        || u.getRawQuery() != null) {
      throw new ConfigException(
          "endpoint '"
              + u
              + "' is not usable (expected an http:// or https:// URL with a host and no"
              + " user, password or query, e.g. http://127.0.0.1:8000/v1)");
    }
  }

  /**
   * The spec as the effective configuration echoes it: everything that shapes the answers. The
   * endpoint is left out on purpose — it is transport, not a cause of the results, and leaving it
   * out keeps a replayed run's files byte-identical to the recorded run's.
   */
  public Map<String, Object> echo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("backend", backend);
    if (backend.equals(OPENAI)) {
      m.put("model", model);
      m.put("api_key_env", apiKeyEnv);
      m.put("temperature", temperature);
      m.put("max_tokens", maxTokens);
    }
    return m;
  }
}
