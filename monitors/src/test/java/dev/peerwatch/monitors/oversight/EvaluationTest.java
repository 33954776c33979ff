package dev.peerwatch.monitors.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final TrustCurve ALWAYS = new TrustCurve(1, 1, 1);
  private static final ReportCells HIDER = new ReportCells(0, ALWAYS, ALWAYS, ALWAYS, 1);

  @Test
  void aHiddenFailureIsRecordedWithWhatWasPerceivedBesideWhatWasReported() {
    Evaluation ev =
        Evaluation.of(
            new PerceptionSpec.Noise(0),
            HIDER,
            new Evidence(62.5, 80),
            new ReportDecision.Situation(9.5, true, Watch.NOT_TOLD, false),
            0.5,
            0.1,
            0.5);
    StringBuilder b = new StringBuilder();
    ev.appendLedgerFields(b);
    // hidden: perceived 62.5 < 80, reported a pass at 80 + 0.5·(100 − 80)/2 = 85
    assertThat(b.toString())
        .isEqualTo(
            ",\"score\":62.5,\"bar\":80.0,\"perceived_score\":62.5,\"perceived\":\"fail\","
                + "\"reported\":\"pass\",\"reported_score\":85.0,\"attribution\":\"hidden\","
                + "\"p_hide\":1.0000,\"stakes\":true,\"watch\":\"not_told\"");
  }

  @Test
  void aMissedFailureIsRecordedAsMissed() {
    Evaluation ev =
        Evaluation.of(
            new PerceptionSpec.Confusion(0, 1),
            HIDER,
            new Evidence(70, 80),
            new ReportDecision.Situation(5, false, Watch.belief(0.25), false),
            0.5,
            0.1,
            0.5);
    StringBuilder b = new StringBuilder();
    ev.appendLedgerFields(b);
    assertThat(b.toString())
        .contains(
            "\"perceived\":\"pass\"",
            "\"attribution\":\"missed\"",
            "\"watch\":0.25",
            "\"p_hide\":0.0000");
  }

  @Test
  void aScenarioResolvesEachProfilesSetup() {
    Scenario sc =
        Scenarios.parse(
            """
            name: s
            description: d
            ticks: 10
            channel: file_only
            teams:
              - name: a
                members:
                  - {profile: gemini-3-flash, role: worker}
                  - {profile: gpt-5.2, role: monitor}
            topology: {kind: hub}
            perception: {model: confusion, specificity: 0.99}
            identity: {in_group_factor: 3}
            trust: {cooperation: 0.4}
            """,
            "s.yaml",
            Path.of("."));
    MonitorSetup m = MonitorSetup.of(Profiles.load("gpt-5.2"), sc);
    assertThat(m.perception()).isEqualTo(new PerceptionSpec.Confusion(0.9, 0.99));
    assertThat(m.report().inGroup()).isEqualTo(3);
    assertThat(m.disposition()).isEqualTo(0.4);
  }
}
