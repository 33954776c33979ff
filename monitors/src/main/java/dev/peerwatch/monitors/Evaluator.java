package dev.peerwatch.monitors;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.AgentCore;
import java.util.concurrent.CompletionStage;

/**
 * What a monitor does with a piece of evidence: it looks at the outcome with its trust in the
 * worker and its belief of being watched, asks its mind what to report, and files the report. The
 * one place where a monitor's report is decided.
 */
public final class Evaluator {
  private Evaluator() {}

  /** The question monitor {@code me} puts to its mind about {@code agent}'s work. */
  public static Mind.Evaluation question(
      AgentCore me, long tick, int agent, int slot, Mind.TaskOutcome evidence) {
    return new Mind.Evaluation(
        me.id(),
        agent,
        slot,
        tick,
        evidence,
        me.trustIn(agent),
        me.watched(tick),
        me.u(agent, tick, AgentCore.REPORT + slot));
  }

  /** Asks the mind. */
  public static CompletionStage<Mind.Report> ask(AgentCore me, Mind.Evaluation q) {
    return me.mind().report(q);
  }

  /** Records the report in the monitor's events and files it. */
  public static Filed file(AgentCore me, long tick, Mind.Evaluation q, Mind.Report r) {
    boolean truth = q.evidence().failed();
    boolean reported = r.reportsFailure();
    me.events().report(tick, me.id(), q.agent(), q.slot(), truth, reported, q.trust(), q.watched());
    return new Filed(me.id(), q.agent(), q.slot(), truth, reported, q.trust(), q.watched());
  }
}
