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
    timed.joined(2, "10.0.0.3:41000", 1);
    assertThat(timed.steady()).isNull();
    // Start-up before the first result (9 s, 2 s of CPU) is not part of the steady state.
    at(wall, cpu, 9.0, 2.000);
    timed.ran(1);
    assertThat(timed.steady()).as("one result is no span").isNull();
    at(wall, cpu, 11.0, 2.030);
    timed.ran(1);
    // The second worker comes late: results at 12 s and 12.5 s.
    at(wall, cpu, 12.0, 2.040);
    timed.ran(2);
    at(wall, cpu, 12.5, 2.050);
    timed.ran(2);
    at(wall, cpu, 13.0, 2.070);
    timed.ran(1);
    // All: 4 runs after the first, from 9 s to 13 s: 1 run/s; 70 ms of CPU over those 4 runs:
    // 17.5 ms per run. Worker 1 (9, 11, 13 s): 2 runs in 4 s, 0.5/s; worker 2 (12, 12.5 s): 1 run
    // in 0.5 s, 2/s; together 2.5 runs/s.
    assertThat(timed.steady())
        .isEqualTo(
            "steady state: 4 runs in 4.00 s from the first result to the last (1.00 runs/s);"
                + " this node's CPU 17.500 ms per run; each worker from its first result to its"
                + " last: w1 0.50/s, w2 2.00/s (sum 2.50 runs/s)");
  }

  private static void at(long[] wall, long[] cpu, double wallS, double cpuS) {
    wall[0] = Math.round(wallS * 1e9);
    cpu[0] = Math.round(cpuS * 1e9);
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
            "steady state: 1 runs in 0.50 s from the first result to the last (2.00 runs/s);"
                + " each worker from its first result to its last: w1 2.00/s (sum 2.00 runs/s)");
  }
}
