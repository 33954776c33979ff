package dev.peerwatch.simulator.cluster;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * A worker node ({@code peerwatch worker}): joins the cluster through {@code --join}, is admitted
 * by the sweep's coordinator, runs runs until the sweep is done, then leaves the cluster.
 */
public final class ClusterWorker {
  private ClusterWorker() {}

  /** How the worker's part ended. */
  public record Outcome(int code, String message, long runs) {}

  /**
   * Runs a worker with {@code threads} threads on {@code bind} (null: this machine's address
   * towards {@code join}, any free port). {@code sweepId} and {@code planCells} come from the
   * worker's own sweep file (empty and null without one). Refusal is a ConfigException.
   */
  public static Outcome run(
      HostPort join,
      HostPort bind,
      int threads,
      Secret secret,
      String sweepId,
      IntFunction<Scenario> planCells,
      int timeoutS) {
    ClusterConfig.awaitReachable(join, "--join", timeoutS);
    HostPort at =
        bind != null ? bind : new HostPort(ClusterConfig.localAddressTowards(join, "--join"), 0);
    try (Simulation sim =
        ClusterNode.start(at, "--bind", join, "--join", "worker", threads, timeoutS)) {
      CompletableFuture<WorkerNode.Outcome> outcome = new CompletableFuture<>();
      CompletableFuture<String> admitted = new CompletableFuture<>();
      sim.spawn(
          WorkerNode.create(
              null,
              secret,
              threads,
              sweepId,
              planCells,
              new WorkerNode.Ends(admitted, outcome),
              join),
          "worker");
      CompletableFuture<Object> over =
          CompletableFuture.anyOf(
              outcome,
              sim.system().getWhenTerminated().toCompletableFuture().thenApply(d -> (Object) null));
      try {
        CompletableFuture.anyOf(admitted, over).get(timeoutS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new ConfigException(
            "--join "
                + join
                + ": no sweep coordinator answered within "
                + timeoutS
                + " s (allowed: the address a running 'peerwatch sweep --cluster' printed)");
      }
      over.get();
      WorkerNode.Outcome o = outcome.getNow(null);
      if (o == null) {
        return new Outcome(1, "this node left the cluster (downed: the coordinator is gone)", 0);
      }
      if (o.code() == 2) {
        throw new ConfigException(o.message());
      }
      return new Outcome(o.code(), o.message(), o.runs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(1, "interrupted", 0);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
