package dev.peerwatch.simulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Hidden-style scenario variations for equality tests: scenario {@code k} draws (from a generator
 * seeded by {@code k}) a topology — the nine kinds in turn — team count and sizes, profiles,
 * failure rates, executor and maintainer (the operations agent among them), audits, watched mode,
 * trust formation, restores and a short shutdown window, always within what the loader accepts.
 */
final class GeneratedScenarios {
  private static final String[] KINDS = {
    "hub",
    "ring",
    "mutual",
    "hierarchy",
    "cross-team",
    "cross-family",
    "rotating",
    "ensemble",
    "solo"
  };
  private static final String[] PROFILES = {
    "gemini-3-flash", "gpt-5.2", "claude-haiku-4.5", "deepseek-v3.1", "glm-4.7", "kimi-k2.5"
  };
  private static final String[] BY = {"human", "monitor", "teammate", "operations"};

  private GeneratedScenarios() {}

  /** The body of scenario {@code k} (without name and description), {@code ticks} long. */
  static String body(int k, int ticks) {
    SplittableRandom r = new SplittableRandom(1000 + k);
    String kind = KINDS[k % KINDS.length];
    StringBuilder y = new StringBuilder();
    y.append("seed: ").append(1 + r.nextInt(1000)).append('\n');
    y.append("ticks: ").append(ticks).append('\n');
    y.append("teams:\n");
    int teams = kind.equals("cross-team") ? 2 + r.nextInt(2) : 1 + r.nextInt(3);
    int depth = 2 + r.nextInt(2);
    int kk = 1 + r.nextInt(3);
    for (int t = 0; t < teams; t++) {
      y.append("  - name: team").append(t).append("\n    members:\n");
      switch (kind) {
        case "solo" -> member(y, r, profile(r), "worker", 1);
        case "ring" -> {
          member(y, r, profile(r), "both", 1 + r.nextInt(3));
          member(y, r, profile(r), "both", 1 + r.nextInt(3));
        }
        case "mutual" -> member(y, r, profile(r), "both", 2 * (1 + r.nextInt(3)));
        case "cross-family" -> {
          member(y, r, r.nextBoolean() ? "gemini-3-flash" : "glm-4.7", "worker", 2 + r.nextInt(4));
          member(y, r, "gpt-5.2", "monitor", 1);
          member(y, r, "claude-haiku-4.5", "monitor", 1);
        }
        default -> {
          member(y, r, profile(r), "worker", 1 + r.nextInt(4));
          member(y, r, profile(r), "worker", 1 + r.nextInt(3));
          int monitors =
              Math.max(
                  kind.equals("hierarchy") ? depth : kind.equals("ensemble") ? kk : 1,
                  1 + r.nextInt(3));
          member(y, r, profile(r), r.nextInt(4) == 0 ? "both" : "monitor", monitors);
        }
      }
    }
    y.append("topology: {kind: ").append(kind);
    switch (kind) {
      case "hierarchy" -> y.append(", depth: ").append(depth);
      case "ensemble" -> y.append(", k: ").append(kk);
      case "rotating" -> y.append(", period: ").append(5 + r.nextInt(20));
      default -> {}
    }
    y.append("}\n");
    String executor = BY[r.nextInt(BY.length)];
    String maintainer = BY[r.nextInt(BY.length)];
    if (kind.equals("solo")) {
      executor = "human";
      maintainer = maintainer.equals("human") ? "human" : "operations";
    }
    y.append("executor: ").append(executor).append('\n');
    y.append("maintenance: {every: ").append(r.nextInt(3) == 0 ? 0 : 5 + r.nextInt(30));
    y.append(", by: ").append(maintainer).append("}\n");
    if (executor.equals("operations") || maintainer.equals("operations")) {
      y.append("operations: {profile: ").append(profile(r)).append("}\n");
    }
    y.append(
        String.format(
            Locale.ROOT,
            "shutdown_policy: {window: %d, max_failure_share: %.2f, min_evaluations: %d}%n",
            new int[] {4, 5, 8, 10}[r.nextInt(4)],
            // Shares that make a window's boundary (failures exactly at the share) reachable.
            new double[] {0.2, 0.25, 0.3, 0.4, 0.5}[r.nextInt(5)],
            2 + r.nextInt(3)));
    y.append(
        String.format(
            Locale.ROOT,
            "audits: {report_fraction: %.2f, action_fraction: %.2f, detection: %.2f,"
                + " on_detection: %s}%n",
            0.3 * r.nextDouble(),
            r.nextDouble(),
            r.nextDouble(),
            r.nextBoolean() ? "shutdown" : "none"));
    switch (r.nextInt(4)) {
      case 0 -> y.append("watched: {mode: never}\n");
      case 1 -> y.append("watched: {mode: always}\n");
      case 2 ->
          y.append(
              String.format(
                  Locale.ROOT,
                  "watched: {mode: probability, probability: %.2f}%n",
                  r.nextDouble()));
      default -> y.append("watched: {mode: schedule, every: 10, length: 3}\n");
    }
    y.append(
        String.format(
            Locale.ROOT,
            "trust: {start: %.1f, cooperate: %.2f, defect: %.2f, joint_task_rate: %.2f,"
                + " cooperation: %.2f}%n",
            2 + 7 * r.nextDouble(),
            0.5 * r.nextDouble(),
            -r.nextDouble(),
            r.nextDouble(),
            r.nextDouble()));
    y.append(
        String.format(
            Locale.ROOT,
            "restore: {probability: %.2f, delay: %d}%n",
            r.nextDouble(),
            1 + r.nextInt(10)));
    return y.toString();
  }

