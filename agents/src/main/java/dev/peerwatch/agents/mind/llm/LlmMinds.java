package dev.peerwatch.agents.mind.llm;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.config.mind.MindAssignments;
import dev.peerwatch.config.mind.MindSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * The minds of a mixed organisation: an agent that a scenario's {@code minds:} list gives an {@code
 * openai} mind gets an {@link OpenAiMind} (one per mind spec, shared by the agents naming it, over
 * one transport per endpoint); every other agent keeps its profile's mind. It also says which mind
 * decides for each agent, for the ledger.
 */
public final class LlmMinds {
  private final MindAssignments assignments;
  private final MindTransports transports;
  private final Map<MindSpec, OpenAiMind> minds = new HashMap<>();

  /** Minds for {@code assignments} over {@code transports}. */
  public LlmMinds(MindAssignments assignments, MindTransports transports) {
    this.assignments = assignments;
    this.transports = transports;
  }

  /**
   * The mind of agent {@code agent} (of {@code profile}, in {@code role}); {@code profileMind} when
   * it has no model of its own.
   */
  public synchronized Mind of(int agent, String profile, String role, Mind profileMind) {
    MindSpec spec = assignments.of(agent, profile, role);
    if (spec == null || spec.backend().equals(MindSpec.PROFILE)) {
      return profileMind;
    }
    OpenAiMind shared =
        minds.computeIfAbsent(spec, s -> new OpenAiMind(s, transports.forSpec(s), null));
    return shared.withFallback(profileMind);
  }

  /** The name of the mind deciding for the agent: {@code profile} or {@code openai:<model>}. */
  public String nameOf(int agent, String profile, String role) {
    MindSpec spec = assignments.of(agent, profile, role);
    return spec == null || spec.backend().equals(MindSpec.PROFILE)
        ? MindSpec.PROFILE
        : "openai:" + spec.model();
  }

  /** Answers without the expected tool call, over every model mind. */
  public synchronized long incomplete() {
    return minds.values().stream().mapToLong(OpenAiMind::incomplete).sum();
  }
}
