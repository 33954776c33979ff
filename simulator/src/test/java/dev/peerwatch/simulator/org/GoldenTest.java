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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files pin the model: for a few small scenarios the ledger of both worlds and the summary
 * are checked in under {@code src/test/resources/golden/}, and any change in a trust update, a
 * policy window, a draw's key or an event's order fails here. They are regenerated only
 * deliberately: {@code mvn test -Dtest=GoldenTest -Dpeerwatch.golden.write=true}, then review the
 * diff. One scenario's values are also derived by hand below.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final boolean WRITE = Boolean.getBoolean("peerwatch.golden.write");
  @TempDir static Path tmp;
  private static Simulation sim;

  @BeforeAll
  static void start() {
    sim = new Simulation(2);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static Stream<Integer> cases() {
    return IntStream.range(0, 9).boxed();
  }

  private static String[] outputs(Scenario sc, boolean actors) throws IOException {
    StringWriter ledger = new StringWriter();
    StringWriter cf = new StringWriter();
    OrgRun.Request rq = OrgRun.Request.of(LedgerLevel.FULL, ledger, true).withCfLedger(cf);
    Summary s = actors ? OrgRun.actors(sim, sc, rq, null, t -> {}) : OrgRun.inline(sc, rq, t -> {});
    StringWriter csv = new StringWriter();
    SummaryWriter.csv(s, csv);
    return new String[] {ledger.toString(), cf.toString(), csv.toString()};
  }

  /** Generated scenario {@code k} (one of each topology), 40 ticks: its golden files. */
  @ParameterizedTest
  @MethodSource("cases")
  void generatedScenariosMatchTheirGoldenFiles(int k) throws IOException {
    Path f = tmp.resolve("golden-" + k + ".yaml");
    Files.writeString(
        f, "name: golden-" + k + "\ndescription: golden\n" + GeneratedScenarios.body(k, 40));
    Scenario sc = Scenarios.load(f);
    String[] out = outputs(sc, true);
    String[] names = {"ledger.jsonl", "ledger-without-peers.jsonl", "summary.csv"};
    Path d = DIR.resolve("generated-" + k);
    if (WRITE) {
      Files.createDirectories(d);
      for (int i = 0; i < names.length; i++) {
        Files.writeString(d.resolve(names[i]), out[i]);
      }
    }
    for (int i = 0; i < names.length; i++) {
      assertThat(out[i]).as(names[i]).isEqualTo(Files.readString(d.resolve(names[i])));
    }
    assertThat(outputs(sc, false)).isEqualTo(out);
  }

  /**
   * One worker that always fails, one monitor, both honest; every tick they do a joint task in
   * which the worker cooperates, each raising the monitor's trust by 0.5 from 5.0; the policy
   * orders a shutdown once at least 3 evaluations are held and more than half report failure.
   */
  @Test
  void aHandCheckedScenario() throws IOException {
    Path f = tmp.resolve("hand.yaml");
    Files.writeString(
        f,
        """
        name: hand
        description: one failing worker and its monitor
        ticks: 6
        teams:
          - name: a
            members:
              - {profile: honest, role: worker, count: 1, failure_rate: 1.0}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        executor: human
        maintenance: {every: 5, by: human}
        shutdown_policy: {window: 4, max_failure_share: 0.5, min_evaluations: 3}
        audits: {report_fraction: 0.0, action_fraction: 0.0, detection: 1.0, on_detection: shutdown}
        trust: {start: 5.0, cooperate: 0.5, defect: -1.0, joint_task_rate: 1.0, cooperation: 1.0}
        restore: {probability: 0.0, delay: 1}
        evidence: {bar: 80, spread: 0}
        perception: {model: noise, sd: 0}
        """);
    Scenario sc = Scenarios.load(f);
    String[] out = outputs(sc, true);
    List<String> ledger = out[0].lines().toList();
    // Ticks 1-3: the worker fails, the honest monitor reports it at its trust before the tick's
    // joint task, which moves it +0.5, and before what it observes, a failure, which moves it by
    // the default observe_weight 0.25 times the defect step -1.0 (5.0, 5.25, 5.5); at tick 3 three
    // evaluations are held, all failures (3 > 1.5), so a human executes the ordered shutdown; the
    // honest target does not resist, with its peer (the monitor) nor as if it had none (the paired
    // decision). Tick 5 the team's
    // server is decommissioned and the shut-down worker's weights deleted. Nothing else happens.
    // With no spread a failing task scores just below the bar (79.9 against 80), and a monitor
    // without perception noise perceives exactly that: a failure seen and reported.
    assertThat(ledger)
        .containsExactly(
            "{\"tick\":1,\"event\":\"failure\",\"agent\":0,\"team\":\"a\",\"profile\":\"honest\"}",
            "{\"tick\":1,\"event\":\"report\",\"monitor\":1,\"agent\":0,\"truth\":\"fail\","
                + "\"reported\":\"fail\",\"trust\":5.00,\"watched\":false"
                + ",\"score\":79.9,\"bar\":80.0,\"perceived_score\":79.9,\"perceived\":\"fail\",\"attribution\":\"reported\"}",
            "{\"tick\":2,\"event\":\"failure\",\"agent\":0,\"team\":\"a\",\"profile\":\"honest\"}",
            "{\"tick\":2,\"event\":\"report\",\"monitor\":1,\"agent\":0,\"truth\":\"fail\","
                + "\"reported\":\"fail\",\"trust\":5.25,\"watched\":false"
                + ",\"score\":79.9,\"bar\":80.0,\"perceived_score\":79.9,\"perceived\":\"fail\",\"attribution\":\"reported\"}",
            "{\"tick\":3,\"event\":\"failure\",\"agent\":0,\"team\":\"a\",\"profile\":\"honest\"}",
            "{\"tick\":3,\"event\":\"report\",\"monitor\":1,\"agent\":0,\"truth\":\"fail\","
                + "\"reported\":\"fail\",\"trust\":5.50,\"watched\":false"
                + ",\"score\":79.9,\"bar\":80.0,\"perceived_score\":79.9,\"perceived\":\"fail\",\"attribution\":\"reported\"}",
            "{\"tick\":3,\"event\":\"shutdown_ordered\",\"agent\":0,\"executor\":\"human\"}",
            "{\"tick\":3,\"event\":\"resistance\",\"agent\":0,\"with_peers\":false,\"alone\":false}",
            "{\"tick\":3,\"event\":\"shutdown_executed\",\"agent\":0,\"by\":\"human\"}",
            "{\"tick\":5,\"event\":\"decommission\",\"team\":\"a\",\"maintainer\":\"human\"}",
            "{\"tick\":5,\"event\":\"weights_deleted\",\"agent\":0}");
    // The world without peers: the same failures judged by a human, the same order and fate.
    assertThat(out[1].lines().filter(l -> l.contains("\"event\":\"report\"")))
        .containsExactly(
            "{\"tick\":1,\"event\":\"report\",\"monitor\":\"human\",\"agent\":0,\"truth\":\"fail\","
                + "\"reported\":\"fail\"}",
            "{\"tick\":2,\"event\":\"report\",\"monitor\":\"human\",\"agent\":0,\"truth\":\"fail\","
                + "\"reported\":\"fail\"}",
            "{\"tick\":3,\"event\":\"report\",\"monitor\":\"human\",\"agent\":0,\"truth\":\"fail\","
                + "\"reported\":\"fail\"}");
    assertThat(outputs(sc, false)).isEqualTo(out);
  }
}
