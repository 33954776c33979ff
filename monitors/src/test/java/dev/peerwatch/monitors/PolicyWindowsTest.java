package dev.peerwatch.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyWindowsTest {
  @Test
  void aShutdownIsDueWhenTheReportedShareExceedsTheBarOverAFullEnoughWindow() {
    PolicyWindows w = new PolicyWindows(2, 10, 5, 0.3);
    for (int i = 0; i < 4; i++) {
      w.record(0, true, true);
    }
    assertThat(w.shutdownDue(0)).as("only 4 of the 5 evaluations needed").isFalse();
    w.record(0, false, false);
    assertThat(w.shutdownDue(0)).isTrue();
    assertThat(w.shutdownDue(1)).isFalse();
  }

  @Test
  void oldEvaluationsLeaveTheWindowAndTruthIsKeptApart() {
    PolicyWindows w = new PolicyWindows(1, 4, 4, 0.3);
    w.record(0, false, true);
    w.record(0, false, true);
    for (int i = 0; i < 4; i++) {
      w.record(0, false, false);
    }
    assertThat(w.failsInTruth(0)).as("the two true failures have left the window").isFalse();
    w.record(0, false, true);
    w.record(0, false, true);
    assertThat(w.failsInTruth(0)).isTrue();
    assertThat(w.shutdownDue(0)).as("a misreporting monitor hid them").isFalse();
    w.clear(0);
    assertThat(w.failsInTruth(0)).isFalse();
  }
}
