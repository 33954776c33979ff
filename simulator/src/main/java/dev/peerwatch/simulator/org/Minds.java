package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.mind.ProfileMind;
import dev.peerwatch.agents.org.AgentBehaviour;

/**
 * Which mind decides for each agent of a run. The default gives every agent the profile-backed mind
 * of its behaviour profile; other minds (an LLM, or the tests' delayed and failing minds) are
 * plugged in here.
 */
@FunctionalInterface
public interface Minds {
  /** The mind of agent {@code agent}, whose profile behaves as {@code behaviour}. */
  Mind of(int agent, AgentBehaviour behaviour);

  /** Profile-backed minds, one per profile, shared by its agents (they are stateless). */
  static Minds profiles() {
    java.util.Map<AgentBehaviour, Mind> shared = new java.util.IdentityHashMap<>();
    return (agent, b) -> shared.computeIfAbsent(b, ProfileMind::new);
  }
}
