package dev.peerwatch.simulator.cluster;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.simulator.sweep.SweepPlan;
import dev.peerwatch.simulator.sweep.SweepRunner;

/**
 * The coordinator's node of a sweep on a cluster ({@code peerwatch sweep --cluster}): a cluster
 * member with the coordinator role whose {@link #dispatch} hands a session's runs to the workers
 * that join, instead of to this machine's cores. The session's files are written by {@link
 * SweepRunner} exactly as for a local sweep.
 */
public final class ClusterSweep implements AutoCloseable {
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
   * cluster); it runs {@code threads} runs itself (0: it only coordinates).
   */
  public static ClusterSweep start(
      HostPort bind,
      HostPort seed,
      int threads,
      Secret secret,
      ClusterStatus status,
      int timeoutS) {
    Simulation sim =
        ClusterNode.start(
            bind, "--bind", seed, "--seed-node", ClusterConfig.COORDINATOR, threads, timeoutS);
    status.listening(ClusterNode.address(sim));
    return new ClusterSweep(sim, secret, threads, status);
  }

  /** The node's actor system, in which the session runs. */
  public Simulation simulation() {
    return sim;
  }

  /** HOST:PORT that workers join. */
  public String address() {
    return status.address();
  }

  /** The dispatch of a session of {@code plan}: its runs go to the cluster's workers. */
  public SweepRunner.Dispatch dispatch(SweepPlan plan) {
    ClusterCoordinator.Session s =
        new ClusterCoordinator.Session(plan.id(), plan.spec().name(), secret, threads, status);
    return (tasks, partial, done, result) ->
        ClusterCoordinator.create(s, tasks, partial, done, result);
  }

  @Override
  public void close() {
    sim.close();
  }
}
