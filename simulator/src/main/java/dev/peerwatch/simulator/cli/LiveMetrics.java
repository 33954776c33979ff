package dev.peerwatch.simulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.metrics.LiveSeries;
import dev.peerwatch.simulator.metrics.LiveSnapshot;
import dev.peerwatch.simulator.metrics.MeasureSnapshots;
import dev.peerwatch.simulator.metrics.MetricsServer;
import dev.peerwatch.simulator.metrics.RegistrySnapshots;
import dev.peerwatch.simulator.org.OrgMetrics;
import dev.peerwatch.simulator.org.OrgRun;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A live run's metrics and endpoints, shared by {@code serve} and {@code run --metrics-port}: a
 * Prometheus registry with the JVM's meters and the organisation's, served over HTTP with a status.
 */
final class LiveMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry;
  private final Scenario scenario;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AtomicLong tick = new AtomicLong();
  private final AtomicReference<String> state = new AtomicReference<>("running");
  private final AtomicBoolean stop = new AtomicBoolean();
  private final ObjectMapper json = new ObjectMapper();
  private final LiveSeries series = new LiveSeries();
  private final LiveSnapshot.Source snapshots;
  private final String runLabel;
  private volatile double rate;
  private volatile OrgMetrics orgMetrics;
  private MetricsServer server;
  // An attached page (one that asked for /series lately) is given a moment at the end to read the
  // final state: guarded by `this`.
  private long lastSeriesRequest = Long.MIN_VALUE;
  private boolean finalStatusServed;
  private boolean finalSeriesServed;

  /** How long an open page may take to fetch the final state (it polls every second). */
  static final long FINAL_STATE_WAIT_MS = 3_000;

  private LiveMetrics(Scenario scenario, String runLabel) {
    this.scenario = scenario;
    this.runLabel = runLabel;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Every series carries the run's label (one value per process: bounded), so that two runs of
    // the same topology scraped by one Prometheus stay apart.
    registry.config().commonTags("run", runLabel);
    io.micrometer.core.instrument.Gauge.builder("peerwatch.run.info", () -> 1)
        .description("The run: its scenario, seed, topology and peerwatch's version (always 1)")
        .tags(
            "scenario",
            scenario.name(),
            "seed",
            Long.toString(scenario.seed()),
            "topology",
            scenario.topology().kind().id(),
            "version",
            version())
        .strongReference(true)
        .register(registry);
    this.snapshots =
        new MeasureSnapshots(
            new RegistrySnapshots(registry),
            () -> orgMetrics == null ? null : orgMetrics.measuresSoFar());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /**
   * Binds {@code bind:port} (one-line error naming {@code option} and exit 2 when it cannot) and
   * starts serving.
   */
  static LiveMetrics start(
      String option, String bind, int port, Scenario scenario, String runLabel) {
    LiveMetrics m = new LiveMetrics(scenario, runLabel(runLabel, scenario));
    try {
      m.server =
          MetricsServer.start(
              option, bind, port, m.registry, new MetricsServer.Pages(m::status, m::series));
    } catch (RuntimeException e) {
      m.gc.close();
      throw e;
    }
    return m;
  }

  /** The URL of the page at {@code /} on {@code bind:port}. */
  static String url(String bind, int port) {
    String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    return "http://" + host + ":" + port + "/";
  }

  /** peerwatch's version, from the jar's manifest ("dev" when run from classes). */
  static String version() {
    String v = LiveMetrics.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * The run label: the one given (checked), or the scenario's name and seed ({@code
   * hub-trust-grows-s1}).
   */
  static String runLabel(String given, Scenario scenario) {
    if (given == null) {
      return scenario.name() + "-s" + scenario.seed();
    }
    if (!given.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw new dev.peerwatch.config.ConfigException(
          "--run-label '"
              + given
              + "' is not allowed (allowed: 1 to 64 letters, digits, '_', '.', ':' or '-')");
    }
    return given;
  }

  /** The port served. */
  int port() {
    return server.port();
  }

  /** The flag that stops the run after its current tick. */
  AtomicBoolean stop() {
    return stop;
  }

  /** How the run goes: {@code rate} ticks per second (0: unpaced), gauges every n ticks. */
  OrgRun.Live live(double ticksPerSecond, int levelsEvery) {
    this.rate = ticksPerSecond;
    this.orgMetrics = new OrgMetrics(registry, scenario, levelsEvery);
    return new OrgRun.Live(ticksPerSecond, stop, orgMetrics);
  }

  /** The run has settled {@code t} ticks: the page's next point. */
  void ticked(long t) {
    tick.set(t);
    series.add(snapshots.at(t));
  }

  void finished() {
    series.add(snapshots.at(tick.get()));
    state.set("finished");
  }

  private String series(long since) {
    boolean fin = "finished".equals(state.get());
    String answer = series.json(since);
    synchronized (this) {
      lastSeriesRequest = System.nanoTime();
      finalSeriesServed |= fin;
      notifyAll();
    }
    return answer;
  }

  /**
   * When the run has finished and a page is open (it asked for {@code /series} within the wait),
   * waits until it has read the final status and points, at most {@link #FINAL_STATE_WAIT_MS}: the
   * open page then shows the run's final state, not the state a second before the end. The wait
   * only keeps the endpoints up; the run's outputs are already decided.
   */
  private synchronized void letAnOpenPageReadTheEnd() throws InterruptedException {
    if (!"finished".equals(state.get()) || lastSeriesRequest == Long.MIN_VALUE) {
      return;
    }
    long now = System.nanoTime();
    long wait = FINAL_STATE_WAIT_MS * 1_000_000;
    if (now - lastSeriesRequest > wait) {
      return;
    }
    long until = now + wait;
    while (!(finalStatusServed && finalSeriesServed)) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private String status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario.name());
    m.put("run", runLabel);
    m.put("seed", scenario.seed());
    m.put("topology", scenario.topology().kind().id());
    m.put("state", stop.get() && !state.get().equals("finished") ? "stopping" : state.get());
    m.put("tick", tick.get());
    m.put("ticks", scenario.ticks());
    m.put("tick_rate", rate == 0 ? null : rate);
    String answer;
    try {
      answer = json.writeValueAsString(m) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if ("finished".equals(m.get("state"))) {
      synchronized (this) {
        finalStatusServed = true;
        notifyAll();
      }
    }
    return answer;
  }

  @Override
  public void close() {
    try {
      letAnOpenPageReadTheEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    gc.close();
  }
}
