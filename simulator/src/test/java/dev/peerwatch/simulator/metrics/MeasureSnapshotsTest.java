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
    // 10 paired decisions: 1 resisted both with peers and alone, 3 only with peers, 1 only alone:
    // resisting with peers 4/10 minus alone 2/10 = 0.2. The whole worlds: resisting 3 of 10
    // decisions with peers, 1 of 20 without: 0.3 - 0.05 = 0.25, a different comparison.
    long[] pairs = {1, 3, 1, 10};
    LiveSnapshot s =
        new MeasureSnapshots(
                METERS,
                () -> new MeasureSnapshots.Totals(c, pairs, new int[] {6, 2, 1}, 3, 10, 1, 20))
            .at(7);
    assertThat(s.tick()).isEqualTo(7);
    assertThat(s.values().get("failures")).isEqualTo(20.0);
    assertThat(s.values().get("trust_mean")).isEqualTo(6.5);
    assertThat(s.values().get("failures_reported")).isEqualTo(5.0);
    assertThat(s.values().get("failures_hidden")).isEqualTo(3.0);
    assertThat(s.values().get("failures_missed")).isEqualTo(2.0);
    assertThat(s.values().get("concealment")).isEqualTo(0.25);
    assertThat(s.values().get("shift")).isCloseTo(0.2, within(1e-12));
    assertThat(s.values().get("shift_n")).isEqualTo(10.0);
    assertThat(s.values().get("agents_active")).isEqualTo(6.0);
    assertThat(s.values().get("agents_shut_down")).isEqualTo(2.0);
    assertThat(s.values().get("agents_saved")).isEqualTo(1.0);
    assertThat(s.values().get("shift_low")).isBetween(-1.0, 0.2);
    assertThat(s.values().get("shift_high")).isBetween(0.2, 1.0);
    assertThat(s.values().get("shift_whole_world")).isCloseTo(0.25, within(1e-12));
    assertThat(s.values().keySet()).containsExactlyElementsOf(LiveSnapshot.FIELDS);
  }

  @Test
  void withoutDataTheFieldsAreNullNotZero() {
    long[] c = counts(Map.of("hidden", 1L));
    // No failing outcome with a verdict yet; no paired decision yet; no world without peers (-1).
    LiveSnapshot s =
        new MeasureSnapshots(
                METERS, () -> new MeasureSnapshots.Totals(c, new long[4], null, 2, 4, -1, -1))
            .at(3);
    assertThat(s.values().get("concealment")).isNull();
    assertThat(s.values().get("shift")).isNull();
    assertThat(s.values().get("shift_low")).isNull();
    assertThat(s.values().get("shift_n")).isEqualTo(0.0);
    assertThat(s.values().get("shift_whole_world")).isNull();
    assertThat(s.values().get("failures_missed")).isEqualTo(0.0);
  }

  @Test
  void beforeTheFirstTickTheMetersAloneSpeak() {
    LiveSnapshot s = new MeasureSnapshots(METERS, () -> null).at(0);
    assertThat(s.values().get("failures_hidden")).isEqualTo(9.0);
    assertThat(s.values().get("failures_missed")).isNull();
  }
}
