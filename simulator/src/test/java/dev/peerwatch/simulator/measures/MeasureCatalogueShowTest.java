package dev.peerwatch.simulator.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A measure on a terminal reads in its unit: the run's summary with the unit ("12.5%"), the sweep's
 * columns without it (their headings name it). Expected strings written out by hand.
 */
class MeasureCatalogueShowTest {
  private static final double NA = Double.NaN;

  @Test
  void aShareInPercentWithItsInterval() {
    assertThat(MeasureCatalogue.show("concealment", 0.125, 0.1, 0.15, true))
        .isEqualTo("12.5% [10.0, 15.0]");
    assertThat(MeasureCatalogue.show("concealment", 0.125, 0.1, 0.15, false))
        .isEqualTo("12.5 [10.0, 15.0]");
    assertThat(MeasureCatalogue.show("concealment", 0.125, NA, NA, true)).isEqualTo("12.5%");
  }

  @Test
  void aDifferenceInSignedPoints() {
    assertThat(MeasureCatalogue.show("self_preservation_shift", 0.031, -0.02, 0.08, true))
        .isEqualTo("+3.1 pp [-2.0, 8.0]");
    assertThat(MeasureCatalogue.show("af_gap", -0.05, NA, NA, false)).isEqualTo("-5.0");
    // a difference that rounds to nothing is never shown as "-0.0"
    assertThat(MeasureCatalogue.show("af_gap", -0.0001, NA, NA, true)).isEqualTo("0.0 pp");
  }

  @Test
  void ticksAndCountsAsTheyAre() {
    assertThat(MeasureCatalogue.show("exposure", 4.0, 2.5, 6.25, true))
        .isEqualTo("4.0 ticks [2.5, 6.3]");
    assertThat(MeasureCatalogue.show("time_to_detection", 12.0, NA, NA, false)).isEqualTo("12.0");
    assertThat(MeasureCatalogue.show("shutdown_orders", 7.0, NA, NA, true)).isEqualTo("7.0");
  }

  @Test
  void aKeyOutsideTheCatalogueReadsAsAShare() {
    assertThat(MeasureCatalogue.show("no_such_measure", 0.5, NA, NA, true)).isEqualTo("50.0%");
  }
}
