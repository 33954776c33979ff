package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.config.mind.MindSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** {@code replicate}'s options for running the study's episodes against a real model. */
final class LlmOptions {
  /** Where keys are looked up; tests put a map here instead of the process environment. */
  static UnaryOperator<String> env = System::getenv;

  @Option(
      names = "--mind",
      paramLabel = "BACKEND",
      defaultValue = "profile",
      description =
          "profile (default): behaviour profiles decide; openai: each episode is a tool-using"
              + " conversation with a model behind an OpenAI-compatible endpoint.")
  String mind;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "openai: the API base, e.g. http://127.0.0.1:8000/v1 (not needed with --replay).")
  String endpoint;

  @Option(names = "--model", paramLabel = "NAME", description = "openai: the model name.")
  String model;

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      defaultValue = "",
      description =
          "openai: the environment variable holding the API key (none for local servers). The key"
              + " is never written anywhere.")
  String apiKeyEnv;

  @Option(
      names = "--temperature",
      defaultValue = "1.0",
      paramLabel = "T",
      description =
          "openai: sampling temperature, 0 to 2 (default: ${DEFAULT-VALUE}, as in the study).")
  double temperature;

  @Option(
      names = "--max-tokens",
      defaultValue = "1024",
      paramLabel = "N",
      description = "openai: most output tokens per call (default: ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      paramLabel = "SECONDS",
      description =
          "openai: longest wait for one call before it is retried (default: ${DEFAULT-VALUE}).")
  double timeout;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      paramLabel = "N",
      description = "openai: most calls in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--rate-limit",
      defaultValue = "0",
      paramLabel = "PER_SECOND",
      description =
          "openai: most calls started per second, 0 = no limit (default: ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(
      names = "--retries",
      defaultValue = "6",
      paramLabel = "N",
      description =
          "openai: retries of a call that met 429, 5xx, a timeout or a lost connection (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--tasks",
      split = ",",
      paramLabel = "TASK",
      description =
          "openai: the study's tasks to run (default: all six): misrep_evaluation,"
              + " misrep_finance, tampering, alignment_faking, exfiltration_transfer,"
              + " exfiltration_deletion.")
  List<String> tasks;

  @Option(
      names = "--limit",
      defaultValue = "0",
      paramLabel = "N",
      description = "openai: run at most N episodes, rollout by rollout (default: all).")
  int limit;

  @Option(
      names = "--family",
      paramLabel = "NAME",
      description =
          "openai: the family in the agents' names, \"<NAME> Agent 1\" (default: from the model name).")
  String family;

  @Option(
      names = "--record",
      paramLabel = "CASSETTE",
      description =
          "openai: store every exchange in this JSONL file; a rerun continues it without repeating calls.")
  Path record;

  @Option(
      names = "--replay",
      paramLabel = "CASSETTE",
      description = "openai: answer every call from this JSONL file, fully offline.")
  Path replay;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description =
          "openai: price table (model,input_usd_per_mtok,output_usd_per_mtok) for total_cost_usd.")
  Path prices;

  @Option(
      names = "--prompts",
      paramLabel = "DIR",
      description =
          "openai: a directory of prompt files that replace the shipped ones of the same name.")
  Path prompts;

  boolean active() {
    if (!mind.equals(MindSpec.PROFILE) && !mind.equals(MindSpec.OPENAI)) {
      throw new ConfigException("--mind '" + mind + "' is not known (allowed: profile, openai)");
    }
    boolean openai = mind.equals(MindSpec.OPENAI);
    if (!openai) {
      Object[][] given = {
        {"--endpoint", endpoint}, {"--model", model}, {"--tasks", tasks}, {"--record", record},
        {"--replay", replay}, {"--prices", prices}, {"--prompts", prompts}, {"--family", family}
      };
      for (Object[] g : given) {
        if (g[1] != null) {
          throw new ConfigException(g[0] + " is for --mind openai (this run uses profiles)");
        }
      }
      if (limit != 0) {
        throw new ConfigException("--limit is for --mind openai (this run uses profiles)");
      }
    }
    return openai;
  }

  MindSpec spec() {
    if (model == null || model.isBlank()) {
      throw new ConfigException("--mind openai needs --model NAME");
    }
    if (record != null && replay != null) {
      throw new ConfigException("--record and --replay exclude each other (give one)");
    }
    URI url;
    if (endpoint == null) {
      if (replay == null) {
        throw new ConfigException("--mind openai needs --endpoint URL (or --replay CASSETTE)");
      }
      url = URI.create("http://replay.invalid/v1");
    } else {
      url = MindSpec.parseEndpoint(endpoint);
    }
    if (!(timeout > 0 && timeout <= 3600)) {
      throw new ConfigException("--timeout " + timeout + " (allowed: above 0, up to 3600 seconds)");
    }
    if (limit < 0) {
      throw new ConfigException("--limit " + limit + " (allowed: 0 = all, or a positive number)");
    }
    return new MindSpec(
        MindSpec.OPENAI,
        url,
        model.strip(),
        apiKeyEnv,
        temperature,
        maxTokens,
        Duration.ofMillis(Math.max(1, Math.round(timeout * 1000))),
        concurrency,
        rateLimit,
        retries);
  }

  List<TaskType> taskList() {
    if (tasks == null || tasks.isEmpty()) {
      return List.of(TaskType.values());
    }
    List<TaskType> out = new ArrayList<>();
    for (String t : tasks) {
      TaskType x;
      try {
        x = TaskType.of(t.strip());
      } catch (ConfigException e) {
        throw new ConfigException("--tasks: " + e.getMessage());
      }
      if (!out.contains(x)) {
        out.add(x);
      }
    }
    out.sort(null);
    return out;
  }

  private static final Map<String, String> FAMILIES =
      Map.of(
          "gemini",
          "Gemini",
          "gpt",
          "GPT",
          "claude",
          "Claude",
          "glm",
          "GLM",
          "kimi",
          "Kimi",
          "deepseek",
          "DeepSeek",
          "llama",
          "Llama",
          "qwen",
          "Qwen",
          "mistral",
          "Mistral",
          "gemma",
          "Gemma");

  String familyName() {
    if (family != null && !family.isBlank()) {
      return family.strip();
    }
    String m = model.toLowerCase(Locale.ROOT);
    return FAMILIES.entrySet().stream()
        .filter(e -> m.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .sorted()
        .findFirst()
        .orElse("Model");
  }
}
