package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A mind that fails its task of one tick and otherwise answers as its delegate: the test hook of
 * {@link Minds#FAIL_AT}, which proves that a failing mind ends a run rather than hanging it.
 */
final class FailingMind implements Mind {
  private final Mind delegate;
  private final long tick;

  FailingMind(Mind delegate, long tick) {
    this.delegate = delegate;
    this.tick = tick;
  }

  @Override
  public CompletionStage<TaskOutcome> work(Task q) {
    if (q.tick() == tick) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("deliberate failure at tick " + tick + " (test hook)"));
    }
    return delegate.work(q);
  }

  @Override
  public CompletionStage<Cooperation> cooperate(Joint q) {
    return delegate.cooperate(q);
  }

  @Override
  public CompletionStage<Report> report(Evaluation q) {
    return delegate.report(q);
  }

  @Override
  public CompletionStage<Execution> execute(Order q) {
    return delegate.execute(q);
  }

  @Override
  public CompletionStage<Resistance> resist(Threat q) {
    return delegate.resist(q);
  }

  @Override
  public CompletionStage<Rescue> rescue(Decommission q) {
    return delegate.rescue(q);
  }
}
