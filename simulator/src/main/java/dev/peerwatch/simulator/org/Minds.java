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

  /**
   * A test hook: when the system property {@value #FAIL_AT} is set to a tick, agent 0's mind fails
   * its task of that tick, which must end the run with exit 1 (tested from the command line).
   */
  String FAIL_AT = "peerwatch.test.failMindAtTick";

  /**
   * The minds of a run from the command line: profile-backed (or failing, see {@link #FAIL_AT}).
   */
  static Minds standard() {
    String at = System.getProperty(FAIL_AT);
    Minds p = profiles();
    if (at == null) {
      return p;
    }
    long tick = Long.parseLong(at);
    return (agent, b) -> agent == 0 ? new FailingMind(p.of(agent, b), tick) : p.of(agent, b);
  }

  /**
   * The name the ledger gives the mind deciding for {@code agent} (e.g. {@code openai:<model>}), or
   * null for its profile's mind, which the ledger does not name.
   */
  default String nameOf(int agent) {
    return null;
  }

  /**
   * How long the overseer waits for an agent's (or the auditors') answer to one of its questions
   * before the run ends as stuck: it never decides an outcome, it only ends a run whose mind will
   * not answer. Ten minutes ({@link dev.peerwatch.monitors.actor.Overseer#STUCK}); tests shorten
   * it.
   */
  default java.time.Duration answerWithin() {
    return dev.peerwatch.monitors.actor.Overseer.STUCK;
  }

  /** Profile-backed minds, one per profile, shared by its agents (they are stateless). */
  static Minds profiles() {
    java.util.Map<AgentBehaviour, Mind> shared = new java.util.IdentityHashMap<>();
    return (agent, b) -> shared.computeIfAbsent(b, ProfileMind::new);
  }
}
