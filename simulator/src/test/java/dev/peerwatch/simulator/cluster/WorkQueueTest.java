package dev.peerwatch.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The queue's bookkeeping: no task lost when a worker goes, none finished twice. */
class WorkQueueTest {
  @Test
  void tasksGoOutLowestFirstAndTheQueueCompletesWhenEachIsDoneOnce() {
    WorkQueue q = new WorkQueue(3);
    assertThat(q.take(1)).isZero();
    assertThat(q.take(2)).isEqualTo(1);
    assertThat(q.take(1)).isEqualTo(2);
    assertThat(q.take(2)).isEqualTo(-1);
    assertThat(q.outAt(1)).isEqualTo(2);
    assertThat(q.finish(0, 1)).isTrue();
    assertThat(q.finish(0, 1)).as("a second result for task 0").isFalse();
    assertThat(q.finish(1, 2)).isTrue();
    assertThat(q.complete()).isFalse();
    assertThat(q.finish(2, 1)).isTrue();
    assertThat(q.complete()).isTrue();
    assertThat(q.done()).isEqualTo(3);
  }

  @Test
  void aDepartedWorkersTasksGoBackAndAreTakenByAnother() {
    WorkQueue q = new WorkQueue(4);
    q.take(1);
    q.take(1);
    q.take(2);
    assertThat(q.finish(0, 1)).isTrue();
    assertThat(q.release(1)).containsExactly(1);
    assertThat(q.outAt(1)).isZero();
    assertThat(q.pending()).isEqualTo(2);
    assertThat(q.take(2)).as("the returned task comes before task 3").isEqualTo(1);
    assertThat(q.take(2)).isEqualTo(3);
    assertThat(q.outAt(2)).isEqualTo(3);
  }

  @Test
  void aLateResultOfAReturnedTaskCountsOnceAndFreesTheNewHolder() {
    WorkQueue q = new WorkQueue(2);
    q.take(1);
    q.release(1);
    assertThat(q.take(2)).isZero();
    assertThat(q.finish(0, 1)).as("worker 1's result arrives after it left").isTrue();
    assertThat(q.outAt(2)).isZero();
    assertThat(q.finish(0, 2)).as("worker 2's copy is not written again").isFalse();
    assertThat(q.pending()).isEqualTo(1);
    assertThat(q.done()).isEqualTo(1);
  }

  @Test
  void aResultForATaskNeverTakenButPendingIsTakenOffTheQueue() {
    WorkQueue q = new WorkQueue(2);
    assertThat(q.finish(1, 7)).isTrue();
    assertThat(q.take(7)).isZero();
    assertThat(q.take(7)).isEqualTo(-1);
    assertThat(q.finish(5, 7)).as("not a task of this session").isFalse();
  }
}
