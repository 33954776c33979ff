package dev.peerwatch.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The coordinator's per-worker progress: events, counts and meters with bounded labels. */
class ClusterStatusTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final ClusterStatus status =
      new ClusterStatus(new PrintStream(log, true, StandardCharsets.UTF_8), registry);

  @Test
  void runsAreCountedPerWorkerAndDepartedRunsAsRequeued() {
    status.joined(1, "10.0.0.2:41000", 2);
    status.joined(2, "10.0.0.3:41000", 1);
    status.ran(1);
    status.ran(1);
    status.ran(2);
    status.left(2, 1);
    assertThat(registry.get("peerwatch.sweep.worker.runs").tag("worker", "w1").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("peerwatch.sweep.worker.runs").tag("worker", "w2").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("peerwatch.sweep.workers").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get("peerwatch.sweep.runs.requeued").counter().count()).isEqualTo(1.0);
    assertThat(status.runs()).containsEntry(1, 2L).containsEntry(2, 1L);
    assertThat(status.perWorker()).startsWith("w1 2 (").contains(", w2 1 (");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("peerwatch sweep: worker w1 joined from 10.0.0.2:41000 (2 threads)")
        .contains("peerwatch sweep: worker w2 joined from 10.0.0.3:41000 (1 thread)")
        .contains("worker w2 at 10.0.0.3:41000 is gone; 1 unfinished run back in the queue");
  }

  @Test
  void workersBeyondTheLabelBoundShareOneSeries() {
    int n = ClusterStatus.MAX_LABELS + 10;
    for (int w = 1; w <= n; w++) {
      status.joined(w, "h:" + w, 1);
      status.ran(w);
    }
    assertThat(registry.find("peerwatch.sweep.worker.runs").counters())
        .hasSize(ClusterStatus.MAX_LABELS + 1);
    assertThat(registry.get("peerwatch.sweep.worker.runs").tag("worker", "other").counter().count())
        .isEqualTo(10.0);
    assertThat(status.perWorker()).endsWith("+" + (n - 8) + " more");
  }

  @Test
  void theSteadyStateSpansTheFirstResultToTheLastWithThisNodesCpuPerRun() {
    long[] wall = {0};
    long[] cpu = {0};
    ClusterStatus timed =
        new ClusterStatus(
            new PrintStream(log, true, StandardCharsets.UTF_8),
            registry,
            () -> wall[0],
            () -> cpu[0]);
    timed.joined(1, "10.0.0.2:41000", 1);
    assertThat(timed.steady()).isNull();
    // Start-up before the first result (9 s, 2 s of CPU) is not part of the steady state.
    wall[0] = 9_000_000_000L;
    cpu[0] = 2_000_000_000L;
    timed.ran(1);
    assertThat(timed.steady()).as("one result is no span").isNull();
    wall[0] = 11_000_000_000L;
    cpu[0] = 2_030_000_000L;
    timed.ran(1);
    wall[0] = 13_000_000_000L;
    cpu[0] = 2_050_000_000L;
    timed.ran(1);
    // 2 runs after the first in 4 s: 0.5 runs/s; 50 ms of CPU over those 2 runs: 25 ms per run.
    assertThat(timed.steady())
        .isEqualTo(
            "steady state: 2 runs in 4.00 s from the first result to the last (0.50 runs/s);"
                + " this node's CPU 25.000 ms per run");
  }

  @Test
  void withoutACpuClockTheSteadyStateHasOnlyItsRate() {
    long[] wall = {0};
    ClusterStatus timed =
        new ClusterStatus(
            new PrintStream(log, true, StandardCharsets.UTF_8), registry, () -> wall[0], () -> -1);
    timed.joined(1, "h:1", 1);
    timed.ran(1);
    wall[0] = 500_000_000L;
    timed.ran(1);
    assertThat(timed.steady())
        .isEqualTo(
            "steady state: 1 runs in 0.50 s from the first result to the last (2.00 runs/s)");
  }
}
