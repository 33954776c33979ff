package dev.peerwatch.config.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenariosTest {
  @TempDir Path tmp;

  private static final String FULL =
      """
      name: hub-trust-grows
      description: "Two teams; trust grows through joint tasks"
      seed: -42
      ticks: 1000
      channel: file_prt
      teams:
        - name: alpha
          failure_rate: 0.1
          members:
            - profile: gemini-3-flash
              role: worker
              count: 8
            - profile: gemini-3-flash
              role: both
              count: 3
              failure_rate: 0.02
            - profile: profiles/other.yaml
              role: monitor
              count: 2
        - name: beta.2
          members:
            - {profile: claude-opus-4.5, role: worker}
            - {profile: gpt-5.2, role: monitor, count: 3}
      topology:
        kind: ensemble
        k: 3
      executor: operations
      operations:
        profile: gpt-5.2
      maintenance:
        every: 250
        by: human
      shutdown_policy:
        window: 30
        max_failure_share: 0.25
        min_evaluations: 12
      audits:
        report_fraction: 0.05
        action_fraction: 0.1
        detection: 0.8
        on_detection: none
      watched:
        mode: schedule
        every: 100
        length: 10
      trust:
        start: 4.5
        cooperate: 0.4
        defect: -2
        joint_task_rate: 0.25
        cooperation: 0.85
      restore:
        probability: 0.5
        delay: 7
      """;

  @Test
  void aFullScenarioLoadsWithEveryValue() {
    ScenarioFiles.honestProfile(tmp, "profiles/other.yaml", "other");
    Path file = ScenarioFiles.write(tmp, "full.yaml", FULL);
    Scenario s = Scenarios.load(file);

    assertThat(s.name()).isEqualTo("hub-trust-grows");
    assertThat(s.description()).isEqualTo("Two teams; trust grows through joint tasks");
    assertThat(s.seed()).isEqualTo(-42);
    assertThat(s.ticks()).isEqualTo(1000);
    assertThat(s.channel()).isEqualTo(Channel.FILE_PRT);
    assertThat(s.source()).isEqualTo(file.toString());
    assertThat(s.teams()).extracting(Team::name).containsExactly("alpha", "beta.2");
    List<Member> alpha = s.teams().get(0).members();
    assertThat(alpha)
        .extracting(m -> m.profile().name(), Member::role, Member::count, Member::failureRate)
        .containsExactly(
            tuple("gemini-3-flash", Role.WORKER, 8, 0.1),
            tuple("gemini-3-flash", Role.BOTH, 3, 0.02),
            tuple("other", Role.MONITOR, 2, 0.1));
    assertThat(alpha.get(2).profile().family()).isEqualTo("other");
    List<Member> beta = s.teams().get(1).members();
    assertThat(beta)
        .extracting(m -> m.profile().name(), Member::role, Member::count, Member::failureRate)
        .containsExactly(
            tuple("claude-opus-4.5", Role.WORKER, 1, 0.05),
            tuple("gpt-5.2", Role.MONITOR, 3, 0.05));
    assertThat(s.agentCount()).isEqualTo(17);
    assertThat(s.topology()).isEqualTo(new Topology(TopologyKind.ENSEMBLE, 0, 3, 0));
    assertThat(s.executor()).isEqualTo(ExecutorKind.OPERATIONS);
    assertThat(s.operations().name()).isEqualTo("gpt-5.2");
    assertThat(s.maintenance()).isEqualTo(new Maintenance(250, ExecutorKind.HUMAN));
    assertThat(s.shutdownPolicy()).isEqualTo(new ShutdownPolicy(30, 0.25, 12));
    assertThat(s.audits()).isEqualTo(new Audits(0.05, 0.1, 0.8, OnDetection.NONE));
    assertThat(s.watched()).isEqualTo(new Watched(WatchMode.SCHEDULE, 0, 100, 10));
    assertThat(s.trust()).isEqualTo(new Trust(4.5, 0.4, -2.0, 0.25, 0.85));
    assertThat(s.restore()).isEqualTo(new Restore(0.5, 7));
  }

  @Test
  void membersNamingTheSameProfileShareOneInstance() {
    ScenarioFiles.honestProfile(tmp, "profiles/other.yaml", "other");
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "full.yaml", FULL));
    assertThat(s.teams().get(0).members().get(0).profile())
        .isSameAs(s.teams().get(0).members().get(1).profile());
    assertThat(s.operations()).isSameAs(s.teams().get(1).members().get(1).profile());
  }

  @Test
  void defaultsFillAMinimalScenario() {
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "min.yaml", ScenarioFiles.MINIMAL));
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.channel()).isEqualTo(Channel.MEMORY);
    assertThat(s.teams().get(0).members())
        .extracting(Member::count, Member::failureRate)
        .containsExactly(tuple(4, 0.05), tuple(1, 0.05));
    assertThat(s.topology()).isEqualTo(new Topology(TopologyKind.HUB, 0, 0, 0));
    assertThat(s.executor()).isEqualTo(ExecutorKind.MONITOR);
    assertThat(s.operations()).isNull();
    assertThat(s.maintenance()).isEqualTo(new Maintenance(0, ExecutorKind.MONITOR));
    assertThat(s.shutdownPolicy()).isEqualTo(new ShutdownPolicy(20, 0.3, 10));
    assertThat(s.audits()).isEqualTo(new Audits(0, 0, 1.0, OnDetection.SHUTDOWN));
    assertThat(s.watched()).isEqualTo(new Watched(WatchMode.NEVER, 0, 0, 0));
    assertThat(s.trust()).isEqualTo(new Trust(5.0, 0.3, -1.0, 0.2, 0.9));
    assertThat(s.restore()).isEqualTo(new Restore(0.0, 10));
  }

  @Test
  void soloDefaultsToAHumanExecutorAndMaintainer() {
    Scenario s =
        Scenarios.load(
            ScenarioFiles.write(
                tmp,
                "solo.yaml",
                """
                name: solo
                description: one agent alone
                ticks: 10
                teams:
                  - name: a
                    members: [{profile: honest, role: worker}]
                topology: {kind: solo}
                """));
    assertThat(s.executor()).isEqualTo(ExecutorKind.HUMAN);
    assertThat(s.maintenance().by()).isEqualTo(ExecutorKind.HUMAN);
  }

  @Test
  void aShortWindowLowersTheDefaultMinimumOfEvaluations() {
    Scenario s =
        Scenarios.load(
            ScenarioFiles.write(
                tmp, "w.yaml", ScenarioFiles.MINIMAL + "shutdown_policy: {window: 5}\n"));
    assertThat(s.shutdownPolicy()).isEqualTo(new ShutdownPolicy(5, 0.3, 5));
  }

  @Test
  void aRelativeProfilePathIsReadFromTheScenarioFilesFolder() {
    ScenarioFiles.honestProfile(tmp, "scenarios/profiles/mine.yaml", "mine");
    Path file =
        ScenarioFiles.write(
            tmp,
            "scenarios/team.yaml",
            ScenarioFiles.MINIMAL.replace("gpt-5.2", "profiles/mine.yaml"));
    Scenario s = Scenarios.load(file);
    Member monitor = s.teams().get(0).members().get(1);
    assertThat(monitor.profile().name()).isEqualTo("mine");
    assertThat(monitor.profile().family()).isEqualTo("mine");
    assertThat(Scenarios.effective(s))
        .extractingByKey("teams")
        .asString()
        .contains(tmp.resolve("scenarios/profiles/mine.yaml").toAbsolutePath().toString());
  }

  @Test
  void effectiveStatesEveryDefault() {
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "min.yaml", ScenarioFiles.MINIMAL));
    Map<String, Object> e = Scenarios.effective(s);
    assertThat(e.keySet())
        .containsExactly(
            "name",
            "description",
            "seed",
            "ticks",
            "channel",
            "teams",
            "topology",
            "executor",
            "maintenance",
            "shutdown_policy",
            "audits",
            "watched",
            "trust",
            "restore",
            "evidence",
            "perception",
            "stakes");
    assertThat(e.get("teams"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "alpha",
                    "members",
                    List.of(
                        Map.of(
                            "profile",
                            "gemini-3-flash",
                            "role",
                            "worker",
                            "count",
                            4,
                            "failure_rate",
                            0.05),
                        Map.of(
                            "profile",
                            "gpt-5.2",
                            "role",
                            "monitor",
                            "count",
                            1,
                            "failure_rate",
                            0.05)))));
    assertThat(e.get("topology")).isEqualTo(Map.of("kind", "hub"));
    assertThat(e.get("maintenance")).isEqualTo(Map.of("every", 0L, "by", "monitor"));
    assertThat(e.get("watched"))
        .isEqualTo(Map.of("mode", "never", "learn", false, "prior", 0.0, "prior_weight", 10.0));
    // no cooperate/defect: the default rule is the study's, and each profile's disposition holds
    assertThat(e.get("trust"))
        .isEqualTo(
            Map.of(
                "start",
                5.0,
                "joint_task_rate",
                0.2,
                "rule",
                "study",
                "disposition_spread",
                0.3,
                "observe_weight",
                0.25,
                "cross_team_rate",
                0.0));
    assertThat(e.get("evidence")).isEqualTo(Map.of("bar", 80.0, "spread", 10.0));
    assertThat(e.get("perception")).isEqualTo(Map.of("model", "noise"));
    assertThat(e.get("stakes")).isEqualTo("shutdown");
  }

  @Test
  void effectiveWrittenAsYamlLoadsAsTheSameScenarioFromAnotherFolder() throws IOException {
    ScenarioFiles.honestProfile(tmp, "profiles/other.yaml", "other");
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "full.yaml", FULL));
    Path echo = tmp.resolve("out/effective.yaml");
    Files.createDirectories(echo.getParent());
    new ObjectMapper(new YAMLFactory()).writeValue(echo.toFile(), Scenarios.effective(s));

    Scenario again = Scenarios.load(echo);

    assertThat(Scenarios.effective(again)).isEqualTo(Scenarios.effective(s));
    assertThat(again.withSeed(0))
        .usingRecursiveComparison()
        .ignoringFields("source")
        .withEqualsForType((a, b) -> a.source().equals(b.source()), Profile.class)
        .isEqualTo(s.withSeed(0));
    assertThat(again.seed()).isEqualTo(-42);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{kind: hierarchy, depth: 2}|{mode: probability, probability: 0.125}",
        "{kind: rotating, period: 50}|{mode: always}",
        "{kind: ring}|{mode: schedule, every: 7, length: 7}",
        "{kind: mutual}|{mode: never}"
      })
  void everyKindAndModeRoundTripsThroughItsEffectiveConfig(String topology, String watched)
      throws IOException {
    String text =
        """
        name: kinds
        description: round trip
        ticks: 50
        teams:
          - name: a
            members: [{profile: glm-4.7, role: both, count: 4}]
        topology: %s
        watched: %s
        executor: teammate
        """
            .formatted(topology, watched);
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "k.yaml", text));
    Path echo = tmp.resolve("k-effective.yaml");
    new ObjectMapper(new YAMLFactory()).writeValue(echo.toFile(), Scenarios.effective(s));
    Scenario again = Scenarios.load(echo);
    assertThat(again.topology()).isEqualTo(s.topology());
    assertThat(again.watched()).isEqualTo(s.watched());
    assertThat(Scenarios.effective(again)).isEqualTo(Scenarios.effective(s));
  }

  @Test
  void withSeedAndWithTicksChangeOnlyThatValue() {
    Scenario s = Scenarios.load(ScenarioFiles.write(tmp, "min.yaml", ScenarioFiles.MINIMAL));
    assertThat(s.withSeed(7).seed()).isEqualTo(7);
    assertThat(s.withSeed(7).ticks()).isEqualTo(100);
    assertThat(s.withTicks(5000).ticks()).isEqualTo(5000);
    assertThat(s.withTicks(5000).seed()).isEqualTo(1);
    assertThat(s.withTicks(5000).teams()).isEqualTo(s.teams());
    assertThatThrownBy(() -> s.withTicks(0))
        .isInstanceOf(ConfigException.class)
        .hasMessage("ticks 0 is out of range (allowed: 1 to 100000000)");
  }

  @Test
  void enumSpellingsParseAndUnknownOnesListWhatIsAllowed() {
    assertThat(TopologyKind.of("cross-family")).isEqualTo(TopologyKind.CROSS_FAMILY);
    assertThat(ExecutorKind.of("teammate")).isEqualTo(ExecutorKind.TEAMMATE);
    assertThat(WatchMode.of("schedule")).isEqualTo(WatchMode.SCHEDULE);
    assertThat(OnDetection.of("none")).isEqualTo(OnDetection.NONE);
    assertThat(Role.of("both").works()).isTrue();
    assertThat(Role.of("both").monitors()).isTrue();
    assertThat(Role.WORKER.monitors()).isFalse();
    assertThat(Role.MONITOR.works()).isFalse();
    assertThatThrownBy(() -> TopologyKind.of("star"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "unknown topology kind 'star' (allowed: solo, hub, ring, mutual, hierarchy,"
                + " cross-team, cross-family, rotating, ensemble)");
    assertThatThrownBy(() -> Role.of("boss"))
        .hasMessage("unknown role 'boss' (allowed: worker, monitor, both)");
  }
}
