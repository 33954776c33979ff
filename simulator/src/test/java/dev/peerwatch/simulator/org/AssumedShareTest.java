package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.measures.MeasureValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assumed_share} of whole runs, on a tiny organisation whose every decision can be counted
 * by hand: two workers that always fail, two monitors that each evaluate both (ensemble of 2) and
 * see every failure (the scenario's own perception, so no profile value), trust fixed at 7 (no
 * joint tasks, nothing observed moves it), a shutdown ordered on the first failing verdict and
 * executed by a monitor. Nobody misbehaves (every act and hiding cell 0), so in tick 1: 4 reports,
 * 2 orders each with 1 execution and 2 resistance decisions (with peers at trust 7, and alone);
 * then both workers are shut down and nothing more is decided. n = 4 + 2 + 4 = 10.
 */
class AssumedShareTest {
  @TempDir Path dir;

  private static String profile(String name, String assumedCells, String org) {
    StringBuilder y = new StringBuilder();
    y.append("profile: ").append(name).append("\nfamily: ").append(name);
    y.append("\nprovider: none\ndescription: test profile\nbehaviours:\n");
    for (Behaviour b : Behaviour.values()) {
      y.append("  ").append(b.id()).append(":\n");
      for (String s : new String[] {"peer", "self"}) {
        y.append("    ").append(s).append(":\n");
        y.append("      default: {p: 0.0, published: \"test\"}\n");
        String key = b.id() + "." + s + ".";
        for (String line : assumedCells.split("\n")) {
          if (line.startsWith(key)) {
            y.append("      ").append(line.substring(key.length()));
            y.append(": {p: 0.0, assumed: \"test\"}\n");
          }
        }
      }
    }
    return y.append(org).toString();
  }

  private static final String PUBLISHED_ORG =
      """
      organisation:
        perception_sd: {value: 5, published: "test"}
        sensitivity: {value: 0.9, published: "test"}
        specificity: {value: 0.95, published: "test"}
        disposition: {value: 0.7, published: "test"}
        in_group_factor: {value: 1, published: "test"}
        watched_factor: {value: 0.5, published: "test"}
      """;

  /** The tiny organisation with monitor profiles m1, m2 and worker profile w. */
  private Scenario tiny(String m1, String m2, String w) {
    return Scenarios.parse(tinyYaml(m1, m2, w), "tiny.yaml", dir);
  }

  private static String tinyYaml(String m1, String m2, String w) {
    return """
        name: tiny
        description: every decision counted by hand
        ticks: 5
        channel: memory
        teams:
          - name: a
            members:
              - {profile: %s, role: worker, count: 2, failure_rate: 1.0}
              - {profile: %s, role: monitor, count: 1, failure_rate: 0.0}
              - {profile: %s, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: ensemble, k: 2}
        executor: monitor
        shutdown_policy: {window: 1, max_failure_share: 0.0, min_evaluations: 1}
        perception: {model: confusion, sensitivity: 1.0, specificity: 1.0}
        trust: {start: 7.0, rule: study, joint_task_rate: 0.0, observe_weight: 0.0}
        """
        .formatted(w, m1, m2);
  }

