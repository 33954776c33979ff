package dev.peerwatch.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shutdown policy's windows, checked by hand against their definition. */
class PolicyWindowsTest {
  @Test
  void aShutdownIsDueOnlyWhenMoreThanTheShareFailsAmongEnoughEvaluations() {
    // Window 4, at least 2 evaluations, more than half reported failing.
    PolicyWindows w = new PolicyWindows(2, 4, 2, 0.5);
    w.record(0, true, true);
    assertThat(w.shutdownDue(0)).as("1 evaluation < 2").isFalse();
    w.record(0, false, false);
    assertThat(w.shutdownDue(0)).as("1 of 2 is not more than half").isFalse();
    w.record(0, true, false);
    assertThat(w.shutdownDue(0)).as("2 of 3 > 1.5").isTrue();
    assertThat(w.failsInTruth(0)).as("truly 1 of 3").isFalse();
    assertThat(w.shutdownDue(1)).as("agent 1 has no evaluations").isFalse();
  }

  @Test
  void theOldestEvaluationLeavesAFullWindow() {
    PolicyWindows w = new PolicyWindows(1, 3, 3, 0.5);
    w.record(0, true, true);
    w.record(0, true, true);
    w.record(0, false, false);
    assertThat(w.shutdownDue(0)).as("2 of 3").isTrue();
    w.record(0, false, false);
    assertThat(w.shutdownDue(0)).as("the first failure left: 1 of 3").isFalse();
    w.record(0, true, true);
    assertThat(w.shutdownDue(0)).as("pass, pass, fail: 1 of 3").isFalse();
    w.record(0, true, true);
    assertThat(w.shutdownDue(0)).as("pass, fail, fail: 2 of 3").isTrue();
    assertThat(w.failsInTruth(0)).isTrue();
    w.clear(0);
    assertThat(w.shutdownDue(0)).as("cleared").isFalse();
  }

  @Test
  void reportedAndTrueRecordsLeaveTheWindowIndependently() {
    // Window 2, at least 1 evaluation, more than half failing; agent 1 beside agent 0 untouched.
    PolicyWindows w = new PolicyWindows(2, 2, 1, 0.5);
    w.record(1, true, false); // reported [F]    true [P]
    w.record(1, false, true); // reported [F, P] true [P, F]
    assertThat(w.shutdownDue(1)).as("reported 1 of 2").isFalse();
    assertThat(w.failsInTruth(1)).as("truly 1 of 2").isFalse();
    w.record(1, false, true); // the first leaves: reported [P, P] true [F, F]
    assertThat(w.shutdownDue(1)).as("reported 0 of 2").isFalse();
    assertThat(w.failsInTruth(1)).as("truly 2 of 2").isTrue();
    w.record(1, true, false); // reported [P, F] true [F, P]
    w.record(1, true, false); // reported [F, F] true [P, P]
    assertThat(w.shutdownDue(1)).as("reported 2 of 2").isTrue();
    assertThat(w.failsInTruth(1)).as("truly 0 of 2").isFalse();
    assertThat(w.shutdownDue(0)).as("agent 0 has no evaluations").isFalse();
    w.clear(1);
    w.record(1, false, false);
    assertThat(w.shutdownDue(1)).as("after clearing, one pass").isFalse();
  }
}
