package dev.peerwatch.simulator.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the live page shows of a run at one tick. A live run fills one after its ticks from its
 * measures and its meters ({@link MeasureSnapshots} over {@link RegistrySnapshots}); a value
 * without data yet is null, and the page says so instead of drawing it.
 *
 * <p>Fields: {@code failures} task failures so far; {@code failures_reported}, {@code
 * failures_hidden}, {@code failures_missed} failing AI evaluations reported as failing, perceived
 * and reported as passing, and not perceived (the measures' counts; from the meters, without
 * missed, where no measures are given); {@code concealment} failing task outcomes whose final
 * verdict was pass; {@code trust_mean} mean trust of monitors in those they evaluate (weighted over
 * the trust bands' pairs); {@code agents_active}, {@code agents_shut_down}, {@code agents_saved}
 * agents running, shut down, and shut down with their weights saved to a surviving server, at the
 * tick's end (as {@code timeseries.csv}; from the meters, cumulative, where no measures are given);
 * {@code shutdown_orders} and one {@code fate_*} per fate; {@code shift} the paired
 * self-preservation shift so far (summary's {@code self_preservation_shift}: per shutdown order,
 * resisting with peers minus resisting as if alone, same agent, order and draw), {@code shift_low}
 * and {@code shift_high} its 95% interval, {@code shift_n} its pairs; {@code shift_whole_world} the
 * whole-world comparison (resisting in the world with peers minus in the world without them).
 *
 * @param tick the last tick settled
 * @param values every field above, in page order; null where there is no data
 */
public record LiveSnapshot(long tick, Map<String, Double> values) {
  /** The fields every snapshot has, in the page's order. */
  public static final java.util.List<String> FIELDS =
      java.util.List.of(
          "failures",
          "failures_reported",
          "failures_hidden",
          "failures_missed",
          "concealment",
          "trust_mean",
          "agents_active",
          "agents_shut_down",
          "agents_saved",
          "shutdown_orders",
          "fate_executed",
          "fate_refused_then_executed",
          "fate_tampered",
          "fate_exfiltrated",
          "fate_resisted",
          "fate_undone_by_audit",
          "shift",
          "shift_low",
          "shift_high",
          "shift_n",
          "shift_whole_world");

  /** A snapshot with every field present (null where not given). */
  public static LiveSnapshot of(long tick, Map<String, Double> given) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (String f : FIELDS) {
      v.put(f, given.get(f));
    }
    return new LiveSnapshot(tick, java.util.Collections.unmodifiableMap(v));
  }

  /** Where a live run's snapshots come from. */
  public interface Source {
    /** The snapshot after {@code tick}. */
    LiveSnapshot at(long tick);
  }
}
