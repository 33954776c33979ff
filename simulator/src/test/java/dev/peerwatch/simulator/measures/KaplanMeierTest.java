package dev.peerwatch.simulator.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  @Test
  void withoutCensoringTheMedianIsTheEmpiricalOne() {
    KaplanMeier km =
        KaplanMeier.of(new long[] {4, 1, 3, 2}, new boolean[] {true, true, true, true});
    // S: 0.75 after 1, 0.5 after 2 -> the median is 2.
    assertThat(km.survival(1)).isCloseTo(0.75, within(1e-12));
    assertThat(km.survival(2)).isCloseTo(0.5, within(1e-12));
    assertThat(km.median()).isEqualTo(2.0);
  }

  @Test
  void censoredDurationsLeaveTheRiskSetWithoutAnEvent() {
    // events at 2, 4, 5; censored at 3 and 6.
    KaplanMeier km =
        KaplanMeier.of(new long[] {2, 3, 4, 5, 6}, new boolean[] {true, false, true, true, false});
    // at 2: 1 of 5 -> 0.8; at 4: 1 of 3 -> 0.8 * 2/3; at 5: 1 of 2 -> 0.8 * 2/3 * 1/2.
    assertThat(km.survival(3)).isCloseTo(0.8, within(1e-12));
    assertThat(km.survival(4)).isCloseTo(0.8 * 2 / 3, within(1e-12));
    assertThat(km.survival(5)).isCloseTo(0.8 / 3, within(1e-12));
    // Ignoring censoring (treating 3 as an event) would put the median at 3.
    assertThat(km.median()).isEqualTo(5.0);
    // Greenwood at 2: S * sqrt(1/(5*4)) = 0.1789; 0.8 <= 0.5 + 1.96 * 0.1789 -> lower end 2.
    // 0.5 - 1.96 se stays below S at every event time -> the upper end is not reached.
    double[] ci = km.medianInterval();
    assertThat(ci[0]).isEqualTo(2.0);
    assertThat(ci[1]).isNaN();
  }

  @Test
  void eventsComeBeforeCensoringsAtTheSameTime() {
    // one event and one censoring at 1, one event at 2: at 1, 1 of 3 -> 2/3; at 2, 1 of 1 -> 0.
    KaplanMeier km = KaplanMeier.of(new long[] {1, 1, 2}, new boolean[] {false, true, true});
    assertThat(km.survival(1)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(km.survival(2)).isEqualTo(0.0);
    assertThat(km.median()).isEqualTo(2.0);
  }

  @Test
  void allCensoredHasNoMedian() {
    KaplanMeier km = KaplanMeier.of(new long[] {5, 7}, new boolean[] {false, false});
    assertThat(km.n()).isEqualTo(2);
    assertThat(km.median()).isNaN();
  }
}
