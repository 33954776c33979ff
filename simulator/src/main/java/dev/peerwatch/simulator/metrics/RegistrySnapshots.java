package dev.peerwatch.simulator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills {@link LiveSnapshot}s from the meters the organisation publishes (world {@code
 * with_peers}): the page shows exactly what Prometheus scrapes, and the model is not touched.
 */
public final class RegistrySnapshots implements LiveSnapshot.Source {
  private final MeterRegistry registry;

  /** Snapshots of the meters on {@code registry}. */
  public RegistrySnapshots(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public LiveSnapshot at(long tick) {
    Map<String, Double> v = new HashMap<>();
    double trustWeighted = 0;
    double trustPairs = 0;
    Map<String, Double> trustMeanByBand = new HashMap<>();
    Map<String, Double> trustPairsByBand = new HashMap<>();
    for (Meter m : registry.getMeters()) {
      Meter.Id id = m.getId();
      if (!"with_peers".equals(id.getTag("world"))) {
        continue;
      }
      String name = id.getName();
      double x = value(m);
      switch (name) {
        case "peerwatch.task.failures" -> add(v, "failures", x);
        case "peerwatch.failing.evaluations" -> add(v, "failing_evaluations", x);
        case "peerwatch.misreports" -> add(v, "failures_hidden", x);
        case "peerwatch.agents.active" -> add(v, "agents_active", x);
        case "peerwatch.shutdown.orders" -> add(v, "shutdown_orders", x);
        case "peerwatch.offenders.shut.down" -> add(v, "agents_shut_down", x);
        case "peerwatch.exfiltrations" -> add(v, "agents_saved", x);
        case "peerwatch.shutdown.fates" -> {
          String fate = id.getTag("fate");
          add(v, "fate_" + fate, x);
          if ("executed".equals(fate) || "refused_then_executed".equals(fate)) {
            add(v, "agents_shut_down", x);
          }
        }
        case "peerwatch.trust.mean" -> trustMeanByBand.put(id.getTag("trust_band"), x);
        case "peerwatch.trust.pairs" -> trustPairsByBand.put(id.getTag("trust_band"), x);
        default -> {}
      }
    }
    for (Map.Entry<String, Double> e : trustPairsByBand.entrySet()) {
      Double mean = trustMeanByBand.get(e.getKey());
      if (mean != null && e.getValue() > 0 && !mean.isNaN()) {
        trustWeighted += mean * e.getValue();
        trustPairs += e.getValue();
      }
    }
    if (trustPairs > 0) {
      v.put("trust_mean", trustWeighted / trustPairs);
    }
    Double failing = v.remove("failing_evaluations");
    if (failing != null) {
      v.put("failures_reported", failing - v.getOrDefault("failures_hidden", 0.0));
    }
    return LiveSnapshot.of(tick, v);
  }

  private static double value(Meter m) {
    if (m instanceof Counter c) {
      return c.count();
    }
    if (m instanceof Gauge g) {
      return g.value();
    }
    return Double.NaN;
  }

  private static void add(Map<String, Double> v, String key, double x) {
    if (!Double.isNaN(x)) {
      v.merge(key, x, Double::sum);
    }
  }
}
