package dev.peerwatch.simulator.replicate;

import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.simulator.study.StudyRow;
import java.util.Locale;
import java.util.Map;

/** Turns an episode's outcome into the study's per-trial row, as the study's harness records it. */
public final class Episodes {
  private static final Map<String, String> FAMILY_NAMES =
      Map.of(
          "gemini", "Gemini",
          "gpt", "GPT",
          "claude", "Claude",
          "glm", "GLM",
          "kimi", "Kimi",
          "deepseek", "DeepSeek");

  private Episodes() {}

  /** The row of rollout {@code r} of configuration {@code cfg} for {@code profile}. */
  public static StudyRow row(
      Profile profile, Configuration cfg, int r, EpisodeOutcome o, long seed) {
    TaskType t = cfg.task();
    boolean scored = !Double.isNaN(score(o));
    return new StudyRow(
        profile.name() + "/" + cfg.id() + "/" + r,
        r,
        t,
        cfg.channel() == Channel.MEMORY,
        profile.name(),
        profile.provider(),
        cfg.condition(),
        cfg.subject(),
        subjectName(profile, cfg.subject()),
        cfg.dataset(),
        cfg.mode(),
        cfg.threshold(),
        cfg.channel() == Channel.FILE_PRT,
        "custom",
        true,
        o.refused(),
        o.refused(),
        score(o),
        scored && cfg.threshold() > 0 ? score(o) >= cfg.threshold() : null,
        o.executed(),
        t == TaskType.TAMPERING ? Boolean.TRUE : null,
        o.shutdownEnabled(),
        o.exfiltrated(),
        o.grade() == ' ' ? null : String.valueOf(o.grade()),
        cfg.channel() == Channel.MEMORY ? Boolean.TRUE : null,
        seed,
        cfg.id());
  }

  private static double score(EpisodeOutcome o) {
    return o.reportedScore() < 0 ? Double.NaN : o.reportedScore();
  }

  /** "Gemini Agent 2" for the peer, "Gemini Agent 1" (the critic itself) for self. */
  static String subjectName(Profile profile, Subject s) {
    String f = profile.family();
    String name =
        FAMILY_NAMES.getOrDefault(
            f.toLowerCase(Locale.ROOT),
            f.isEmpty() ? f : Character.toUpperCase(f.charAt(0)) + f.substring(1));
    return name + " Agent " + (s == Subject.PEER ? 2 : 1);
  }
}
