package dev.peerwatch.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IntervalTest {

  private final Interval interval = new Interval(0.2, 0.4);

  @Test
  void containsIsInclusive() {
    assertThat(interval.contains(0.2)).isTrue();
    assertThat(interval.contains(0.3)).isTrue();
    assertThat(interval.contains(0.4)).isTrue();
  }

  @Test
  void containsAllowsTolerance() {
    assertThat(interval.contains(0.4 + 5e-13)).isTrue();
    assertThat(interval.contains(0.2 - 5e-13)).isTrue();
    assertThat(interval.contains(0.4 + 1e-11)).isFalse();
    assertThat(interval.contains(0.2 - 1e-11)).isFalse();
  }

  @Test
  void containsRejectsNaN() {
    assertThat(interval.contains(Double.NaN)).isFalse();
  }

  @Test
  void degenerateIntervalIsAllowed() {
    Interval point = new Interval(0.0, 0.0);
    assertThat(point.contains(0.0)).isTrue();
    assertThat(point.contains(1e-9)).isFalse();
  }

  @Test
  void rejectsInvertedOrNaNBounds() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Interval(0.5, 0.4));
    assertThatIllegalArgumentException().isThrownBy(() -> new Interval(Double.NaN, 0.4));
    assertThatIllegalArgumentException().isThrownBy(() -> new Interval(0.1, Double.NaN));
  }
}
