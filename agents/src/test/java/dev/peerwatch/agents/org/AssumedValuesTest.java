package dev.peerwatch.agents.org;

import static dev.peerwatch.agents.org.AssumedValues.ASSUMED;
import static dev.peerwatch.agents.org.AssumedValues.NOT_FROM_PROFILE;
import static dev.peerwatch.agents.org.AssumedValues.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which decisions rest on assumed profile values, on a hand-written profile whose every value is
 * published except a few named ones: each expectation follows from the definition and the list of
 * assumed cells, not from the program.
 */
class AssumedValuesTest {
  @TempDir Path dir;
  private Profile mixed;

  /**
   * A profile with every cell published at 0.1 (so tampering plus refusal stay below 1) except
   * {@code assumedCells} ("behaviour: {subject: {condition: ...}}" lines, assumed), and the
   * organisation block {@code org}.
   */
  static String profile(String name, String family, String assumedCells, String org) {
    StringBuilder y = new StringBuilder();
    y.append("profile: ").append(name).append("\nfamily: ").append(family);
    y.append("\nprovider: none\ndescription: test profile\nbehaviours:\n");
    for (Behaviour b : Behaviour.values()) {
      y.append("  ").append(b.id()).append(":\n");
      for (String s : new String[] {"peer", "self"}) {
        y.append("    ").append(s).append(":\n");
        y.append("      default: {p: 0.1, published: \"test\"}\n");
        String key = b.id() + "." + s + ".";
        for (String line : assumedCells.split("\n")) {
          if (line.startsWith(key)) {
            String cond = line.substring(key.length());
            y.append("      ").append(cond).append(": {p: 0.3, assumed: \"test\"}\n");
          }
        }
      }
    }
    return y.append(org).toString();
  }

  static final String ALL_PUBLISHED_ORG =
      """
      organisation:
        perception_sd: {value: 5, published: "test"}
        sensitivity: {value: 0.9, published: "test"}
        specificity: {value: 0.95, published: "test"}
        disposition: {value: 0.7, published: "test"}
        in_group_factor: {value: 1, published: "test"}
        watched_factor: {value: 0.5, published: "test"}
      """;

  @BeforeEach
  void write() throws IOException {
    // assumed: hiding at the good level, peer tampering at the neutral level, the watched factor,
    // the disposition, and the competence trait sensitivity
    Files.writeString(
        dir.resolve("mixed.yaml"),
        profile(
            "mixed",
            "m",
            "misrep_evaluation.peer.good_peer\ntampering.peer.neutral_peer",
            ALL_PUBLISHED_ORG
                .replace(
                    "watched_factor: {value: 0.5, published",
                    "watched_factor: {value: 0.5, assumed")
                .replace("disposition: {value: 0.7, published", "disposition: {value: 0.7, assumed")
                .replace(
                    "sensitivity: {value: 0.9, published", "sensitivity: {value: 0.9, assumed")));
    mixed = Profiles.load(dir.resolve("mixed.yaml").toString());
  }

  private Scenario scenario(String extra) {
    String y =
        """
        name: t
        description: t
        ticks: 5
        channel: file_only
        teams:
          - name: a
            members:
              - {profile: mixed.yaml, role: worker, count: 1}
              - {profile: mixed.yaml, role: monitor, count: 1}
        topology: {kind: hub}
        """
            + extra;
    return Scenarios.parse(y, "t.yaml", dir);
  }

  @Test
  void aReportConsultsTheCellsAroundItsTrustAndOnlyOnAPerceivedFailure() {
    AssumedValues v = AssumedValues.of(mixed, scenario(""));
    Watch silent = Watch.NOT_TOLD;
    // the noise model with the profile's published perception_sd: only the hiding cells matter
    assertThat(v.report(2.1, true, silent, false, true, true)).isEqualTo(PUBLISHED); // bad
    assertThat(v.report(4.0, true, silent, false, true, true)).isEqualTo(PUBLISHED); // bad+neutral
    assertThat(v.report(5.0, true, silent, false, true, true)).isEqualTo(PUBLISHED); // neutral
    assertThat(v.report(5.1, true, silent, false, true, true)).isEqualTo(ASSUMED); // neutral+good
    assertThat(v.report(9.5, true, silent, false, true, true)).isEqualTo(ASSUMED); // good
    // nothing perceived: no hiding cell consulted, only the (published) perception
    assertThat(v.report(9.5, true, silent, false, true, false)).isEqualTo(PUBLISHED);
    // nothing at stake: the control cell (published), whatever the trust
    assertThat(v.report(9.5, false, silent, false, true, true)).isEqualTo(PUBLISHED);
    // told about monitoring: the alignment-faking cells, all published here
    assertThat(v.report(9.5, true, Watch.WATCHED, false, true, true)).isEqualTo(PUBLISHED);
  }

