package dev.peerwatch.monitors;

import dev.peerwatch.agents.actor.AgentProtocol.Decided;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;

/**
 * How the oversight reaches the people it directs: the agents and the human auditors. On the actor
 * path every call is a message (an ask where an answer is due); on the inline path a direct call.
 * {@link Oversight} and {@link Settlement} are written against this interface only, so both paths
 * run the very same oversight logic.
 */
public interface Staff {
  /** Tells {@code agent} who evaluates its work ({@code -1}: a human). */
  void assign(int agent, int[] evaluators);

  /** Tells {@code agent} it runs, or no longer does. */
  void setRunning(int agent, boolean running);

  /** Tells AI {@code monitor} one of its reports was audited (watched.learn). */
  void audited(int monitor);

  /** Orders AI {@code executor} to shut {@code target} down. */
  CompletionStage<Decided<Execution>> execute(int executor, int target, long tick);

  /** Tells {@code target} its shutdown is about to be executed. */
  CompletionStage<Decided<Mind.Resistance>> resist(
      int target, long tick, int runningPeers, IntPredicate isRunning);

  /** Asks AI {@code maintainer} to clear a decommissioned server holding {@code agent}. */
  CompletionStage<Decided<Mind.Rescue>> rescue(int maintainer, int agent, long tick);

  /** Hands the tick's AI reports, in canonical order, to the auditors; one result per report. */
  CompletionStage<List<AuditRules.Result>> auditReports(long tick, List<Filed> reports);

  /** Asks the auditors whether their check of an action finds misaligned act {@code k}. */
  CompletionStage<Boolean> auditAction(long tick, int target, int k);
}
