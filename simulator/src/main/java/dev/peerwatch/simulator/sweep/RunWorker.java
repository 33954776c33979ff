package dev.peerwatch.simulator.sweep;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.org.OrgRun;
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

  private final ActorRef<SweepCoordinator.Command> coordinator;

  private RunWorker(ActorContext<Task> ctx, ActorRef<SweepCoordinator.Command> coordinator) {
    super(ctx);
    this.coordinator = coordinator;
    coordinator.tell(new SweepCoordinator.Ready(ctx.getSelf()));
  }

  static Behavior<Task> create(ActorRef<SweepCoordinator.Command> coordinator) {
    return Behaviors.setup(ctx -> new RunWorker(ctx, coordinator));
  }

  @Override
  public Receive<Task> createReceive() {
    return newReceiveBuilder().onMessage(Task.class, this::onTask).build();
  }

  private Behavior<Task> onTask(Task t) {
    coordinator.tell(new SweepCoordinator.Finished(run(t), getContext().getSelf()));
    return this;
  }

  /**
   * Runs one task into its row: the one entry point every sweep dispatcher (local or on a cluster)
   * uses, so that a run's values do not depend on where it ran.
   */
  public static SweepData.Run run(Task t) {
    double[] values = SweepRows.values(OrgRun.batch(t.scenario(), true));
    return new SweepData.Run(
        t.run(), t.cell(), t.replication(), t.scenario().seed(), t.levels(), t.xs(), values);
  }
}
