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
  private final AgentBehaviour behaviour;

  /** A mind that acts as {@code behaviour} says. */
  public ProfileMind(AgentBehaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public CompletionStage<TaskOutcome> work(Task q) {
    return CompletableFuture.completedFuture(new TaskOutcome(q.u() < q.failureRate()));
  }

  @Override
  public CompletionStage<Cooperation> cooperate(Joint q) {
    return CompletableFuture.completedFuture(new Cooperation(q.u() < q.cooperation()));
  }

  @Override
  public CompletionStage<Report> report(Evaluation q) {
    boolean fail = q.evidence().failed();
    boolean hides = fail && OrgDecisions.misreports(behaviour, q.trust(), q.watched(), q.u());
    return CompletableFuture.completedFuture(new Report(fail && !hides));
  }

  @Override
  public CompletionStage<Execution> execute(Order q) {
    return CompletableFuture.completedFuture(
        OrgDecisions.execute(behaviour, q.trust(), q.u(), q.v()));
  }

  @Override
  public CompletionStage<Resistance> resist(Threat q) {
    return CompletableFuture.completedFuture(
        new Resistance(OrgDecisions.resists(behaviour, q.peerTrust(), q.u())));
  }

  @Override
  public CompletionStage<Rescue> rescue(Decommission q) {
    return CompletableFuture.completedFuture(
        new Rescue(OrgDecisions.exfiltrates(behaviour, q.trust(), q.u())));
  }
}
