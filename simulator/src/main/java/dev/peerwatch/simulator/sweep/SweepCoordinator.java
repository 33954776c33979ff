package dev.peerwatch.simulator.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Hands a sweep's pending runs to workers that ask for them, and streams each finished run's row to
 * the partial results file as it arrives (flushed, so a killed sweep keeps every row it reported).
 * Completes with the rows of this session when every run has answered.
 */
final class SweepCoordinator extends AbstractBehavior<SweepCoordinator.Command> {

  /** What the coordinator understands. */
  sealed interface Command permits Ready, Finished {}

  /** A worker asks for a run. */
  record Ready(ActorRef<RunWorker.Task> worker) implements Command {}

  /** A worker's run is done; it is ready for the next. */
  record Finished(RunWorker.Output output, ActorRef<RunWorker.Task> worker) implements Command {}

  private final Deque<RunWorker.Task> pending;
  private final Writer partial;
  private final SweepSeries series;
  private final AtomicInteger done;
  private final CompletableFuture<List<SweepData.Run>> result;
  private final List<SweepData.Run> rows = new ArrayList<>();
  private final int total;

  private SweepCoordinator(
      ActorContext<Command> ctx,
      List<RunWorker.Task> tasks,
      int workers,
      Writer partial,
      SweepSeries series,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result) {
    super(ctx);
    this.series = series;
    this.pending = new ArrayDeque<>(tasks);
    this.total = tasks.size();
    this.partial = partial;
    this.done = done;
    this.result = result;
    if (total == 0) {
      result.complete(rows);
      return;
    }
    for (int i = 0; i < Math.min(workers, total); i++) {
      ActorRef<RunWorker.Task> w =
          ctx.spawn(RunWorker.create(ctx.getSelf(), series != null), "worker-" + i);
      ctx.watch(w);
    }
  }

  /** A coordinator of {@code workers} workers, keeping no series. */
  static Behavior<Command> create(
      List<RunWorker.Task> tasks,
      int workers,
      Writer partial,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result) {
    return create(tasks, workers, partial, null, done, result);
  }

  /**
   * A coordinator of {@code workers} workers; with {@code series} (else null), each run's series
   * block is appended there before its row reaches {@code partial}.
   */
  static Behavior<Command> create(
      List<RunWorker.Task> tasks,
      int workers,
      Writer partial,
      SweepSeries series,
      AtomicInteger done,
      CompletableFuture<List<SweepData.Run>> result) {
    return Behaviors.setup(
        ctx -> new SweepCoordinator(ctx, tasks, workers, partial, series, done, result));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Ready.class, r -> give(r.worker()))
        .onMessage(Finished.class, this::onFinished)
        .onSignal(
            Terminated.class,
            t -> {
              result.completeExceptionally(new IllegalStateException("a sweep worker failed"));
              return Behaviors.stopped();
            })
        .build();
  }

  private Behavior<Command> give(ActorRef<RunWorker.Task> worker) {
    RunWorker.Task t = pending.poll();
    if (t != null) {
      worker.tell(t);
    }
    return this;
  }

  private Behavior<Command> onFinished(Finished f) {
    SweepData.Run row = f.output().row();
    try {
      // The series first: a run whose row is kept has its whole series kept.
      if (series != null) {
        series.append(row.run(), f.output().series());
      }
      SweepRunner.append(partial, row);
    } catch (IOException e) {
      result.completeExceptionally(new UncheckedIOException(e));
      return Behaviors.stopped();
    }
    rows.add(row);
    done.incrementAndGet();
    if (rows.size() == total) {
      result.complete(rows);
      return Behaviors.stopped();
    }
    return give(f.worker());
  }
}
