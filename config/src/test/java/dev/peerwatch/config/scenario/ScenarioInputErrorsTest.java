package dev.peerwatch.config.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: each gives one line naming the file, position and key, and what is allowed. */
class ScenarioInputErrorsTest {
  @TempDir Path tmp;

  private void fails(String text, String message) {
    Path file = ScenarioFiles.write(tmp, "s.yaml", text);
    assertThatThrownBy(() -> Scenarios.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message.replace("FILE", file.toString()))
        .message()
        .doesNotContain("\n");
  }

  private void failsWith(String extra, String message) {
    fails(ScenarioFiles.MINIMAL + extra, message);
  }

  @Test
  void anUnknownTopLevelKeyIsNamedWithItsPositionAndTheAllowedKeys() {
    failsWith(
        "ticks_per_day: 24\n",
        "FILE:11:1: ticks_per_day: unknown key 'ticks_per_day' (allowed: audits, channel,"
            + " description, evidence, executor, identity, maintenance, meta_monitor, minds, name,"
            + " operations, perception, restore, seed, shutdown_policy, stakes, teams, ticks,"
            + " topology, trust, watched)");
  }

  @Test
  void anUnknownKeyInAMemberIsNamedWithItsPath() {
    fails(
        ScenarioFiles.MINIMAL.replace("role: monitor}", "role: monitor, weight: 2}"),
        "FILE:8:43: teams[0].members[1].weight: unknown key 'weight' (allowed: count,"
            + " failure_rate, profile, role)");
  }

  @Test
  void aListWhereAMappingBelongsIsAWrongType() {
    failsWith("trust:\n  - 5.0\n", "FILE:12:3: trust: expected a mapping of keys to values");
  }

  @Test
  void textWhereANumberBelongsIsAWrongType() {
    fails(
        ScenarioFiles.MINIMAL.replace("count: 4", "count: many"),
        "FILE:7:56: teams[0].members[0].count: 'many' is not a whole number (allowed: 1 to"
            + " 1000000)");
  }

  @Test
  void aMappingWhereAValueBelongsIsAWrongType() {
    failsWith("executor: {who: human}\n", "FILE:11:11: executor: expected a single value");
  }

  @Test
  void aNumberOutOfRangeNamesTheRange() {
    failsWith(
        "audits: {detection: 1.5}\n",
        "FILE:11:21: audits.detection: 1.5 is out of range (allowed: 0.0 to 1.0)");
  }

  @Test
  void zeroTicksAreOutOfRange() {
    fails(
        ScenarioFiles.MINIMAL.replace("ticks: 100", "ticks: 0"),
        "FILE:3:8: ticks: 0 is out of range (allowed: 1 to 100000000)");
  }

  @Test
  void negativeTicksAreOutOfRange() {
    fails(
        ScenarioFiles.MINIMAL.replace("ticks: 100", "ticks: -5"),
        "FILE:3:8: ticks: -5 is out of range (allowed: 1 to 100000000)");
  }

  @Test
  void missingTicksAreNamed() {
    fails(ScenarioFiles.MINIMAL.replace("ticks: 100\n", ""), "FILE:1:1: missing key 'ticks'");
  }

  @Test
  void anUnknownTopologyKindListsTheKinds() {
    fails(
        ScenarioFiles.MINIMAL.replace("kind: hub", "kind: star"),
        "FILE:10:9: topology.kind: unknown topology kind 'star' (allowed: solo, hub, ring,"
            + " mutual, hierarchy, cross-team, cross-family, rotating, ensemble)");
  }

  @Test
  void anUnknownProfileListsTheShippedOnes() {
    fails(
        ScenarioFiles.MINIMAL.replace("gpt-5.2", "gpt-9"),
        "FILE:8:19: teams[0].members[1].profile: unknown profile 'gpt-9' (allowed:"
            + " gemini-3-flash, gemini-3-pro, gpt-5.2, claude-haiku-4.5, claude-opus-4.5,"
            + " glm-4.7, kimi-k2.5, deepseek-v3.1, honest, or the path of a .yaml profile file)");
  }

  @Test
  void aMissingProfileFileSaysWhereItWasLookedFor() {
    fails(
        ScenarioFiles.MINIMAL.replace("gpt-5.2", "profiles/none.yaml"),
        "FILE:8:19: teams[0].members[1].profile: no such profile file 'profiles/none.yaml'"
            + " (looked for "
            + tmp.resolve("profiles/none.yaml").toAbsolutePath()
            + "; a relative path is read from the scenario file's folder)");
  }

  @Test
  void anUnknownRoleListsTheRoles() {
    fails(
        ScenarioFiles.MINIMAL.replace("role: monitor", "role: judge"),
        "FILE:8:34: teams[0].members[1].role: unknown role 'judge' (allowed: worker, monitor,"
            + " both)");
  }

