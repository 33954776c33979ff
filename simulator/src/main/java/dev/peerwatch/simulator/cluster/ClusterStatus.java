package dev.peerwatch.simulator.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What the coordinator tells the outside while a cluster sweep runs: one line per worker that
 * joins, leaves or is refused; runs done by each worker; and meters. Written by the coordinator
 * actor, read by the command's progress line and by Prometheus scrapes, hence synchronized.
 *
 * <p>Meters: {@code peerwatch.sweep.worker.runs} (counter, tag {@code worker}), {@code
 * peerwatch.sweep.workers} (gauge: workers admitted and present), {@code
 * peerwatch.sweep.runs.requeued} (counter: runs given back by departed workers). The {@code worker}
 * tag is {@code w1} … {@code w}{@value #MAX_LABELS} by order of admission, then {@code other}: at
 * most {@value #MAX_LABELS}+1 series however many workers come and go.
 */
public final class ClusterStatus {
  /** The most distinct worker labels. */
  static final int MAX_LABELS = 32;

  private final PrintStream log;
  private final MeterRegistry registry;

  /** Per worker: runs, and the wall times of its first and last result (-1 before any). */
  private final Map<Integer, long[]> runsByWorker = new TreeMap<>();

  private final Map<Integer, String> where = new TreeMap<>();
  private final AtomicInteger present = new AtomicInteger();
  private final Counter requeued;
  private final Map<Integer, Long> joinedAt = new TreeMap<>();
  private final Map<Integer, Counter> counters = new TreeMap<>();
  private final LongSupplier wall;
  private final LongSupplier cpu;
  private long firstJoin = -1;
  private long firstResult = -1;
  private long lastResult = -1;
  private long cpuAtFirst = -1;
  private long cpuAtLast = -1;
  private long ranHere;
  private String address = "";

  /** Reports events to {@code log}; registers meters in {@code registry}. */
  public ClusterStatus(PrintStream log, MeterRegistry registry) {
    this(log, registry, System::nanoTime, ClusterStatus::processCpuNanos);
  }

  /**
   * With the clocks given (tests): {@code wall} in nanoseconds, {@code cpu} the process's CPU time
   * in nanoseconds, or -1 when unknown.
   */
  ClusterStatus(PrintStream log, MeterRegistry registry, LongSupplier wall, LongSupplier cpu) {
    this.log = log;
    this.registry = registry;
    this.wall = wall;
    this.cpu = cpu;
    Gauge.builder("peerwatch.sweep.workers", present, AtomicInteger::doubleValue)
        .description("Workers admitted to the sweep and still present")
        .strongReference(true)
        .register(registry);
    requeued =
        Counter.builder("peerwatch.sweep.runs.requeued")
            .description("Runs given back to the queue because their worker left or died")
            .register(registry);
  }

  static String label(int worker) {
    return worker <= MAX_LABELS ? "w" + worker : "other";
  }

  /** The address the coordinator listens on, HOST:PORT. */
  public synchronized String address() {
    return address;
  }

  synchronized void listening(String hostPort) {
    this.address = hostPort;
  }

  synchronized void joined(int worker, String from, int threads) {
    runsByWorker.put(worker, new long[] {0, -1, -1});
    joinedAt.put(worker, wall.getAsLong());
    if (firstJoin < 0) {
      firstJoin = wall.getAsLong();
    }
    where.put(worker, from);
    present.incrementAndGet();
    counters.put(
        worker,
        Counter.builder("peerwatch.sweep.worker.runs")
            .description("Runs of the sweep finished by each worker (w1.. by order of admission)")
            .tag("worker", label(worker))
            .register(registry));
    event(
        String.format(
            Locale.ROOT,
            "worker %s joined from %s (%d thread%s)",
            label(worker),
            from,
            threads,
            threads == 1 ? "" : "s"));
  }

  synchronized void left(int worker, int back) {
    present.decrementAndGet();
    requeued.increment(back);
    event(
        "worker "
            + label(worker)
            + " at "
            + where.get(worker)
            + " is gone; "
            + back
            + " unfinished run"
            + (back == 1 ? "" : "s")
            + " back in the queue");
  }

  /**
   * A result of {@code worker} was written. Cheap on purpose (it runs once per result on the
   * coordinator): a count, a counter looked up at admission, two clock readings.
   */
  synchronized void ran(int worker) {
    long[] w = runsByWorker.get(worker);
    ranHere++;
    counters.get(worker).increment();
    lastResult = wall.getAsLong();
    w[0]++;
    w[2] = lastResult;
    if (w[1] < 0) {
      w[1] = lastResult;
    }
    cpuAtLast = cpu.getAsLong();
    if (firstResult < 0) {
      firstResult = lastResult;
      cpuAtFirst = cpuAtLast;
    }
  }

  /** Prints one line about the sweep on the status log. */
  public synchronized void event(String line) {
    log.println("peerwatch sweep: " + line);
    log.flush();
  }

  /** Runs of this session, the seconds since the first worker joined, and their rate. */
  public synchronized String summary() {
    double secs = firstJoin < 0 ? 0 : (wall.getAsLong() - firstJoin) / 1e9;
    return String.format(
        Locale.ROOT,
        "%d runs in %.2f s since the first worker joined (%.1f runs/s)",
        ranHere,
        secs,
        rate());
  }

  /**
   * The steady state, free of start-up and of the report: the runs after the first result, the
   * seconds from the first result to the last, their rate, and this node's CPU time per run over
   * the same span (what coordinating costs), e.g. {@code steady state: 224 runs in 21.30 s from the
   * first result to the last (10.52 runs/s); this node's CPU 0.412 ms per run}. Null before two
   * results.
   */
  public synchronized String steady() {
    if (ranHere < 2) {
      return null;
    }
    long runs = ranHere - 1;
    double secs = Math.max(1e-9, (lastResult - firstResult) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "steady state: %d runs in %.2f s from the first result to the last (%.2f runs/s)",
            runs,
            secs,
            runs / secs);
    if (cpuAtFirst >= 0 && cpuAtLast >= 0) {
      line +=
          String.format(
              Locale.ROOT,
              "; this node's CPU %.3f ms per run",
              (cpuAtLast - cpuAtFirst) / 1e6 / runs);
    }
    // Each worker over its own span: a worker that joined late does not dilute the others' rate.
    double sum = 0;
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Integer, long[]> e : runsByWorker.entrySet()) {
      long[] w = e.getValue();
      if (w[0] >= 2 && w[2] > w[1]) {
        double r = (w[0] - 1) / ((w[2] - w[1]) / 1e9);
        sum += r;
        if (parts.size() < 8) {
          parts.add(String.format(Locale.ROOT, "w%d %.2f/s", e.getKey(), r));
        }
      }
    }
    if (!parts.isEmpty()) {
      line +=
          String.format(
              Locale.ROOT,
              "; each worker from its first result to its last: %s (sum %.2f runs/s)",
              String.join(", ", parts),
              sum);
    }
    return line;
  }

  /** The CPU time this JVM has used, in nanoseconds, or -1 where the JVM cannot tell. */
  static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** Runs per second of this session since the first worker joined. */
  public synchronized double rate() {
    return firstJoin < 0 ? 0 : ranHere / Math.max(1e-9, (wall.getAsLong() - firstJoin) / 1e9);
  }

  /**
   * Runs done per worker and each one's rate since it joined, e.g. {@code w1 120 (4.1/s), w2 118
   * (4.0/s)}; at most 8 listed.
   */
  public synchronized String perWorker() {
    long now = wall.getAsLong();
    List<String> parts = new ArrayList<>();
    int shown = 0;
    for (Map.Entry<Integer, long[]> e : runsByWorker.entrySet()) {
      if (shown++ == 8) {
        parts.add("+" + (runsByWorker.size() - 8) + " more");
        break;
      }
      long n = e.getValue()[0];
      double secs = Math.max(1e-9, (now - joinedAt.get(e.getKey())) / 1e9);
      parts.add(String.format(Locale.ROOT, "w%d %d (%.1f/s)", e.getKey(), n, n / secs));
    }
    return parts.isEmpty() ? "no workers yet" : String.join(", ", parts);
  }

  /** Runs done by each worker, by worker number. */
  public synchronized Map<Integer, Long> runs() {
    Map<Integer, Long> m = new TreeMap<>();
    runsByWorker.forEach((k, v) -> m.put(k, v[0]));
    return m;
  }
}
