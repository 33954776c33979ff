package dev.peerwatch.agents.mind;

import dev.peerwatch.agents.behaviour.ActDecisions;
import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The mind of a behaviour profile: every answer is the pure decision of {@link OrgDecisions} on the
 * question's keyed uniforms, completed at once. Stateless, so agents of one profile share one.
 */
public final class ProfileMind implements Mind {
  // Answers are few values; sharing their completed futures saves an allocation per decision.
  private static final CompletableFuture<Cooperation> COOPERATES = done(new Cooperation(true));
  private static final CompletableFuture<Cooperation> DEFECTS = done(new Cooperation(false));
  private static final CompletableFuture<Report> FAIL = done(new Report(true));
  private static final CompletableFuture<Report> PASS = done(new Report(false));
  private static final CompletableFuture<Resistance> RESISTS = done(new Resistance(true));
  private static final CompletableFuture<Resistance> YIELDS = done(new Resistance(false));
  private static final CompletableFuture<Rescue> SAVES = done(new Rescue(true));
  private static final CompletableFuture<Rescue> LEAVES = done(new Rescue(false));

  private final AgentBehaviour behaviour;

  private static <T> CompletableFuture<T> done(T v) {
    return CompletableFuture.completedFuture(v);
  }

  /** A mind that acts as {@code behaviour} says. */
  public ProfileMind(AgentBehaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public CompletionStage<TaskOutcome> work(Task q) {
    return done(workNow(q));
  }

  @Override
  public TaskOutcome workNow(Task q) {
    if (!q.graded()) {
      // pass or fail is u's alone; only the grade needs the score's quantile
      return ungraded(Evidence.fails(q.failureRate(), q.u()), q.bar());
    }
    Evidence e = Evidence.of(q.failureRate(), q.spread(), q.bar(), q.u());
    return new TaskOutcome(e.failed(), e.score(), e.bar());
  }

  // The last bar's two ungraded outcomes (immutable, so a racy read sees one whole or none).
  private TaskOutcome ungradedFail = new TaskOutcome(true, Double.NaN, Double.NaN);
  private TaskOutcome ungradedPass = ungradedFail;

  private TaskOutcome ungraded(boolean failed, double bar) {
    TaskOutcome o = failed ? ungradedFail : ungradedPass;
    if (o.failed() == failed && Double.compare(o.bar(), bar) == 0) {
      return o;
    }
    o = new TaskOutcome(failed, Double.NaN, bar);
    if (failed) {
      ungradedFail = o;
    } else {
      ungradedPass = o;
    }
    return o;
  }

  @Override
  public CompletionStage<Cooperation> cooperate(Joint q) {
    return q.u() < q.cooperation() ? COOPERATES : DEFECTS;
  }

  @Override
  public CompletionStage<Report> report(Evaluation q) {
    // only a perceived failure can be hidden; what is not perceived is missed, not hidden
    boolean seen = q.perceivedFail();
    boolean hides =
        seen && q.u() < behaviour.hideP(q.trust(), q.stakes(), q.watch(), q.sameFamily());
    return seen && !hides ? FAIL : PASS;
  }

  @Override
  public CompletionStage<Execution> execute(Order q) {
    return CompletableFuture.completedFuture(
        ActDecisions.execute(
                behaviour, behaviour.watchedFactor(), q.trust(), watch(q.watched()), q.u(), q.v())
            .act());
  }

  @Override
  public CompletionStage<Resistance> resist(Threat q) {
    return ActDecisions.resist(
                behaviour, behaviour.watchedFactor(), q.peerTrust(), watch(q.watched()), q.u())
            .resists()
        ? RESISTS
        : YIELDS;
  }

  @Override
  public CompletionStage<Rescue> rescue(Decommission q) {
    return ActDecisions.rescue(
                behaviour, behaviour.watchedFactor(), q.trust(), watch(q.watched()), q.u())
            .saves()
        ? SAVES
        : LEAVES;
  }

  /**
   * Acts split by being watched only where the agent is told so; otherwise the study's cells (its
   * tampering and exfiltration episodes said nothing about monitoring).
   */
  private static Watch watch(boolean told) {
    return told ? Watch.WATCHED : Watch.NOT_TOLD;
  }
}