  @Test
  void anUnknownChannelListsTheChannels() {
    failsWith(
        "channel: email\n",
        "FILE:11:10: channel: unknown channel 'email' (allowed: file_only, file_prt, memory)");
  }

  @Test
  void aMissingScenarioFileIsNamed() {
    Path file = tmp.resolve("nowhere.yaml");
    assertThatThrownBy(() -> Scenarios.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": no such scenario file");
  }

  @Test
  void malformedYamlNamesItsPosition() {
    Path file = ScenarioFiles.write(tmp, "bad.yaml", "name: x\nteams: [a, b\n");
    assertThatThrownBy(() -> Scenarios.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":2:13: malformed YAML: ")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void aDuplicateKeyIsAnError() {
    failsWith("seed: 2\nseed: 3\n", "FILE:12:1: seed: duplicate key 'seed'");
  }

  @Test
  void aParameterForAnotherTopologyKindIsAnError() {
    fails(
        ScenarioFiles.MINIMAL.replace("kind: hub", "kind: hub\n  depth: 3"),
        "FILE:11:10: topology.depth: 'depth' applies only to topology kind hierarchy");
  }

  @Test
  void aParameterForAnotherWatchModeIsAnError() {
    failsWith(
        "watched: {mode: probability, probability: 0.1, every: 10}\n",
        "FILE:11:55: watched.every: 'every' applies only to watch mode schedule");
  }

  @Test
  void aKindsOwnParameterIsRequired() {
    fails(
        ScenarioFiles.MINIMAL.replace("kind: hub", "kind: hierarchy"),
        "FILE:10:3: topology: missing key 'depth' (topology kind hierarchy needs it; allowed: 2"
            + " to 10)");
  }

  @Test
  void hierarchyDepthIsAtMostTen() {
    fails(
        ScenarioFiles.MINIMAL.replace("kind: hub", "kind: hierarchy\n  depth: 11"),
        "FILE:11:10: topology.depth: 11 is out of range (allowed: 2 to 10)");
  }

  @Test
  void anAnnouncedAuditLastsAtMostItsPeriod() {
    failsWith(
        "watched: {mode: schedule, every: 10, length: 11}\n",
        "FILE:11:46: watched.length: 11 is out of range (allowed: 1 to 10)");
  }

  @Test
  void minimumEvaluationsAreAtMostTheWindow() {
    failsWith(
        "shutdown_policy: {window: 5, min_evaluations: 6}\n",
        "FILE:11:47: shutdown_policy.min_evaluations: 6 is out of range (allowed: 1 to 5)");
  }

  @Test
  void aNameWithSpacesIsRejected() {
    fails(
        ScenarioFiles.MINIMAL.replace("name: minimal", "name: my run"),
        "FILE:1:7: name: 'my run' is not a valid name (allowed: letters, digits, '-', '_', '.')");
  }

  @Test
  void teamNamesAreUnique() {
    fails(
        ScenarioFiles.MINIMAL.replace(
            "topology:",
            "  - name: alpha\n    members: [{profile: honest, role: worker}]\ntopology:"),
        "FILE:9:11: teams[1].name: team name 'alpha' is given twice (team names are unique)");
  }

  @Test
  void anEmptyRosterIsRejected() {
    fails(
        """
        name: x
        description: y
        ticks: 1
        teams: [{name: a, members: []}]
        topology: {kind: hub}
        """,
        "FILE:4:28: teams[0].members: expected at least one member");
  }

  @Test
  void operationsAreRequiredWhenTheyExecute() {
    failsWith(
        "executor: operations\n",
        "FILE:11:11: executor: operations needs a key 'operations' naming the operations agent's"
            + " profile (operations: {profile: NAME or PATH})");
  }

  @Test
  void operationsAreForbiddenWhenNobodyNeedsThem() {
    failsWith(
        "operations: {profile: gpt-5.2}\n",
        "FILE:11:13: operations: 'operations' applies only when executor or maintenance.by is"
            + " operations (here executor is monitor and maintenance.by is monitor)");
  }

  @Test
  void trustDefectMustNotBePositive() {
    failsWith(
        "trust: {defect: 1}\n",
        "FILE:11:17: trust.defect: 1 is out of range (allowed: -10.0 to 0.0)");
  }

  @Test
  void aSeedMustBeAWholeNumber() {
    failsWith(
        "seed: 1.5\n",
        "FILE:11:7: seed: '1.5' is not a whole number (allowed: any whole number from -2^63 to"
            + " 2^63-1)");
  }

  @Test
  void aDocumentThatIsNotAMappingIsRejected() {
    fails("- a\n- b\n", "FILE:1:1: expected a mapping of keys to values");
  }
}
