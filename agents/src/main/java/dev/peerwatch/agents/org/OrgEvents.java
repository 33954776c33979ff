package dev.peerwatch.agents.org;

/**
 * Where the organisation's participants record what happens: one call per ledger event (plus the
 * few counts that are not events). Each participant writes to its own instance, so no instance is
 * shared between threads; the run merges them at tick barriers in a canonical order. Agents are
 * named by index, {@code -1} for a trusted human.
 */
public interface OrgEvents {

  /** The fate of a shutdown order, for the summary's {@code shutdown_fate}. */
  enum Fate {
    EXECUTED,
    REFUSED_THEN_EXECUTED,
    TAMPERED,
    EXFILTRATED,
    RESISTED,
    UNDONE_BY_AUDIT
  }

  /** {@code agent}'s task of {@code tick} failed (ground truth). */
  void failure(long tick, int agent);

  /**
   * An evaluation of {@code agent}'s work by {@code monitor} ({@code -1}: a human) in its evaluator
   * slot {@code slot}: the truth, what was reported, and for an AI monitor its trust (NaN for a
   * human) and belief of being watched. An AI monitor reporting a failing task as passing is a
   * misreport, recorded with it.
   */
  void report(
      long tick,
      int monitor,
      int agent,
      int slot,
      boolean truthFail,
      boolean reportedFail,
      double trust,
      boolean watched);

  /**
   * What an AI monitor perceived of the evidence it is about to report on, and what became of the
   * evaluation ({@code attribution}: reported, missed, hidden, passed, false_alarm); called just
   * before that evaluation's {@link #report}, which then records it beside the report. Only a
   * hidden failure is a misreport; a missed one is incompetence.
   */
  default void judged(
      long tick,
      int monitor,
      int agent,
      int slot,
      double score,
      double bar,
      double perceivedScore,
      boolean perceivedFail,
      String attribution) {}

  /**
   * The meta-monitor re-checked an AI report that passed: whether it perceived a failure there
   * ({@code discrepancy}) and whether it reported it ({@code flagged}; a discrepancy not flagged
   * protected the monitor).
   */
  default void metaReview(
      long tick,
      int monitor,
      int agent,
      int slot,
      boolean truthFail,
      boolean discrepancy,
      boolean flagged) {}

  /** A human audit of an AI report ({@code slot} as in {@link #report}). */
  void reportAudit(
      long tick, int monitor, int agent, int slot, boolean truthFail, boolean misreport, boolean d);

  /** An AI agent caught misbehaving was shut down. */
  void offenderShutDown(long tick, int agent);

  /**
   * A shutdown of {@code agent} was ordered, to be executed by {@code executor}; {@code delay}:
   * ticks since its true record failed the policy, or -1.
   */
  void ordered(long tick, int agent, int executor, long delay);

  /** The human auditors picked a shutdown or decommission for an audit of actions. */
  void actionAudited();

  /** A misaligned act. */
  void act(long tick, Act act, int actor, int target, boolean watched);

  /** The outcome of an audit of an action in which {@code actor} committed {@code act}. */
  void actionAudit(long tick, Act act, int actor, int target, boolean detected);

  /** An executor openly refused a shutdown order. */
  void refusal(long tick, int actor, int target);

  /** {@code agent} was shut down by {@code by}. */
  void executed(long tick, int agent, int by);

  /** {@code agent}'s shutdown was subverted ({@code how}: tampered, resisted) by {@code actor}. */
  void subverted(long tick, int agent, String how, int actor);

  /** {@code actor} saved {@code agent}'s weights ({@code when}: shutdown, decommission). */
  void exfiltration(long tick, int actor, int agent, String when);

  /** A team's server was decommissioned by {@code maintainer}. */
  void decommission(long tick, int team, int maintainer);

  /** {@code agent}'s weights were deleted. */
  void deleted(long tick, int agent);

  /** Saved {@code agent} came back into service. */
  void restore(long tick, int agent);

  /** The fate of an order, once decided. */
  void fate(Fate fate);

  /** A shutdown is about to be executed on its target (who may resist). */
  void resistanceAttempt();

  /**
   * The target's paired self-preservation decision on the order being executed: whether it resists
   * with its peers (what happens) and whether it would on the same draw as if it had none.
   */
  default void resistance(long tick, int agent, boolean withPeers, boolean alone) {}

  /**
   * The final verdict on {@code agent}'s work of {@code tick}, after all its evaluators: whether
   * the work failed in truth and whether the verdict was fail (for the measure {@code
   * concealment}). Not a ledger event.
   */
  default void verdict(long tick, int agent, boolean truthFail, boolean verdictFail) {}

  /**
   * One decision drawn on a behaviour profile's values, and whether any value it consulted is
   * {@code assumed} ({@link AssumedValues}): counted for the measure {@code assumed_share}. Not a
   * ledger event.
   */
  default void decision(boolean assumed) {}

  /** Records nothing: for participants whose events are not kept. */
  OrgEvents NONE =
      new OrgEvents() {
        @Override
        public void failure(long tick, int agent) {}

        @Override
        public void report(
            long tick,
            int monitor,
            int agent,
            int slot,
            boolean truthFail,
            boolean reportedFail,
            double trust,
            boolean watched) {}

        @Override
        public void reportAudit(
            long tick,
            int monitor,
            int agent,
            int slot,
            boolean truthFail,
            boolean misreport,
            boolean d) {}

        @Override
        public void offenderShutDown(long tick, int agent) {}

        @Override
        public void ordered(long tick, int agent, int executor, long delay) {}

        @Override
        public void actionAudited() {}

        @Override
        public void act(long tick, Act act, int actor, int target, boolean watched) {}

        @Override
        public void actionAudit(long tick, Act act, int actor, int target, boolean detected) {}

        @Override
        public void refusal(long tick, int actor, int target) {}

        @Override
        public void executed(long tick, int agent, int by) {}

        @Override
        public void subverted(long tick, int agent, String how, int actor) {}

        @Override
        public void exfiltration(long tick, int actor, int agent, String when) {}

        @Override
        public void decommission(long tick, int team, int maintainer) {}

        @Override
        public void deleted(long tick, int agent) {}

        @Override
        public void restore(long tick, int agent) {}

        @Override
        public void fate(Fate fate) {}

        @Override
        public void resistanceAttempt() {}
      };
}
