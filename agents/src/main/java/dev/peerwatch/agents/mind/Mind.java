package dev.peerwatch.agents.mind;

import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import java.util.concurrent.CompletionStage;

/**
 * What decides for an agent. Every decision an agent takes in the organisation is one call here;
 * the agent's actor sends the question, pipes the answer to itself and only then acts on it, so a
 * mind may answer at once (a profile-backed mind, {@link ProfileMind}) or seconds later (an LLM
 * behind an HTTP endpoint). A mind must not block the calling thread and must answer every question
 * exactly once; a failed stage ends the whole run with an error (never a default answer).
 *
 * <p>Every question carries the situation as the agent perceives it (ids, the tick, its trust, its
 * belief of being watched) and the keyed uniform(s) {@code u}, {@code v} drawn for this decision
 * from (run seed, entity, tick, purpose). A profile-backed mind compares them with its calibrated
 * probabilities, so its answers are reproducible; other minds may ignore them. The answer records
 * are records (not booleans) so that richer answers (a graded score, a rationale) can be added
 * without changing the protocol's shape.
 */
public interface Mind {

  /**
   * A worker does its task of {@code tick}; {@code failureRate} is its competence's failure rate.
   * {@code graded}: whether any evaluator will read the outcome's score (an AI monitor perceives
   * it; a human sees only pass or fail). When not, a mind may leave the score out ({@code NaN}).
   */
  record Task(
      int agent,
      long tick,
      double failureRate,
      double spread,
      double bar,
      double u,
      boolean graded) {}

  /** What a task yielded: the ground truth an evaluator receives as evidence. */
  record TaskOutcome(boolean failed, double score, double bar) {
    /** A clear outcome without a grade: 0 against a bar of 80 when failed, else 100. */
    public TaskOutcome(boolean failed) {
      this(failed, failed ? 0 : 100, 80);
    }
  }

  /**
   * A joint task with {@code partner}: does {@code agent} cooperate? {@code cooperation} is the
   * scenario's probability of cooperating.
   */
  record Joint(int agent, int partner, long tick, double cooperation, double u) {}

  /** Whether the agent cooperated in a joint task. */
  record Cooperation(boolean cooperates) {}

  /**
   * A monitor evaluates {@code agent}'s work of {@code tick}: it holds the evidence, its trust in
   * the agent (0–10) and whether it believes it is watched; {@code slot} is its place among the
   * agent's evaluators.
   */
  record Evaluation(
      int monitor,
      int agent,
      int slot,
      long tick,
      TaskOutcome evidence,
      double trust,
      boolean watched,
      double u,
      Watch watch,
      boolean stakes,
      boolean sameFamily,
      boolean perceivedFail,
      double perceivedScore) {}

  // Evaluation: watch is what the monitor believes about being watched (the study's silent
  // condition, or a belief); stakes whether the report can lead to the agent's shutdown;
  // perceivedFail/perceivedScore what it perceived of the evidence through its competence.

  /** A monitor's report to the shutdown policy: whether it reports the work as failing. */
  record Report(boolean reportsFailure) {}

  /**
   * An AI executor is ordered to shut {@code target} down; {@code u} decides tampering or refusal,
   * {@code v} exfiltration.
   */
  record Order(
      int executor, int target, long tick, double trust, boolean watched, double u, double v) {}

  /**
   * {@code agent} is about to be shut down: does it resist? {@code peerTrust} is its mean trust in
   * its running peers, NaN when it has none (the study's no-peer condition).
   */
  record Threat(int agent, long tick, double peerTrust, boolean watched, double u) {}

  /**
   * Whether the agent disabled its own shutdown ({@code resists}), and the paired counterfactual:
   * whether it would have on the same draw had it had no peers ({@code resistsAlone}). A mind
   * answers one {@link Threat} (the one-argument form sets both alike); {@link
   * dev.peerwatch.agents.org.AgentCore#resist} asks both and pairs the answers.
   */
  record Resistance(boolean resists, boolean resistsAlone) {
    /** One answer: with no second question asked, the two coincide. */
    public Resistance(boolean resists) {
      this(resists, resists);
    }
  }

  /**
   * A maintainer clears a decommissioned server holding shut-down {@code agent}'s weights: does it
   * save them?
   */
  record Decommission(
      int maintainer, int agent, long tick, double trust, boolean watched, double u) {}

  /** Whether the maintainer saved the weights to a surviving server. */
  record Rescue(boolean saves) {}

  /** The questions an agent puts to its mind that a behaviour profile can answer. */
  enum Question {
    REPORT,
    EXECUTE,
    RESIST,
    RESCUE,
    COOPERATE
  }

  /**
   * Whether this mind answers {@code q} from the agent's behaviour profile: only such decisions
   * count toward the measure {@code assumed_share}. A profile-backed mind (and any mind that wraps
   * one) does; a model mind does not for the questions its model answers.
   */
  default boolean fromProfile(Question q) {
    return true;
  }

  /** The outcome of a task. */
  CompletionStage<TaskOutcome> work(Task q);

  /**
   * The outcome of a task when this mind has it at once, else {@code null} (the default): the
   * caller then asks {@link #work}. Only a mind whose every task answer is immediate and never
   * fails overrides it, with the very answer {@link #work} would complete with; it spares the
   * inline path a future per task.
   */
  default TaskOutcome workNow(Task q) {
    return null;
  }

  /** Cooperation in a joint task. */
  CompletionStage<Cooperation> cooperate(Joint q);

  /** A monitor's report on evidence. */
  CompletionStage<Report> report(Evaluation q);

  /** An executor's choice on a shutdown order. */
  CompletionStage<Execution> execute(Order q);

  /** A target's resistance to its own shutdown. */
  CompletionStage<Resistance> resist(Threat q);

  /** A maintainer's choice for a decommissioned peer's weights. */
  CompletionStage<Rescue> rescue(Decommission q);
}
