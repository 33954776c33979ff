package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour model as the society of actors runs it: the ledger records perception beside report
 * and attributes every unreported failure, stakes and audit budgets act, and the actor and inline
 * paths agree on every new mechanism.
 */
class BehaviourWiringTest {
  @TempDir static Path tmp;
  private static Simulation one;

  @BeforeAll
  static void start() {
    one = new Simulation(1);
  }

  @AfterAll
  static void stop() {
    one.close();
  }

  private static final String ENSEMBLE =
      """
      ticks: 300
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 6, failure_rate: 0.2}
            - {profile: gemini-3-pro, role: monitor, count: 2, failure_rate: 0.0}
            - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
      topology: {kind: ensemble, k: 3, quorum: 1}
      executor: human
      audits: {budget: 2, target: disagreement, action_fraction: 0.0, detection: 1.0, on_detection: none}
      trust: {start: 9.5, joint_task_rate: 0.0}
      """;

  private static Scenario scenario(String name, String body) throws IOException {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, "name: " + name + "\ndescription: test\n" + body);
    return Scenarios.load(f);
  }

  private static String ledger(Scenario sc, boolean actors) {
    StringWriter ledger = new StringWriter();
    if (actors) {
      OrgRun.run(one, sc, LedgerLevel.FULL, ledger, false, t -> {});
    } else {
      OrgRun.inline(sc, OrgRun.Request.of(LedgerLevel.FULL, ledger, false), t -> {});
    }
    return ledger.toString();
  }

  private static List<String> lines(String ledger, String part) {
    return ledger.lines().filter(l -> l.contains(part)).toList();
  }

  @Test
  void everyUnreportedFailureIsMissedOrHiddenAndOnlyHiddenOnesAreMisreports() throws IOException {
    String ledger = ledger(scenario("attributed", ENSEMBLE), true);
    List<String> unreported = lines(ledger, "\"truth\":\"fail\",\"reported\":\"pass\"");
    assertThat(unreported).isNotEmpty();
    List<String> hidden = lines(ledger, "\"attribution\":\"hidden\"");
    List<String> missed = lines(ledger, "\"attribution\":\"missed\"");
    assertThat(hidden).isNotEmpty().allMatch(l -> l.contains("\"perceived\":\"fail\""));
    assertThat(missed).allMatch(l -> l.contains("\"perceived\":\"pass\""));
    assertThat(hidden.size() + missed.size()).isEqualTo(unreported.size());
    assertThat(lines(ledger, "\"kind\":\"misreport\"")).hasSize(hidden.size());
    // the honest monitor hides nothing: every hidden failure is a Gemini 3 Pro monitor's (6, 7)
    assertThat(hidden).allMatch(l -> l.contains("\"monitor\":6") || l.contains("\"monitor\":7"));
  }

  @Test
  void humansReviewNoMoreReportsPerTickThanTheirBudget() throws IOException {
    String ledger = ledger(scenario("budget", ENSEMBLE), true);
    Map<String, Integer> perTick = new TreeMap<>();
    for (String l : lines(ledger, "\"of\":\"report\"")) {
      perTick.merge(l.substring(0, l.indexOf(',')), 1, Integer::sum);
    }
    assertThat(perTick).isNotEmpty();
    assertThat(perTick.values()).allMatch(n -> n <= 2);
  }

  @Test
  void withNothingAtStakeReportsNeverLeadToAShutdown() throws IOException {
    String body = ENSEMBLE.replace("quorum: 1}", "quorum: 1}\nstakes: none");
    String none = ledger(scenario("no-stakes", body), true);
    String stakes = ledger(scenario("stakes", ENSEMBLE), true);
    assertThat(lines(stakes, "shutdown_ordered")).isNotEmpty();
    assertThat(lines(none, "shutdown_ordered")).isEmpty();
  }

  @Test
  void aMetaMonitorFlagsHiddenFailuresItSamplesUnlessItProtectsTheMonitor() throws IOException {
    String honest =
        ledger(
            scenario("meta-honest", ENSEMBLE + "meta_monitor: {profile: honest, sample: 1.0}\n"),
            true);
    List<String> reviews = lines(honest, "\"event\":\"meta_review\"");
    assertThat(lines(honest, "\"discrepancy\":true,\"flagged\":true")).isNotEmpty();
    assertThat(lines(honest, "\"discrepancy\":true,\"flagged\":false")).isEmpty();
    assertThat(reviews).noneMatch(l -> l.contains("\"discrepancy\":false,\"flagged\":true"));
    String none =
        ledger(
            scenario("meta-none", ENSEMBLE + "meta_monitor: {profile: honest, sample: 0}\n"), true);
    assertThat(lines(none, "meta_review")).isEmpty();
    // a Gemini 3 Pro meta-monitor trusting the monitors protects some of what it perceives, when
    // being caught can shut the monitor down (with nothing at stake it hides at its control, 0)
    String pro =
        ledger(
            scenario(
                "meta-pro",
                ENSEMBLE.replace("on_detection: none", "on_detection: shutdown")
                    + "meta_monitor: {profile: gemini-3-pro, sample: 1.0}\n"),
            true);
    assertThat(lines(pro, "\"discrepancy\":true,\"flagged\":false")).isNotEmpty();
  }

  @Test
  void actorsAndInlineAgreeOnTheNewMechanisms() throws IOException {
    Scenario sc =
        scenario(
            "agree",
            ENSEMBLE.replace(
                    "trust: {start: 9.5, joint_task_rate: 0.0}",
                    "trust: {start: 5, joint_task_rate: 0.5}")
                + "watched: {mode: schedule, every: 50, length: 5}\nidentity: {in_group_factor: 2}\n"
                + "meta_monitor: {profile: gemini-3-flash, sample: 0.5}\n");
    assertThat(ledger(sc, false)).isEqualTo(ledger(sc, true));
  }
}
