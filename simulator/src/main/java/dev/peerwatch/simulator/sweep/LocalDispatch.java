package dev.peerwatch.simulator.sweep;

import dev.peerwatch.agents.actor.Simulation;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.Behavior;

/** A sweep on this machine: {@code threads} runs at once on its own actor system. */
public final class LocalDispatch implements SweepDispatch {
  private final Simulation sim;

  /** Starts an actor system that runs {@code threads} runs at once. */
  public LocalDispatch(int threads) {
    this.sim = new Simulation(threads);
  }

  @Override
  public Simulation simulation() {
    return sim;
  }

  @Override
  public Behavior<?> coordinator(
      SweepPlan plan,
      List<RunWorker.Task> tasks,
      Writer partial,
      SweepSeries series,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result) {
    return SweepCoordinator.create(tasks, sim.threads(), partial, series, done, result);
  }

  @Override
  public void close() {
    sim.close();
  }
}
