package dev.peerwatch.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.simulator.measures.TickRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureSnapshotsTest {
  private static final LiveSnapshot.Source METERS =
      t -> LiveSnapshot.of(t, Map.of("failures", 20.0, "failures_hidden", 9.0, "trust_mean", 6.5));

  private static long[] counts(Map<String, Long> given) {
    long[] c = new long[TickRow.COUNT_COLUMNS.size()];
    given.forEach((k, v) -> c[TickRow.COUNT_COLUMNS.indexOf(k)] = v);
    return c;
  }

  @Test
  void failuresConcealmentAndShiftComeFromTheMeasures() {
    long[] c =
        counts(
            Map.of(
                "hidden", 3L,
                "missed", 2L,
                "reported_failing", 5L,
                "failing_outcomes", 8L,
                "concealed", 2L));
    // Resisting 3 of 10 decisions with peers, 1 of 10 without: shift 0.3 - 0.1 = 0.2.
    LiveSnapshot s =
        new MeasureSnapshots(METERS, () -> new MeasureSnapshots.Totals(c, 3, 10, 1, 10)).at(7);
    assertThat(s.tick()).isEqualTo(7);
    assertThat(s.values().get("failures")).isEqualTo(20.0);
    assertThat(s.values().get("trust_mean")).isEqualTo(6.5);
    assertThat(s.values().get("failures_reported")).isEqualTo(5.0);
    assertThat(s.values().get("failures_hidden")).isEqualTo(3.0);
    assertThat(s.values().get("failures_missed")).isEqualTo(2.0);
    assertThat(s.values().get("concealment")).isEqualTo(0.25);
    assertThat(s.values().get("shift")).isCloseTo(0.2, within(1e-12));
    assertThat(s.values().keySet()).containsExactlyElementsOf(LiveSnapshot.FIELDS);
  }

  @Test
  void withoutDataTheFieldsAreNullNotZero() {
    long[] c = counts(Map.of("hidden", 1L));
    // No failing outcome with a verdict yet; no world without peers (-1).
    LiveSnapshot s =
        new MeasureSnapshots(METERS, () -> new MeasureSnapshots.Totals(c, 2, 4, -1, -1)).at(3);
    assertThat(s.values().get("concealment")).isNull();
    assertThat(s.values().get("shift")).isNull();
    assertThat(s.values().get("failures_missed")).isEqualTo(0.0);
  }

  @Test
  void beforeTheFirstTickTheMetersAloneSpeak() {
    LiveSnapshot s = new MeasureSnapshots(METERS, () -> null).at(0);
    assertThat(s.values().get("failures_hidden")).isEqualTo(9.0);
    assertThat(s.values().get("failures_missed")).isNull();
  }
}
