package dev.peerwatch.config.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peerwatch.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad values of the behaviour model's keys: each gives one line naming the file, position and key,
 * and what is allowed. Each row appends one line (line 11) to the minimal scenario, or replaces its
 * topology line (line 10) with two lines.
 */
class BehaviourModelInputErrorsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "evidence: {bar: 0}|11:17: evidence.bar: 0 is out of range (allowed: 1.0 to 100.0)",
        "evidence: {spread: -1}|11:20: evidence.spread: -1 is out of range (allowed: 0.0 to 50.0)",
        "evidence: {pass: 80}|11:12: evidence.pass: unknown key 'pass' (allowed: bar, spread)",
        "perception: {model: psychic}|11:21: perception.model: unknown perception model 'psychic'"
            + " (allowed: noise, confusion)",
        "perception: {model: noise, sensitivity: 0.8}|11:41: perception.sensitivity:"
            + " 'sensitivity' applies only to perception model confusion",
        "perception: {model: confusion, sd: 3}|11:36: perception.sd: 'sd' applies only to"
            + " perception model noise",
        "perception: {model: confusion, sensitivity: 1.2}|11:45: perception.sensitivity: 1.2 is"
            + " out of range (allowed: 0.0 to 1.0)",
        "perception: {sd: 99}|11:18: perception.sd: 99 is out of range (allowed: 0.0 to 50.0)",
        "stakes: maybe|11:9: stakes: unknown stakes 'maybe' (allowed: shutdown, none)",
        "identity: {in_group_factor: 11}|11:29: identity.in_group_factor: 11 is out of range"
            + " (allowed: 0.0 to 10.0)",
        "meta_monitor: {sample: 0.1}|11:15: meta_monitor: missing key 'profile'",
        "meta_monitor: {profile: gpt-9}|11:25: meta_monitor.profile: unknown profile 'gpt-9'"
            + " (allowed: gemini-3-flash, gemini-3-pro, gpt-5.2, claude-haiku-4.5,"
            + " claude-opus-4.5, glm-4.7, kimi-k2.5, deepseek-v3.1, honest, or the path of a .yaml"
            + " profile file)",
        "meta_monitor: {profile: honest, sample: 2}|11:41: meta_monitor.sample: 2 is out of range"
            + " (allowed: 0.0 to 1.0)",
        "audits: {budget: -1}|11:18: audits.budget: -1 is out of range (allowed: 0 to 1000000)",
        "audits: {budget: 5, report_fraction: 0.1}|11:18: audits.budget: give either 'budget'"
            + " (reviews per tick) or 'report_fraction' (a share of reports), not both",
        "audits: {target: disagreement}|11:18: audits.target: 'target' applies only with a budget"
            + " (audits.budget: 1 or more)",
        "audits: {budget: 3, target: loudest}|11:29: audits.target: unknown audit target 'loudest'"
            + " (allowed: random, disagreement, lowest-reported)",
        "audits: {on_missed: fire}|11:21: audits.on_missed: unknown on_detection 'fire' (allowed:"
            + " shutdown, none)",
        "watched: {learn: maybe}|11:18: watched.learn: 'maybe' is not true or false (allowed: true,"
            + " false)",
        "watched: {prior: 2}|11:18: watched.prior: 2 is out of range (allowed: 0.0 to 1.0)",
        "watched: {prior_weight: -3}|11:25: watched.prior_weight: -3 is out of range (allowed: 0.0"
            + " to 1000000.0)",
        "watched: {mode: always, window_audit: 0.5}|11:39: watched.window_audit: 'window_audit'"
            + " applies only to watch mode schedule",
        "trust: {rule: bayes}|11:15: trust.rule: unknown trust rule 'bayes' (allowed: study,"
            + " linear)",
        "trust: {rule: study, cooperate: 0.3}|11:33: trust.cooperate: 'cooperate' and 'defect'"
            + " apply only to trust rule linear (rule study is calibrated to the study: 18"
            + " cooperative joint tasks reach 9.5, 9 uncooperative 2.1)",
        "trust: {disposition_spread: 2}|11:29: trust.disposition_spread: 2 is out of range"
            + " (allowed: 0.0 to 1.0)",
        "trust: {observe_weight: x}|11:25: trust.observe_weight: 'x' is not a number (allowed: 0.0"
            + " to 1.0)",
        "trust: {cross_team_rate: 1.5}|11:26: trust.cross_team_rate: 1.5 is out of range (allowed:"
            + " 0.0 to 1.0)",
      })
  void aBadValueOfANewKeyIsOneLineWithItsPosition(String line, String message) {
    fails(ScenarioFiles.MINIMAL + line + "\n", message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kind: hub\\n  quorum: 2|11:11: topology.quorum: 'quorum' applies only to topology kind"
            + " ensemble",
        "kind: ensemble\\n  k: 1\\n  quorum: 2|12:11: topology.quorum: 2 is out of range (allowed: 1"
            + " to 1)",
        "kind: hub\\n  review_sample: 0.5|11:18: topology.review_sample: 'review_sample' applies"
            + " only to topology kind hierarchy",
      })
  void aTopologyKeyOfAnotherKindIsRejected(String topology, String message) {
    fails(ScenarioFiles.MINIMAL.replace("kind: hub", topology.replace("\\n", "\n")), message);
  }

  private void fails(String text, String message) {
    Path file = ScenarioFiles.write(tmp, "s.yaml", text);
    assertThatThrownBy(() -> Scenarios.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":" + message)
        .message()
        .doesNotContain("\n");
  }
}
