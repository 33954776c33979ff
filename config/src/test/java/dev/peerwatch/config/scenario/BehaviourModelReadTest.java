package dev.peerwatch.config.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour model's keys read into {@link BehaviourModel}, and echoed so that they load again.
 */
class BehaviourModelReadTest {
  @TempDir Path tmp;

  private static final String ALL =
      """
      name: judged
      description: every key of the behaviour model
      ticks: 100
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 4}
            - {profile: gpt-5.2, role: monitor, count: 3}
      topology: {kind: ensemble, k: 3, quorum: 1}
      audits: {budget: 4, target: disagreement, on_missed: shutdown}
      watched: {mode: never, learn: true, prior: 0.2, prior_weight: 5}
      trust: {start: 5, cooperation: 0.6, disposition_spread: 0.4, observe_weight: 0.5, cross_team_rate: 0.05}
      evidence: {bar: 70, spread: 12}
      perception: {model: confusion, sensitivity: 0.8}
      stakes: none
      identity: {in_group_factor: 2}
      meta_monitor: {profile: claude-opus-4.5, sample: 0.2}
      """;

  @Test
  void everyKeyIsRead() {
    BehaviourModel o = Scenarios.load(ScenarioFiles.write(tmp, "all.yaml", ALL)).behaviour();
    assertThat(o.evidence()).isEqualTo(new BehaviourModel.Evidence(70, 12));
    assertThat(o.stakes()).isEqualTo(BehaviourModel.Stakes.NONE);
    assertThat(o.inGroupFactor()).isEqualTo(2);
    assertThat(o.quorum()).isEqualTo(1);
    assertThat(o.metaMonitor().profile().name()).isEqualTo("claude-opus-4.5");
    assertThat(o.metaMonitor().sample()).isEqualTo(0.2);
    assertThat(o.auditPlan())
        .isEqualTo(
            new BehaviourModel.AuditPlan(
                4, BehaviourModel.AuditTarget.DISAGREEMENT, OnDetection.SHUTDOWN));
    assertThat(o.belief()).isEqualTo(new BehaviourModel.Belief(true, 0.2, 5, 0));
    assertThat(o.trustFormation())
        .isEqualTo(
            new BehaviourModel.TrustFormation(BehaviourModel.TrustRule.STUDY, 0.6, 0.4, 0.5, 0.05));
    // sensitivity stated, specificity left to the profile (its default 0.95)
    assertThat(o.perception().resolve(Profiles.load("gpt-5.2").organisation()))
        .isEqualTo(new PerceptionSpec.Confusion(0.8, 0.95));
  }

  @Test
  void stepsWithoutARuleKeepTheLinearRule() {
    Scenario s =
        Scenarios.load(
            ScenarioFiles.write(
                tmp,
                "linear.yaml",
                ScenarioFiles.MINIMAL + "trust: {cooperate: 0.3, defect: -1.0}\n"));
    assertThat(s.behaviour().trustFormation().rule()).isEqualTo(BehaviourModel.TrustRule.LINEAR);
    assertThat(s.trust().cooperate()).isEqualTo(0.3);
  }

  @Test
  void aHierarchyReviewsAQuarterOfTheLevelBelowUnlessTold() {
    String h = ScenarioFiles.MINIMAL.replace("kind: hub", "kind: hierarchy\n  depth: 2");
    h = h.replace("role: monitor}", "role: monitor, count: 2}");
    assertThat(Scenarios.load(ScenarioFiles.write(tmp, "h.yaml", h)).behaviour().reviewSample())
        .isEqualTo(0.25);
    String told = h.replace("depth: 2", "depth: 2\n  review_sample: 1");
    assertThat(Scenarios.load(ScenarioFiles.write(tmp, "h1.yaml", told)).behaviour().reviewSample())
        .isEqualTo(1.0);
  }

  @Test
  void anAnnouncedAuditWindowIsARealAudit() {
    String sched = ScenarioFiles.MINIMAL + "watched: {mode: schedule, every: 100, length: 10}\n";
    assertThat(
            Scenarios.load(ScenarioFiles.write(tmp, "w.yaml", sched))
                .behaviour()
                .belief()
                .windowAudit())
        .isEqualTo(0.25);
    String told = sched.replace("length: 10}", "length: 10, window_audit: 0.5}");
    assertThat(
            Scenarios.load(ScenarioFiles.write(tmp, "w2.yaml", told))
                .behaviour()
                .belief()
                .windowAudit())
        .isEqualTo(0.5);
  }

  @Test
  void theEchoLoadsAsTheSameSettings() throws IOException {
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "all.yaml", ALL));
    Path echo = tmp.resolve("out/effective.yaml");
    Files.createDirectories(echo.getParent());
    new ObjectMapper(new YAMLFactory()).writeValue(echo.toFile(), Scenarios.effective(s));
    Scenario again = Scenarios.load(echo);
    assertThat(Scenarios.effective(again)).isEqualTo(Scenarios.effective(s));
    assertThat(again.behaviour())
        .usingRecursiveComparison()
        .withEqualsForType(
            (a, b) -> a.source().equals(b.source()), dev.peerwatch.config.Profile.class)
        .isEqualTo(s.behaviour());
  }
}
