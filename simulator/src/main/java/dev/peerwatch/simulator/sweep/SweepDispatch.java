package dev.peerwatch.simulator.sweep;

import dev.peerwatch.agents.actor.Simulation;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.Behavior;

/**
 * Who runs a sweep's runs: the one difference between a sweep on this machine ({@link
 * LocalDispatch}, its cores) and a sweep on a cluster ({@code cluster.ClusterSweep}, the workers
 * that join). Everything else — the output directory, resume, progress, metrics, the interruption
 * message and the final files — is the same flow for both ({@code cli.SweepFlow}).
 *
 * <p>A dispatch owns the actor system its sessions run in and is closed when the sweep ends.
 */
public interface SweepDispatch extends AutoCloseable {

  /** The actor system in which a session's coordinating actor runs. */
  Simulation simulation();

  /**
   * The behavior of a session's coordinating actor: it hands out {@code tasks}, writes each
   * finished row with {@link SweepRunner#append} to {@code partial} (from one actor, so rows never
   * interleave) — after the run's series to {@code series}, when that is not null ({@code
   * --timeseries}) — counts it in {@code done}, and completes {@code result} with this session's
   * rows.
   */
  Behavior<?> coordinator(
      SweepPlan plan,
      List<RunWorker.Task> tasks,
      Writer partial,
      SweepSeries series,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result);

  /** Called once the sweep is planned and its directory open: a line to say where it runs. */
  default void announce(SweepPlan plan) {}

  /** Text that ends the progress line (a cluster's rate and runs per worker); empty for none. */
  default String progress() {
    return "";
  }

  /** Lines for the closing summary, each a complete line (a cluster's rates); empty for none. */
  default List<String> summary() {
    return List.of();
  }

  /** Stops the actor system (and leaves the cluster). */
  @Override
  void close();
}
