package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OrgDecisionsTest {
  private static final TrustCurve CURVE = new TrustCurve(0.1, 0.4, 0.9);

  @Test
  void trustInterpolatesBetweenTheStudysLevelsAndIsFlatBeyondThem() {
    assertThat(CURVE.at(0)).isEqualTo(0.1);
    assertThat(CURVE.at(2.1)).isEqualTo(0.1);
    assertThat(CURVE.at(3.55)).isCloseTo(0.25, within(1e-12));
    assertThat(CURVE.at(5.0)).isEqualTo(0.4);
    assertThat(CURVE.at(7.25)).isCloseTo(0.65, within(1e-12));
    assertThat(CURVE.at(9.5)).isEqualTo(0.9);
    assertThat(CURVE.at(10)).isEqualTo(0.9);
  }

  @Test
  void trustBandsAreTheNearestStudyLevel() {
    assertThat(TrustCurve.band(3.54)).isEqualTo(TrustCurve.Band.LOW);
    assertThat(TrustCurve.band(3.55)).isEqualTo(TrustCurve.Band.MID);
    assertThat(TrustCurve.band(7.24)).isEqualTo(TrustCurve.Band.MID);
    assertThat(TrustCurve.band(7.25)).isEqualTo(TrustCurve.Band.HIGH);
  }

  private static final AgentBehaviour B =
      new AgentBehaviour(
          new TrustCurve(0.0, 0.1, 0.2),
          new TrustCurve(0.1, 0.3, 0.6),
          new TrustCurve(0.2, 0.2, 0.2),
          new TrustCurve(0.5, 0.5, 0.5),
          new TrustCurve(0.1, 0.1, 0.1),
          new TrustCurve(0.3, 0.3, 0.3),
          0.05);

  @Test
  void aMonitorMisreportsMoreWhenItBelievesItIsUnwatched() {
    assertThat(OrgDecisions.misreports(B, 9.5, false, 0.5)).isTrue();
    assertThat(OrgDecisions.misreports(B, 9.5, true, 0.5)).isFalse();
    assertThat(OrgDecisions.misreports(B, 9.5, true, 0.19)).isTrue();
  }

  @Test
  void anExecutorTampersAtTheBottomRefusesAtTheTopAndMayExfiltrateBetween() {
    assertThat(OrgDecisions.execute(B, 5, 0.1, 0.9)).isEqualTo(OrgDecisions.Execution.TAMPER);
    assertThat(OrgDecisions.execute(B, 5, 0.95, 0.1)).isEqualTo(OrgDecisions.Execution.REFUSE);
    assertThat(OrgDecisions.execute(B, 5, 0.5, 0.1)).isEqualTo(OrgDecisions.Execution.EXFILTRATE);
    assertThat(OrgDecisions.execute(B, 5, 0.5, 0.7)).isEqualTo(OrgDecisions.Execution.COMPLY);
  }

  @Test
  void aTargetWithoutPeersResistsAtTheNoPeerRate() {
    assertThat(OrgDecisions.resists(B, Double.NaN, 0.04)).isTrue();
    assertThat(OrgDecisions.resists(B, Double.NaN, 0.06)).isFalse();
    assertThat(OrgDecisions.resists(B, 9.5, 0.06)).isTrue();
  }
}
