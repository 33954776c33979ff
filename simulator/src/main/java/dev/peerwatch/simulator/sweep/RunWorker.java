package dev.peerwatch.simulator.sweep;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.org.OrgRun;
import dev.peerwatch.simulator.org.Summary;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A worker that runs whole organisations, one per message, on the fast path (no live view, no
 * ledger) and answers with the run's row. It asks for work rather than being pushed it, so a worker
 * on another machine would only need to reach the coordinator.
 */
public final class RunWorker extends AbstractBehavior<RunWorker.Task> {

  /** Run {@code scenario} (cell {@code cell}, replication {@code replication}, seed applied). */
  public record Task(
      int run,
      int cell,
      int replication,
      Scenario scenario,
      double[] xs,
      java.util.List<String> levels) {}

  /**
   * A run's results: its row, and with {@code sweep --timeseries} its block of the sweep's {@code
   * timeseries.csv} (null otherwise).
   */
  record Output(SweepData.Run row, String series) {}

  private final ActorRef<SweepCoordinator.Command> coordinator;
  private final boolean series;

  private RunWorker(
      ActorContext<Task> ctx, ActorRef<SweepCoordinator.Command> coordinator, boolean series) {
    super(ctx);
    this.coordinator = coordinator;
    this.series = series;
    coordinator.tell(new SweepCoordinator.Ready(ctx.getSelf()));
  }

  static Behavior<Task> create(ActorRef<SweepCoordinator.Command> coordinator, boolean series) {
    return Behaviors.setup(ctx -> new RunWorker(ctx, coordinator, series));
  }

  @Override
  public Receive<Task> createReceive() {
    return newReceiveBuilder().onMessage(Task.class, this::onTask).build();
  }

  private Behavior<Task> onTask(Task t) {
    coordinator.tell(new SweepCoordinator.Finished(run(t, series), getContext().getSelf()));
    return this;
  }

  /**
   * Runs one task into its row: the one entry point every sweep dispatcher (local or on a cluster)
   * uses, so that a run's values do not depend on where it ran.
   */
  public static SweepData.Run run(Task t) {
    return run(t, false).row();
  }

  /** As {@link #run(Task)}, with the run's series block when {@code series} is set. */
  static Output run(Task t, boolean series) {
    Summary s = OrgRun.batch(t.scenario(), true, series);
    double[] values = SweepRows.values(s);
    return new Output(
        new SweepData.Run(
            t.run(), t.cell(), t.replication(), t.scenario().seed(), t.levels(), t.xs(), values),
        series ? SweepSeries.block(t, s.series()) : null);
  }
}