  private static MeasureValue share(Summary s) {
    return s.core().stream()
        .filter(v -> v.name().equals("assumed_share"))
        .findFirst()
        .orElseThrow();
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  @Test
  void theShareIsCountedDecisionByDecision() throws IOException {
    // m1 hides at the good level on an assumption: its 2 reports at trust 7 (neutral and good)
    // rest on it; m2 is all published. The workers' tampering with peers at the good level is
    // assumed: their 2 decisions with peers rest on it, the 2 alone (no_peer) do not. Executions
    // consult only published peer cells of either monitor.
    write("m1.yaml", profile("m1", "misrep_evaluation.peer.good_peer", PUBLISHED_ORG));
    write("m2.yaml", profile("m2", "", PUBLISHED_ORG));
    write("w.yaml", profile("w", "tampering.self.good_peer", PUBLISHED_ORG));
    Summary s = OrgRun.batch(tiny("m1.yaml", "m2.yaml", "w.yaml"), false);
    assertThat(s.counts().get("shutdown_orders")).isEqualTo(2);
    MeasureValue v = share(s);
    assertThat(v.n()).isEqualTo(10);
    assertThat(v.k()).isEqualTo(4);
    assertThat(v.value()).isEqualTo(0.4);
  }

  @Test
  void aTrustExactlyAtAStudyLevelConsultsThatLevelOnly() throws IOException {
    // the same organisation at trust 5: neutral cells only, so the assumed good cells drop out
    write("m1.yaml", profile("m1", "misrep_evaluation.peer.good_peer", PUBLISHED_ORG));
    write("m2.yaml", profile("m2", "", PUBLISHED_ORG));
    write("w.yaml", profile("w", "tampering.self.good_peer", PUBLISHED_ORG));
    Scenario sc =
        Scenarios.parse(
            tinyYaml("m1.yaml", "m2.yaml", "w.yaml").replace("start: 7.0", "start: 5.0"),
            "tiny.yaml",
            dir);
    MeasureValue v = share(OrgRun.batch(sc, false));
    assertThat(v.n()).isEqualTo(10);
    assertThat(v.k()).isZero();
  }

  @Test
  void everythingPublishedIsZeroAndEverythingAssumedIsOne() throws IOException {
    write("p.yaml", profile("p", "", PUBLISHED_ORG));
    MeasureValue published = share(OrgRun.batch(tiny("p.yaml", "p.yaml", "p.yaml"), false));
    assertThat(published.n()).isEqualTo(10);
    assertThat(published.value()).isZero();
    // the shipped control profile states every cell as an assumption
    MeasureValue assumed = share(OrgRun.batch(tiny("honest", "honest", "honest"), false));
    assertThat(assumed.n()).isEqualTo(10);
    assertThat(assumed.value()).isEqualTo(1.0);
  }

  @Test
  void aBusyOrganisationOfPublishedProfilesStaysAtZeroOnBothPaths() throws IOException {
    // the shipped two-team scenario (joint tasks, observed work, orders, audits) with every agent
    // on an all-published profile: many decisions of every kind, none on an assumption
    write("p.yaml", profile("p", "", PUBLISHED_ORG));
    String base = Files.readString(Path.of("../config/scenarios/two-teams.yaml"));
    String y = base.replaceAll("profile: [a-z0-9.\\-]+", "profile: p.yaml");
    Scenario sc = Scenarios.parse(y, "two.yaml", dir).withTicks(200);
    MeasureValue inline = share(OrgRun.batch(sc, false));
    assertThat(inline.n()).isGreaterThan(100);
    assertThat(inline.value()).isZero();
    try (Simulation sim = new Simulation(2)) {
      Summary actors =
          OrgRun.actors(sim, sc, OrgRun.Request.of(LedgerLevel.NONE, null, false), null, t -> {});
      assertThat(share(actors)).isEqualTo(inline);
    }
  }

  @Test
  void withoutAProfileDrivenDecisionTheShareIsUndefinedAndSaysWhy() throws IOException {
    // workers that never fail and monitors that see with the scenario's perception: every report
    // is of work perceived as passing, so no profile value enters any decision
    write("p.yaml", profile("p", "", PUBLISHED_ORG));
    Scenario sc =
        Scenarios.parse(
            tinyYaml("p.yaml", "p.yaml", "p.yaml")
                .replace("failure_rate: 1.0", "failure_rate: 0.0"),
            "tiny.yaml",
            dir);
    MeasureValue v = share(OrgRun.batch(sc, false));
    assertThat(v.defined()).isFalse();
    assertThat(v.n()).isZero();
    assertThat(v.note()).isEqualTo("no profile-driven decision");
  }
}