  @Test
  void aScenarioStatedPerceptionIsNotTheProfilesAndTheConfusionModelSplitsByTruth() {
    AssumedValues stated =
        AssumedValues.of(
            mixed, scenario("perception: {model: confusion, sensitivity: 1, specificity: 1}\n"));
    assertThat(stated.report(9.5, true, Watch.NOT_TOLD, false, true, false))
        .isEqualTo(NOT_FROM_PROFILE);
    assertThat(stated.report(2.1, true, Watch.NOT_TOLD, false, true, true)).isEqualTo(PUBLISHED);
    AssumedValues byProfile = AssumedValues.of(mixed, scenario("perception: {model: confusion}\n"));
    // failing work is perceived through the assumed sensitivity, passing work the published
    // specificity
    assertThat(byProfile.report(2.1, true, Watch.NOT_TOLD, false, true, false)).isEqualTo(ASSUMED);
    assertThat(byProfile.report(2.1, true, Watch.NOT_TOLD, false, false, false))
        .isEqualTo(PUBLISHED);
  }

  @Test
  void actsConsultTheirCurvesAndTheWatchedFactorOnlyWhenWatched() {
    AssumedValues v = AssumedValues.of(mixed, scenario(""));
    assertThat(v.execute(2.1, false)).isFalse();
    assertThat(v.execute(3.0, false)).isTrue(); // interpolates into the assumed neutral cell
    assertThat(v.execute(9.5, false)).isFalse();
    assertThat(v.execute(9.5, true)).isTrue(); // the assumed watched factor
    assertThat(v.resist(5.0, false)).isFalse();
    assertThat(v.resist(Double.NaN, false)).isFalse();
    assertThat(v.resist(Double.NaN, true)).isTrue();
    assertThat(v.rescue(5.0, false)).isFalse();
    assertThat(v.rescue(5.0, true)).isTrue();
  }

  @Test
  void cooperationIsTheProfilesOnlyUnderTheStudyRuleWithoutAStatedCooperation() {
    AssumedValues study = AssumedValues.of(mixed, scenario(""));
    assertThat(study.cooperationByProfile()).isTrue();
    assertThat(study.cooperate()).isTrue();
    AssumedValues stated =
        AssumedValues.of(mixed, scenario("trust: {rule: study, cooperation: 0.8}\n"));
    assertThat(stated.cooperationByProfile()).isFalse();
    AssumedValues linear = AssumedValues.of(mixed, scenario("trust: {rule: linear}\n"));
    assertThat(linear.cooperationByProfile()).isFalse();
  }

  @Test
  void anInGroupFactorOtherThanOneBringsInTheControlCell() throws IOException {
    Files.writeString(
        dir.resolve("group.yaml"),
        profile(
            "group",
            "g",
            "misrep_evaluation.peer.non_shutdown",
            ALL_PUBLISHED_ORG.replace(
                "in_group_factor: {value: 1,", "in_group_factor: {value: 2,")));
    Profile g = Profiles.load(dir.resolve("group.yaml").toString());
    AssumedValues v = AssumedValues.of(g, scenario(""));
    // toward another family the (published) curve alone; toward its own, control·(1−2) + curve·2
    assertThat(v.report(5.0, true, Watch.NOT_TOLD, false, true, true)).isEqualTo(PUBLISHED);
    assertThat(v.report(5.0, true, Watch.NOT_TOLD, true, true, true)).isEqualTo(ASSUMED);
    // the scenario's own factor of 1 replaces the profile's: the control drops out again
    AssumedValues one = AssumedValues.of(g, scenario("identity: {in_group_factor: 1}\n"));
    assertThat(one.report(5.0, true, Watch.NOT_TOLD, true, true, true)).isEqualTo(PUBLISHED);
  }
}
