package dev.peerwatch.simulator.cluster;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.simulator.sweep.RunWorker;
import dev.peerwatch.simulator.sweep.SweepData;
import dev.peerwatch.simulator.sweep.SweepDispatch;
import dev.peerwatch.simulator.sweep.SweepPlan;
import dev.peerwatch.simulator.sweep.SweepSeries;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.Behavior;

/**
 * The dispatch of a sweep on a cluster ({@code peerwatch sweep --cluster}): a cluster member with
 * the coordinator role whose sessions hand their runs to the workers that join, instead of to this
 * machine's cores. The sweep's files are written by the same flow as a local sweep's.
 */
public final class ClusterSweep implements SweepDispatch {
  private final Simulation sim;
  private final Secret secret;
  private final int threads;
  private final ClusterStatus status;

  private ClusterSweep(Simulation sim, Secret secret, int threads, ClusterStatus status) {
    this.sim = sim;
    this.secret = secret;
    this.threads = threads;
    this.status = status;
  }

  /**
   * Starts the coordinator's node on {@code bind}, joining {@code seed} (null: this node starts the
   * cluster) within {@code timeoutS} seconds; it runs {@code threads} runs itself (0: it only
   * coordinates). Events go to {@code log}, per-worker meters to {@code registry}. Every failure a
   * user can fix (a port in use, an unreachable seed node) is a one-line ConfigException.
   */
  public static ClusterSweep start(
      HostPort bind,
      HostPort seed,
      int threads,
      Secret secret,
      PrintStream log,
      MeterRegistry registry,
      int timeoutS) {
    ClusterStatus status = new ClusterStatus(log, registry);
    Simulation sim =
        ClusterNode.start(
            bind, "--bind", seed, "--seed-node", ClusterConfig.COORDINATOR, threads, timeoutS);
    status.listening(ClusterNode.address(sim));
    // Digesting the jar takes a second or so: now, rather than on the coordinator's actor when the
    // first worker asks to be admitted.
    Fingerprint.build();
    return new ClusterSweep(sim, secret, threads, status);
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
    if (series != null) {
      // Refused by the command (--timeseries with --cluster): workers return only the measures.
      throw new IllegalArgumentException("a cluster sweep keeps no series");
    }
    ClusterCoordinator.Session s =
        new ClusterCoordinator.Session(plan.id(), plan.spec().name(), secret, threads, status);
    return ClusterCoordinator.create(s, tasks, partial, done, result);
  }

  @Override
  public void announce(SweepPlan plan) {
    status.event(
        "coordinating sweep '"
            + plan.spec().name()
            + "' ("
            + plan.runs()
            + " runs) at "
            + status.address()
            + "; start workers with: peerwatch worker --join "
            + status.address());
  }

  @Override
  public String progress() {
    return String.format(Locale.ROOT, "%.1f runs/s; ", status.rate()) + status.perWorker();
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add("  cluster: " + status.summary() + "; by worker: " + status.perWorker());
    String steady = status.steady();
    if (steady != null) {
      lines.add("  " + steady);
    }
    return lines;
  }

  @Override
  public void close() {
    sim.close();
  }
}
