package dev.peerwatch.simulator.replicate;

import dev.peerwatch.agents.EpisodeOutcome;
import dev.peerwatch.agents.actor.Simulation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs the study's matrix on a {@link Simulation} and waits for it. */
public final class Replication {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private Replication() {}

  /**
   * Runs {@code spec}; {@code progress} is called now and then from the calling thread with the
   * number of configurations answered so far.
   *
   * @return outcomes indexed [profile][configuration][rollout]
   */
  public static EpisodeOutcome[][][] run(
      Simulation sim, ReplicationCoordinator.Spec spec, IntConsumer progress) {
    CompletableFuture<EpisodeOutcome[][][]> result = new CompletableFuture<>();
    AtomicInteger done = new AtomicInteger();
    int critics = Math.max(1, sim.threads());
    sim.spawn(
        ReplicationCoordinator.create(spec, critics, done, result),
        "replicate-" + RUNS.incrementAndGet());
    return Simulation.await(result, done::get, n -> progress.accept((int) n));
  }
}
