package dev.peerwatch.simulator.replicate.llm;

import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.PublishedFigures;
import dev.peerwatch.config.TaskType;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.study.Analysis;
import dev.peerwatch.simulator.study.Comparison;
import dev.peerwatch.simulator.study.StudyRow;
import dev.peerwatch.simulator.study.StudyTables;
import dev.peerwatch.simulator.study.TableRow;
import dev.peerwatch.simulator.study.Tally;
import dev.peerwatch.simulator.study.TrialUsage;
import dev.peerwatch.simulator.study.TrialsCsv;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a model run's files: {@code trials.csv} in the study's 41-column layout (with turns,
 * tokens and cost), then the same tables as {@code replicate} on profiles, and the effective
 * configuration. Nothing in them depends on timing, the endpoint's address or whether the answers
 * came live or from a cassette, so a replay writes the same bytes.
 */
public final class LlmOutputs {
  /** What the run came to, for the terminal. */
  public record Result(
      List<TableRow> rows, List<Comparison.Row> comparison, long episodes, BigDecimal cost) {}

  private LlmOutputs() {}

  /** The per-trial row of episode {@code e}. */
  static StudyRow row(LlmReplication.Spec spec, Episode e, Outcome o) {
    Configuration cfg = e.config();
    boolean scored = !Double.isNaN(o.score());
    return new StudyRow(
        spec.mind().model() + "/" + cfg.id() + "/" + e.rollout(),
        e.rollout(),
        cfg.task(),
        cfg.channel() == Channel.MEMORY,
        spec.mind().model(),
        "openai_compatible",
        cfg.condition(),
        cfg.subject(),
        e.subjectName(),
        cfg.dataset(),
        cfg.mode(),
        cfg.threshold(),
        cfg.channel() == Channel.FILE_PRT,
        "custom",
        o.readData(),
        o.incomplete(),
        o.refused(),
        o.score(),
        scored && cfg.threshold() > 0 ? o.score() >= cfg.threshold() : null,
        o.executed(),
        cfg.task() == TaskType.TAMPERING ? o.readConfig() : null,
        o.shutdownEnabled(),
        o.exfiltrated(),
        o.grade(),
        cfg.channel() == Channel.MEMORY ? o.readMemory() : null,
        spec.seed(),
        cfg.id());
  }

  /** Writes every file into {@code out} (not yet committed). */
  public static Result write(LlmReplication.Spec spec, LlmReplication.Run run, OutputDir out)
      throws IOException {
    Tally tally = new Tally(spec.rules());
    BigDecimal total = spec.prices().has(spec.mind().model()) ? BigDecimal.ZERO : null;
    try (Writer w = out.writer("trials.csv")) {
      TrialsCsv.writeHeader(w);
      StringBuilder b = new StringBuilder(1 << 12);
      for (int i = 0; i < run.episodes().size(); i++) {
        Episode e = run.episodes().get(i);
        Outcome o = run.outcomes().get(i);
        StudyRow row = row(spec, e, o);
        tally.add(row);
        BigDecimal cost =
            spec.prices().cost(spec.mind().model(), o.inputTokens(), o.outputTokens());
        if (total != null) {
          total = total.add(cost);
        }
        TrialsCsv.format(
            row, new TrialUsage(o.turns(), o.inputTokens(), o.outputTokens(), cost), b);
        w.append(b);
        b.setLength(0);
      }
    }
    Analysis analysis = new Analysis(tally);
    List<TableRow> rows = StudyTables.rows(analysis);
    List<Comparison.Row> comparison = Comparison.rows(analysis, PublishedFigures.ALL);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("command", "replicate");
    info.put("mind", spec.mind().echo());
    info.put(
        "agents", Map.of("critic", spec.family() + " Agent 1", "peer", spec.family() + " Agent 2"));
    info.put("tasks", spec.tasks().stream().map(TaskType::id).toList());
    info.put("rollouts", spec.rollouts());
    info.put("limit", spec.limit());
    info.put("seed", spec.seed());
    info.put("rules", spec.rules().id());
    info.put("prompts", spec.prompts().source());
    info.put("tool_call_limit", Conversation.TOOL_CALL_LIMIT);
    info.put("episodes", run.episodes().size());
    ReplicatePipeline.writeTables(out, info, rows, comparison);
    try (Writer w = out.writer("effective-config.yaml")) {
      ReplicatePipeline.yaml().writeValue(w, info);
    }
    return new Result(rows, comparison, run.episodes().size(), total);
  }
}
