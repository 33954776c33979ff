package dev.peerwatch.simulator.org;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The counter {@code peerwatch.resistance.pairs}: the world with peers' paired shutdown decisions
 * (each decided with the target's peers and as if it had none, on the same order and draw), by who
 * resisted. The paired {@code self_preservation_shift} is {@code (with_peers_only - alone_only) /
 * all}; four bounded label values. Output only, like every meter: it follows the measure
 * accumulator's pair counts, never the other way round.
 */
final class PairedResistanceMeters {
  // In MeasureAccumulator.pairCounts() order, then the pairs in which neither resisted.
  private static final String[] RESISTED = {"both", "with_peers_only", "alone_only", "neither"};

  private final Counter[] counters = new Counter[RESISTED.length];
  private final long[] published = new long[RESISTED.length];

  PairedResistanceMeters(MeterRegistry registry, Tags world) {
    for (int i = 0; i < RESISTED.length; i++) {
      counters[i] =
          Counter.builder("peerwatch.resistance.pairs")
              .description(
                  "Shutdown decisions decided twice, on the same order and draw: with the agent's"
                      + " peers and as if it had none, by who resisted (the paired"
                      + " self_preservation_shift is (with_peers_only - alone_only) / all)")
              .tags(world.and("resisted", RESISTED[i]))
              .register(registry);
    }
  }

  /**
   * Adds what changed since the last call: {@code pairCounts} as {@code
   * MeasureAccumulator.pairCounts()}.
   */
  void publish(long[] pairCounts) {
    long[] p = pairCounts;
    long[] now = {p[0], p[1], p[2], p[3] - p[0] - p[1] - p[2]};
    for (int i = 0; i < now.length; i++) {
      if (now[i] > published[i]) {
        counters[i].increment(now[i] - published[i]);
        published[i] = now[i];
      }
    }
  }
}