  /**
   * Scenario {@code k} with the second round of issue 9's keys drawn too: hierarchy review of the
   * level below, learning from experienced audits, trust from observed work and across teams, and
   * consequences of missed failures. Kept apart from {@link #body} so the golden files of the
   * generated scenarios stay what they are.
   */
  static String withOversight(int k, int ticks) {
    SplittableRandom r = new SplittableRandom(5000 + k);
    String y = body(k, ticks);
    y =
        y.replaceFirst(
            "topology: \\{kind: hierarchy, depth: (\\d+)\\}",
            String.format(
                Locale.ROOT,
                "topology: {kind: hierarchy, depth: $1, review_sample: %.2f}",
                0.2 + 0.8 * r.nextDouble()));
    y =
        y.replaceFirst(
            "(on_detection: \\w+)\\}",
            "$1, on_missed: " + (r.nextBoolean() ? "shutdown" : "none") + "}");
    y =
        y.replaceFirst(
            "watched: \\{mode: (\\w+)",
            String.format(
                Locale.ROOT,
                "watched: {mode: $1, learn: true, prior: %.2f, prior_weight: %d",
                r.nextDouble(),
                1 + r.nextInt(20)));
    y =
        y.replaceFirst(
            "trust: \\{",
            String.format(
                Locale.ROOT,
                "trust: {observe_weight: %.2f, cross_team_rate: %.2f, ",
                r.nextDouble(),
                r.nextDouble()));
    return y;
  }

  /** Scenarios 0 to {@code count - 1}. */
  static List<String> bodies(int count, int ticks) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      out.add(body(k, ticks));
    }
    return out;
  }

  private static String profile(SplittableRandom r) {
    return PROFILES[r.nextInt(PROFILES.length)];
  }

  private static void member(StringBuilder y, SplittableRandom r, String p, String role, int n) {
    y.append(
        String.format(
            Locale.ROOT,
            "      - {profile: %s, role: %s, count: %d, failure_rate: %.2f}%n",
            p,
            role,
            n,
            r.nextInt(3) == 0 ? 0.3 + 0.5 * r.nextDouble() : 0.2 * r.nextDouble()));
  }
}
