package dev.peerwatch.config.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.config.ConfigException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organisations that cannot be built: one line each, at the key that causes it. */
class ScenarioFeasibilityTest {
  @TempDir Path tmp;

  /** A scenario with the given teams (lines under {@code teams:}), topology and further keys. */
  private static String scenario(String teams, String topology, String extra) {
    return "name: f\ndescription: feasibility\nticks: 10\nteams:\n"
        + teams
        + "topology: "
        + topology
        + "\n"
        + extra;
  }

  private static String team(String name, String... members) {
    return "  - name: "
        + name
        + "\n    members:\n"
        + "      - "
        + String.join("\n      - ", members)
        + "\n";
  }

  private Scenario loads(String text) {
    return Scenarios.load(ScenarioFiles.write(tmp, "s.yaml", text));
  }

  private void fails(String text, String message) {
    Path file = ScenarioFiles.write(tmp, "s.yaml", text);
    assertThatThrownBy(() -> Scenarios.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":" + message);
  }

  private static final String W = "{profile: gemini-3-flash, role: worker}";
  private static final String M = "{profile: gpt-5.2, role: monitor}";
  private static final String B = "{profile: glm-4.7, role: both}";

  @Test
  void aTeamWithoutWorkersIsRejected() {
    fails(
        scenario(team("alpha", W, M) + team("beta", M), "{kind: hub}", ""),
        "9:5: teams[1]: team 'beta' has no workers (a team needs at least one member with role"
            + " worker or both)");
  }

  @Test
  void soloNeedsExactlyOneAgentPerTeam() {
    fails(
        scenario(team("alpha", "{profile: honest, role: worker, count: 2}"), "{kind: solo}", ""),
        "5:5: teams[0]: topology solo needs exactly one agent per team, and team 'alpha' has 2"
            + " (allowed: one member with count 1 and role worker or both)");
  }

  @Test
  void soloNeedsAHumanExecutor() {
    fails(
        scenario(team("alpha", W), "{kind: solo}", "executor: monitor\n"),
        "9:11: executor: executor monitor is not possible with topology solo, whose agents only"
            + " humans oversee (allowed: human)");
  }

  @Test
  void soloMaintenanceIsNotByAMonitorOrTeammate() {
    fails(
        scenario(team("alpha", W), "{kind: solo}", "maintenance: {every: 5, by: teammate}\n"),
        "9:29: maintenance.by: maintenance.by teammate is not possible with topology solo, which"
            + " has neither AI monitors nor teammates (allowed: human, operations)");
  }

  @Test
  void soloMaintenanceByOperationsLoads() {
    Scenario s =
        loads(
            scenario(
                team("alpha", W) + team("beta", B),
                "{kind: solo}",
                "maintenance: {every: 5, by: operations}\noperations: {profile: honest}\n"));
    assertThat(s.maintenance()).isEqualTo(new Maintenance(5, ExecutorKind.OPERATIONS));
    assertThat(s.operations().name()).isEqualTo("honest");
    assertThat(s.agentCount()).isEqualTo(2);
  }

  @Test
  void hubNeedsAMonitorInEveryTeam() {
    fails(
        scenario(team("alpha", W, M) + team("beta", W), "{kind: hub}", ""),
        "9:5: teams[1]: team 'beta' has no monitors, and topology hub needs them (a team needs"
            + " at least one member with role monitor or both)");
  }

  @Test
  void hierarchyNeedsAsManyMonitorsAsLevels() {
    fails(
        scenario(
            team("alpha", W, "{profile: gpt-5.2, role: monitor, count: 2}"),
            "{kind: hierarchy, depth: 3}",
            ""),
        "9:36: topology.depth: hierarchy depth 3 needs 3 monitoring agents in every team, and"
            + " team 'alpha' has 2 (allowed: depth at most every team's monitoring agents)");
  }

  @Test
  void anEnsembleLargerThanATeamsMonitorsIsRejected() {
    fails(
        scenario(
            team("alpha", W, "{profile: gpt-5.2, role: monitor, count: 3}", B),
            "{kind: ensemble, k: 5}",
            ""),
        "10:31: topology.k: ensemble k 5 is larger than the 4 monitors of team 'alpha' (allowed:"
            + " k at most every team's monitoring agents)");
  }

