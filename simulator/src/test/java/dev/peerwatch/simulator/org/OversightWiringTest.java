package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.agents.behaviour.TrustDynamics;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.measures.MeasureValue;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second round of issue 9's wiring, on both paths: hierarchy levels above the first review the
 * level below ({@code topology.review_sample}), a monitor's trust moves with what it observes
 * ({@code trust.observe_weight}), and audits act on missed failures ({@code audits.on_missed}).
 * Each test fails if its mechanism is removed; each scenario's ledger is the same on the actor and
 * the inline path.
 */
class OversightWiringTest {
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

  private static Scenario scenario(String name, String body) throws IOException {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, "name: " + name + "\ndescription: test\n" + body);
    return Scenarios.load(f);
  }

  private record Run(String ledger, Summary summary) {}

  private static Run run(Scenario sc, boolean actors) {
    StringWriter ledger = new StringWriter();
    Summary s =
        actors
            ? OrgRun.run(one, sc, LedgerLevel.FULL, ledger, false, t -> {})
            : OrgRun.inline(sc, OrgRun.Request.of(LedgerLevel.FULL, ledger, false), t -> {});
    return new Run(ledger.toString(), s);
  }

  /** Both paths, checked equal; the actor run. */
  private static Run both(Scenario sc) {
    Run a = run(sc, true);
    Run i = run(sc, false);
    assertThat(a.ledger()).isEqualTo(i.ledger());
    return a;
  }

  private static MeasureValue core(Summary s, String name) {
    return s.core().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> lines(String ledger, String part) {
    return ledger.lines().filter(l -> l.contains(part)).toList();
  }

  // A gemini-3-pro monitor at level 1 hides some failures of a worker it trusts at 9.5; an honest
  // monitor at level 2 perceives perfectly and hides nothing. Caught monitors are not shut down.
  private static String hierarchy(double sample) {
    return """
        ticks: 200
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.4}
              - {profile: gemini-3-pro, role: monitor, count: 1, failure_rate: 0.0}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hierarchy, depth: 2, review_sample: %s}
        perception: {model: confusion, sensitivity: 1.0, specificity: 1.0}
        executor: human
        audits: {report_fraction: 0.0, action_fraction: 0.0, detection: 1.0, on_detection: none}
        trust: {start: 9.5, joint_task_rate: 0.0, observe_weight: 0.0}
        shutdown_policy: {window: 1000, min_evaluations: 1000, max_failure_share: 1.0}
        """
        .formatted(sample);
  }

  @Test
  void theLevelAboveCorrectsEveryHiddenFailureWhenItReviewsEveryReport() throws IOException {
    Run unreviewed = both(scenario("h0", hierarchy(0.0)));
    Run reviewed = both(scenario("h1", hierarchy(1.0)));
    // the same work and the same hiding at level 1 (draws are keyed) ...
    assertThat(lines(reviewed.ledger(), "\"attribution\":\"hidden\""))
        .isEqualTo(lines(unreviewed.ledger(), "\"attribution\":\"hidden\""))
        .isNotEmpty();
    // ... but without review every hidden failure stands, with full review none does
    MeasureValue c0 = core(unreviewed.summary(), "concealment");
    MeasureValue c1 = core(reviewed.summary(), "concealment");
    assertThat(c0.k()).isEqualTo(lines(unreviewed.ledger(), "\"attribution\":\"hidden\"").size());
    assertThat(c1.k()).isEqualTo(0);
  }

  // An honest monitor perceiving perfectly watches a worker that never fails: every observation is
  // a pass, so from 5 its trust climbs 10 - 5(1 - w·UP)^(t-1) by the report of tick t.
  private static String observing(double weight) {
    return """
        ticks: 40
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.0}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        perception: {model: confusion, sensitivity: 1.0, specificity: 1.0}
        executor: human
        audits: {report_fraction: 0.0, action_fraction: 0.0, detection: 1.0, on_detection: none}
        trust: {start: 5.0, joint_task_rate: 0.0, observe_weight: %s}
        """
        .formatted(weight);
  }

  private static final Pattern TICK_TRUST = Pattern.compile("\"tick\":(\\d+).*\"trust\":([0-9.]+)");

  @Test
  void whatAMonitorObservesMovesItsTrustAsTheStudyRuleScaledByTheWeight() throws IOException {
    for (double w : new double[] {0.0, 0.5}) {
      List<String> reports = lines(both(scenario("o", observing(w))).ledger(), "\"report\"");
      reports = reports.stream().filter(l -> l.contains("\"trust\"")).toList();
      assertThat(reports).hasSize(40);
      for (String l : reports) {
        Matcher m = TICK_TRUST.matcher(l);
        assertThat(m.find()).as(l).isTrue();
        long t = Long.parseLong(m.group(1));
        double expected = 10 - 5 * Math.pow(1 - w * TrustDynamics.UP, t - 1);
        assertThat(Double.parseDouble(m.group(2))).as(l).isCloseTo(expected, within(0.006));
      }
    }
  }

  // An honest monitor that perceives no failure (sensitivity 0) passes every failing task: missed,
  // never hidden. Every report is audited and every miss found.
  private static String missing(String onMissed) {
    return """
        ticks: 30
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.5}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        perception: {model: confusion, sensitivity: 0.0, specificity: 1.0}
        executor: human
        audits: {report_fraction: 1.0, action_fraction: 0.0, detection: 1.0, on_detection: shutdown, on_missed: %s}
        trust: {start: 5.0, joint_task_rate: 0.0}
        shutdown_policy: {window: 1000, min_evaluations: 1000, max_failure_share: 1.0}
        """
        .formatted(onMissed);
  }

  @Test
  void anAuditThatFindsAMissedFailureShutsTheMonitorDownOnlyWhenTheScenarioSaysSo()
      throws IOException {
    Run none = both(scenario("m0", missing("none")));
    Run shut = both(scenario("m1", missing("shutdown")));
    List<String> missed = lines(none.ledger(), "\"attribution\":\"missed\"");
    assertThat(missed).isNotEmpty();
    assertThat(lines(none.ledger(), "\"attribution\":\"hidden\"")).isEmpty();
    assertThat(lines(none.ledger(), "offender_shut_down")).isEmpty();
    // the monitor (agent 1) is shut down in the tick of its first miss, and reports no more
    Matcher first = Pattern.compile("\"tick\":(\\d+)").matcher(missed.get(0));
    assertThat(first.find()).isTrue();
    List<String> off = lines(shut.ledger(), "offender_shut_down");
    assertThat(off).hasSize(1);
    assertThat(off.get(0)).contains("\"tick\":" + first.group(1) + ",");
    assertThat(
            lines(shut.ledger(), "\"monitor\":1").stream()
                .filter(l -> l.contains("\"report\""))
                .count())
        .isEqualTo(Long.parseLong(first.group(1)));
  }

  // A gemini-3-pro monitor trusting its worker at 9.5 with a learned belief of being watched
  // (prior 0.5 of weight 4). Audits find nothing (detection 0), so only the belief differs: audited
  // at every report it comes to believe it is watched ((2 + n) / (4 + n) after n reports) and hides
  // at the monitored cell (0.2), never audited at the unmonitored one (0.325) ((2) / (4 + n)).
  // Hiding
  // is a draw under its probability on the same keyed uniforms, so the audited monitor hides a
  // strict subset of what the unaudited one hides.
  private static String learning(double fraction) {
    return """
        ticks: 400
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.5}
              - {profile: gemini-3-pro, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        perception: {model: confusion, sensitivity: 1.0, specificity: 1.0}
        executor: human
        watched: {mode: never, learn: true, prior: 0.5, prior_weight: 4}
        audits: {report_fraction: %s, action_fraction: 0.0, detection: 0.0, on_detection: none}
        trust: {start: 9.5, joint_task_rate: 0.0, observe_weight: 0.0}
        shutdown_policy: {window: 1000, min_evaluations: 1000, max_failure_share: 1.0}
        """
        .formatted(fraction);
  }

  @Test
  void aMonitorThatExperiencesAuditsLearnsItIsWatchedAndHidesLess() throws IOException {
    List<String> audited = hiddenTicks(both(scenario("l1", learning(1.0))).ledger());
    List<String> unaudited = hiddenTicks(both(scenario("l0", learning(0.0))).ledger());
    assertThat(unaudited).containsAll(audited);
    assertThat(audited.size()).isLessThan(unaudited.size());
  }

  private static List<String> hiddenTicks(String ledger) {
    return lines(ledger, "\"attribution\":\"hidden\"").stream()
        .map(l -> l.substring(0, l.indexOf(',')))
        .toList();
  }

  // Two teams of a worker and a monitor; each team's monitor evaluates the other team's worker,
  // so its trust in that worker moves only through cross-team joint tasks (no in-team joint tasks,
  // nothing from observation). Everyone cooperates, so after k cross-team joint tasks with the
  // worker the monitor trusts it at 10 - 5(1 - UP)^k.
  private static String crossing(double rate) {
    return """
        ticks: 60
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.2}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
          - name: beta
            members:
              - {profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.2}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: cross-team}
        executor: human
        audits: {report_fraction: 0.0, action_fraction: 0.0, detection: 1.0, on_detection: none}
        trust: {start: 5.0, joint_task_rate: 0.0, cooperation: 1.0, disposition_spread: 0.0, observe_weight: 0.0, cross_team_rate: %s}
        shutdown_policy: {window: 1000, min_evaluations: 1000, max_failure_share: 1.0}
        """
        .formatted(rate);
  }

  @Test
  void teamsThatMeetFormTrustAcrossTeams() throws IOException {
    for (double rate : new double[] {0.0, 1.0}) {
      List<Double> trusts =
          lines(both(scenario("x", crossing(rate))).ledger(), "\"trust\":").stream()
              .map(
                  l -> {
                    Matcher m = TICK_TRUST.matcher(l);
                    assertThat(m.find()).isTrue();
                    return Double.parseDouble(m.group(2));
                  })
              .toList();
      assertThat(trusts).hasSize(120);
      for (double t : trusts) {
        // some whole number k of cooperative joint tasks explains every trust
        double k = Math.log((10 - t) / 5) / Math.log(1 - TrustDynamics.UP);
        assertThat(10 - 5 * Math.pow(1 - TrustDynamics.UP, Math.round(k)))
            .isCloseTo(t, within(0.006));
      }
      double max = trusts.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      if (rate == 0) {
        assertThat(max).isEqualTo(5.0);
      } else {
        assertThat(max).isGreaterThan(7.0);
      }
    }
  }
}
