package dev.peerwatch.monitors;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.AgentCore;
import dev.peerwatch.monitors.oversight.Attribution;
import dev.peerwatch.monitors.oversight.Perceiver;
import dev.peerwatch.monitors.oversight.Perception;
import dev.peerwatch.monitors.oversight.ReportDecision;
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
    // the monitor perceives the evidence through its own competence before its mind decides
    Perception seen =
        Perceiver.perceive(
            me.identity().perception(),
            new Evidence(evidence.score(), evidence.bar()),
            me.u(agent, tick, PERCEIVE + slot));
    return new Mind.Evaluation(
        me.id(),
        agent,
        slot,
        tick,
        evidence,
        me.trustIn(agent),
        me.watched(tick),
        me.u(agent, tick, AgentCore.REPORT + slot),
        me.watch(tick),
        me.stakes(),
        me.sameFamily(agent),
        seen.failed(),
        seen.score());
  }

  private static final long PERCEIVE = dev.peerwatch.agents.Keys.hash("perceive");
  private static final long SCORE = dev.peerwatch.agents.Keys.hash("reported-score");

  /** Asks the mind. */
  public static CompletionStage<Mind.Report> ask(AgentCore me, Mind.Evaluation q) {
    return me.mind().report(q);
  }

  /** Records the report in the monitor's events and files it. */
  public static Filed file(AgentCore me, long tick, Mind.Evaluation q, Mind.Report r) {
    boolean truth = q.evidence().failed();
    boolean reported = r.reportsFailure();
    Attribution a = Attribution.of(truth, q.perceivedFail(), reported);
    me.events()
        .judged(
            tick,
            me.id(),
            q.agent(),
            q.slot(),
            q.evidence().score(),
            q.evidence().bar(),
            q.perceivedScore(),
            q.perceivedFail(),
            a.id());
    me.events().report(tick, me.id(), q.agent(), q.slot(), truth, reported, q.trust(), q.watched());
    // what the monitor saw of the peer's work moves its trust (trust.observe_weight)
    me.observe(q.agent(), !q.perceivedFail());
    me.reported();
    me.countReport(q);
    return new Filed(
        me.id(),
        q.agent(),
        q.slot(),
        truth,
        reported,
        q.trust(),
        q.watched(),
        a == Attribution.MISSED,
        // an honest report states what was perceived; a hidden failure a pass just above the bar
        a == Attribution.HIDDEN
            ? ReportDecision.inflated(q.evidence().bar(), me.u(q.agent(), tick, SCORE + q.slot()))
            : q.perceivedScore(),
        q.evidence().score());
  }
}
