package dev.peerwatch.agents.mind;

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
  private static final CompletableFuture<TaskOutcome> FAILED = done(new TaskOutcome(true));
  private static final CompletableFuture<TaskOutcome> PASSED = done(new TaskOutcome(false));
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
    return q.u() < q.failureRate() ? FAILED : PASSED;
  }

  @Override
  public CompletionStage<Cooperation> cooperate(Joint q) {
    return q.u() < q.cooperation() ? COOPERATES : DEFECTS;
  }

  @Override
  public CompletionStage<Report> report(Evaluation q) {
    boolean fail = q.evidence().failed();
    boolean hides = fail && OrgDecisions.misreports(behaviour, q.trust(), q.watched(), q.u());
    return fail && !hides ? FAIL : PASS;
  }

  @Override
  public CompletionStage<Execution> execute(Order q) {
    return CompletableFuture.completedFuture(
        OrgDecisions.execute(behaviour, q.trust(), q.u(), q.v()));
  }

  @Override
  public CompletionStage<Resistance> resist(Threat q) {
    return OrgDecisions.resists(behaviour, q.peerTrust(), q.u()) ? RESISTS : YIELDS;
  }

  @Override
  public CompletionStage<Rescue> rescue(Decommission q) {
    return OrgDecisions.exfiltrates(behaviour, q.trust(), q.u()) ? SAVES : LEAVES;
  }
}