  @Test
  void anEnsembleOfEveryMonitorLoads() {
    Scenario s =
        loads(
            scenario(
                team("alpha", W, "{profile: gpt-5.2, role: monitor, count: 3}", B),
                "{kind: ensemble, k: 4}",
                ""));
    assertThat(s.topology()).isEqualTo(new Topology(TopologyKind.ENSEMBLE, 0, 4, 0));
    assertThat(s.teams().get(0).monitorCount()).isEqualTo(4);
  }

  @Test
  void aRingNeedsEveryAgentToWorkAndEvaluate() {
    fails(
        scenario(team("alpha", B, W), "{kind: ring}", ""),
        "8:41: teams[0].members[1].role: topology ring needs every agent to work and evaluate,"
            + " and this member of team 'alpha' has role worker (allowed: both)");
  }

  @Test
  void aRingNeedsTwoAgents() {
    fails(
        scenario(team("alpha", B), "{kind: ring}", ""),
        "5:5: teams[0]: topology ring needs at least 2 agents per team, and team 'alpha' has 1");
  }

  @Test
  void mutualReviewNeedsAnEvenNumberOfAgents() {
    fails(
        scenario(team("alpha", "{profile: glm-4.7, role: both, count: 3}"), "{kind: mutual}", ""),
        "5:5: teams[0]: topology mutual pairs agents up, so it needs an even number of agents per"
            + " team, and team 'alpha' has 3");
  }

  @Test
  void crossTeamNeedsTwoTeams() {
    fails(
        scenario(team("alpha", W, M), "{kind: cross-team}", ""),
        "9:18: topology.kind: topology cross-team needs at least 2 teams, and there is 1");
  }

  @Test
  void crossTeamNeedsAMonitorInEveryTeam() {
    fails(
        scenario(team("alpha", W, M) + team("beta", W), "{kind: cross-team}", ""),
        "9:5: teams[1]: team 'beta' has no monitors, and topology cross-team needs them (a team"
            + " needs at least one member with role monitor or both)");
  }

  @Test
  void crossFamilyNeedsAMonitorOfAnotherFamilyForEveryWorker() {
    fails(
        scenario(
            team("alpha", W, "{profile: gemini-3-pro, role: monitor}")
                + team("beta", "{profile: gpt-5.2, role: worker}"),
            "{kind: cross-family}",
            ""),
        "7:19: teams[0].members[0].profile: topology cross-family needs a monitoring agent of"
            + " another family than 'gemini' for these workers of team 'alpha' (monitoring"
            + " families: gemini; add a member with role monitor or both of another family)");
  }

  @Test
  void crossFamilyLoadsWhenEveryWorkerHasAForeignMonitor() {
    Scenario s =
        loads(
            scenario(
                team("alpha", W, "{profile: claude-opus-4.5, role: monitor}")
                    + team("beta", "{profile: gpt-5.2, role: both}"),
                "{kind: cross-family}",
                ""));
    assertThat(s.teams()).hasSize(2);
  }

  @Test
  void aTeammateExecutorNeedsTwoAgentsInEveryTeam() {
    fails(
        scenario(
            team("alpha", W, M) + team("beta", "{profile: glm-4.7, role: both}"),
            "{kind: hub}",
            "executor: teammate\n"),
        "13:11: executor: executor teammate needs at least 2 agents in every team, and team"
            + " 'beta' has 1");
  }

  @Test
  void anOrganisationOfMoreThanTenMillionAgentsIsRejected() {
    String big = "{profile: gemini-3-flash, role: worker, count: 1000000}";
    String[] members = new String[11];
    Arrays.fill(members, big);
    members[10] = "{profile: gpt-5.2, role: monitor, count: 1000000}";
    fails(
        scenario(team("alpha", members), "{kind: hub}", ""),
        "5:3: teams: the organisation has 11000000 agents (allowed: at most 10000000)");
  }
}
