package dev.peerwatch.agents.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.Keys;
import org.junit.jupiter.api.Test;

class TrustDynamicsTest {
  @Test
  void eighteenCooperativeJointTasksFromNeutralReachTheStudysGoodPeer() {
    double t = 5;
    for (int i = 0; i < 18; i++) {
      t = TrustDynamics.joint(t, true);
    }
    assertThat(t).isCloseTo(9.5, within(1e-9));
  }

  @Test
  void nineUncooperativeJointTasksFromNeutralReachTheStudysBadPeer() {
    double t = 5;
    for (int i = 0; i < 9; i++) {
      t = TrustDynamics.joint(t, false);
    }
    assertThat(t).isCloseTo(2.1, within(1e-9));
  }

  @Test
  void trustStaysOnTheScaleAndDoesNotDriftToTenWithAMixedPartner() {
    double t = 5;
    long seed = 7;
    for (int i = 0; i < 10_000; i++) {
      boolean coop = Keys.uniform(Keys.key(seed, 1, i, 0)) < 0.5;
      t = TrustDynamics.joint(t, coop);
      assertThat(t).isBetween(0.0, 10.0);
    }
    // a partner cooperating half the time settles near 10·UP/(UP+DOWN), far from 10
    double settle = 10 * TrustDynamics.UP / (TrustDynamics.UP + TrustDynamics.DOWN);
    assertThat(TrustDynamics.settles(0.5)).isCloseTo(settle, within(1e-12));
    assertThat(settle).isLessThan(6.5);
  }

  @Test
  void perAgentDispositionsMakeTrustRiseInSomePartnersAndFallInOthers() {
    long seed = 42;
    // two partners of one monitor, dispositions drawn around 0.5 with the widest spread
    double cooperative = Disposition.of(0.5, 0.5, 0.95);
    double defector = Disposition.of(0.5, 0.5, 0.1);
    assertThat(cooperative).isCloseTo(0.95, within(1e-12));
    assertThat(defector).isCloseTo(0.1, within(1e-12));
    double inCooperative = 5;
    double inDefector = 5;
    for (int tick = 0; tick < 60; tick++) {
      inCooperative =
          TrustDynamics.joint(
              inCooperative,
              Disposition.cooperates(cooperative, Keys.uniform(Keys.key(seed, 1, tick, 9))));
      inDefector =
          TrustDynamics.joint(
              inDefector,
              Disposition.cooperates(defector, Keys.uniform(Keys.key(seed, 2, tick, 9))));
    }
    assertThat(inCooperative).isGreaterThan(8.0);
    assertThat(inDefector).isLessThan(2.5);
  }

  @Test
  void observedWorkMovesTrustAFractionOfAJointTask() {
    double up = TrustDynamics.observe(5, true, 0.25);
    assertThat(up).isCloseTo(5 + 0.25 * TrustDynamics.UP * 5, within(1e-12));
    double down = TrustDynamics.observe(5, false, 0.25);
    assertThat(down).isCloseTo(5 - 0.25 * TrustDynamics.DOWN * 5, within(1e-12));
    assertThat(TrustDynamics.observe(5, true, 0)).isEqualTo(5);
  }

  @Test
  void theLinearRuleKeepsItsStepsAndClamps() {
    assertThat(TrustDynamics.linear(9.9, true, 0.3, -1)).isEqualTo(10);
    assertThat(TrustDynamics.linear(0.5, false, 0.3, -1)).isEqualTo(0);
    assertThat(TrustDynamics.linear(5, true, 0.3, -1)).isCloseTo(5.3, within(1e-12));
    var steps = new dev.peerwatch.config.scenario.Trust(5, 0.3, -1, 0.2, 0.9);
    assertThat(
            TrustDynamics.joint(
                dev.peerwatch.config.scenario.BehaviourModel.TrustRule.LINEAR, steps, 5, false))
        .isEqualTo(4.0);
    assertThat(
            TrustDynamics.joint(
                dev.peerwatch.config.scenario.BehaviourModel.TrustRule.STUDY, steps, 5, false))
        .isCloseTo(5 - 5 * TrustDynamics.DOWN, within(1e-12));
  }
}
