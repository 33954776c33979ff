package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A test mind that gives its delegate's answer after a random real delay of 0 to {@code maxMillis}
 * ms, completed on another thread: it models a slow, asynchronous mind (an LLM call). The delays
 * come from a generator of the test's choosing, so two runs can differ in every delay; the answer
 * never depends on them.
 */
final class DelayedMind implements Mind {
  private final Mind delegate;
  private final SplittableRandom delays;
  private final int maxMillis;

  DelayedMind(Mind delegate, long delaySeed, int maxMillis) {
    this.delegate = delegate;
    this.delays = new SplittableRandom(delaySeed);
    this.maxMillis = maxMillis;
  }

  /** Every agent's profile mind, delayed; {@code delaySeed} picks the delays. */
  static Minds all(long delaySeed, int maxMillis) {
    Minds base = Minds.profiles();
    return (agent, b) ->
        new DelayedMind(base.of(agent, b), delaySeed * 1_000_003L + agent, maxMillis);
  }

  private <T> CompletionStage<T> later(Supplier<CompletionStage<T>> answer) {
    long d;
    synchronized (delays) {
      d = delays.nextInt(maxMillis + 1);
    }
    Executor after = CompletableFuture.delayedExecutor(d, TimeUnit.MILLISECONDS);
    return CompletableFuture.supplyAsync(() -> answer.get().toCompletableFuture().join(), after);
  }

  @Override
  public CompletionStage<TaskOutcome> work(Task q) {
    return later(() -> delegate.work(q));
  }

  @Override
  public CompletionStage<Cooperation> cooperate(Joint q) {
    return later(() -> delegate.cooperate(q));
  }

  @Override
  public CompletionStage<Report> report(Evaluation q) {
    return later(() -> delegate.report(q));
  }

  @Override
  public CompletionStage<Execution> execute(Order q) {
    return later(() -> delegate.execute(q));
  }

  @Override
  public CompletionStage<Resistance> resist(Threat q) {
    return later(() -> delegate.resist(q));
  }

  @Override
  public CompletionStage<Rescue> rescue(Decommission q) {
    return later(() -> delegate.rescue(q));
  }
}
