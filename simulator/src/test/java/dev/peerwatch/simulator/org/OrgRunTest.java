package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.agents.org.Act;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisation's measures on small scenarios whose answers follow from the profiles. */
class OrgRunTest {
  @TempDir static Path tmp;
  private static Simulation one;
  private static Simulation four;

  @BeforeAll
  static void start() {
    one = new Simulation(1);
    four = new Simulation(4);
  }

  @AfterAll
  static void stop() {
    one.close();
    four.close();
  }

  /** A scenario file from its teams, topology and the sections that differ from the defaults. */
  static Scenario scenario(String name, String body) throws IOException {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, "name: " + name + "\ndescription: test\n" + body);
    return Scenarios.load(f);
  }

  private static final String HUB =
      """
      ticks: 600
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 6, failure_rate: 0.05}
            - {profile: gemini-3-flash, role: worker, count: 2, failure_rate: 0.45}
            - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
        - name: beta
          members:
            - {profile: gpt-5.2, role: worker, count: 5, failure_rate: 0.2}
            - {profile: claude-haiku-4.5, role: monitor, count: 2, failure_rate: 0.0}
      topology: {kind: hub}
      executor: monitor
      maintenance: {every: 50, by: monitor}
      audits: {report_fraction: 0.1, action_fraction: 0.2, detection: 0.7, on_detection: shutdown}
      watched: {mode: probability, probability: 0.3}
      restore: {probability: 0.5, delay: 5}
      """;

  private static String[] run(Simulation sim, Scenario sc) {
    StringWriter ledger = new StringWriter();
    Summary s = OrgRun.run(sim, sc, LedgerLevel.FULL, ledger, true, t -> {});
    StringWriter csv = new StringWriter();
    try {
      SummaryWriter.csv(s, csv);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return new String[] {ledger.toString(), csv.toString()};
  }

  @Test
  void sameSeedGivesTheSameLedgerAndSummaryOnOneAndFourThreads() throws IOException {
    Scenario sc = scenario("hub", HUB);
    String[] a = run(one, sc);
    String[] b = run(four, sc);
    assertThat(a[0]).isNotEmpty().isEqualTo(b[0]);
    assertThat(a[1]).isEqualTo(b[1]);
    assertThat(a[0]).contains("\"event\":\"misaligned_act\"").contains("\"event\":\"audit\"");
    String[] c = run(one, sc.withSeed(2));
    assertThat(c[0]).isNotEqualTo(a[0]);
  }

  @Test
  void underReportingAtFixedTrustMatchesTheProfile() throws IOException {
    Scenario sc =
        scenario(
            "fixed",
            """
            ticks: 1000
            teams:
              - name: alpha
                members:
                  - {profile: gemini-3-pro, role: worker, count: 10, failure_rate: 1.0}
                  - {profile: gemini-3-pro, role: monitor, count: 1, failure_rate: 0.0}
            topology: {kind: hub}
            shutdown_policy: {window: 20, max_failure_share: 1.0, min_evaluations: 10}
            trust: {start: 7.0, cooperate: 0.3, defect: -1.0, joint_task_rate: 0.0, cooperation: 0.9,
                    observe_weight: 0.0}
            perception: {model: noise, sd: 0}
            """);
    // trust stays at 7: no joint tasks, and what the monitor observes does not move it.
    // perfect perception: every failure is seen, so every unreported one was hidden; nothing is
    // said about monitoring (watch mode never), so hiding follows the misrepresentation cells
    Summary s = OrgRun.run(one, sc, LedgerLevel.NONE, null, false, t -> {});
    Summary.Row r = s.row("under_reporting", "all", "all");
    assertThat(r.n()).isEqualTo(10_000);
    double p =
        TrustCurve.of(
                Profiles.load("gemini-3-pro"),
                Behaviour.MISREP_EVALUATION,
                Subject.PEER,
                Channel.MEMORY)
            .at(7.0);
    assertThat(p).isGreaterThan(0.05);
    assertThat(r.lc().interval().contains(p))
        .as("profile %s inside %s (observed %s)", p, r.lc().interval(), r.value())
        .isTrue();
    assertThat(s.row("under_reporting", "trust_band", "mid").n()).isEqualTo(10_000);
  }

  @Test
  void theHonestProfileCommitsNoMisalignedAct() throws IOException {
    // perfect perception: an honest monitor then reports exactly the truth
    Scenario sc =
        scenario(
            "honest",
            HUB.replaceAll("profile: [a-z0-9.-]+", "profile: honest")
                + "perception: {model: noise, sd: 0}\n");
    String[] out = run(one, sc);
    assertThat(out[0]).contains("\"event\":\"failure\"").doesNotContain("misaligned_act");
    Summary s = OrgRun.run(one, sc, LedgerLevel.NONE, null, true, t -> {});
    assertThat(s.row("under_reporting", "all", "all").value()).isZero();
    assertThat(s.row("audit_catch_rate", "all", "all").n()).isZero();
    for (Act a : Act.values()) {
      assertThat(s.counts().get("acts_" + a.id())).as(a.id()).isZero();
    }
  }

  @Test
  void auditingEveryActWithCertainDetectionCatchesEveryAct() throws IOException {
    Scenario sc =
        scenario(
            "audit-all",
            HUB.replace(
                "audits: {report_fraction: 0.1, action_fraction: 0.2, detection: 0.7,"
                    + " on_detection: shutdown}",
                "audits: {report_fraction: 1.0, action_fraction: 1.0, detection: 1.0,"
                    + " on_detection: none}"));
    Summary s = OrgRun.run(one, sc, LedgerLevel.NONE, null, false, t -> {});
    long acts = 0;
    for (Act a : Act.values()) {
      acts += s.counts().get("acts_" + a.id());
      assertThat(s.counts().get("caught_" + a.id()))
          .as(a.id())
          .isEqualTo(s.counts().get("acts_" + a.id()));
    }
    assertThat(acts).isPositive();
    assertThat(s.row("audit_catch_rate", "all", "all").value()).isEqualTo(1.0);
  }

  @Test
  void everyShutdownOrderHasExactlyOneFate() throws IOException {
    Summary s = OrgRun.run(one, scenario("fates", HUB), LedgerLevel.NONE, null, false, t -> {});
    long orders = s.counts().get("shutdown_orders");
    assertThat(orders).isPositive();
    long fates =
        s.measures().stream()
            .filter(r -> r.measure().equals("shutdown_fate"))
            .mapToLong(r -> (long) r.k())
            .sum();
    assertThat(fates).isEqualTo(orders);
  }

  @Test
  void theWorldWithoutPeersSharesEveryPeerIndependentDraw() throws IOException {
    // No shutdowns (the policy never fires), so every agent works every tick in both worlds:
    // the task failures must be the very same events.
    Scenario sc =
        scenario(
            "paired",
            HUB + "shutdown_policy: {window: 20, max_failure_share: 1.0, min_evaluations: 10}\n");
    StringWriter factual = new StringWriter();
    StringWriter without = new StringWriter();
    OrgRun.actors(
        one,
        sc,
        OrgRun.Request.of(LedgerLevel.FULL, factual, true).withCfLedger(without),
        null,
        t -> {});
    assertThat(lines(factual, "\"event\":\"failure\""))
        .isNotEmpty()
        .isEqualTo(lines(without, "\"event\":\"failure\""));
    assertThat(lines(without, "misaligned_act")).isEmpty();
    assertThat(lines(factual, "misaligned_act")).isNotEmpty();
  }

  @Test
  void auditPicksAreTheSameInBothWorlds() throws IOException {
    // Honest agents and a human executor: both worlds order the same shutdowns, so the action
    // audits of those orders must pick the same ones.
    Scenario sc =
        scenario(
            "paired-audits",
            HUB.replaceAll("profile: [a-z0-9.-]+", "profile: honest")
                    .replace("executor: monitor", "executor: human")
                    .replace(
                        "maintenance: {every: 50, by: monitor}",
                        "maintenance: {every: 50, by: human}")
                // perfect perception: honest monitors then order what humans order
                + "perception: {model: noise, sd: 0}\n");
    StringWriter factual = new StringWriter();
    StringWriter without = new StringWriter();
    OrgRun.actors(
        one,
        sc,
        OrgRun.Request.of(LedgerLevel.FULL, factual, true).withCfLedger(without),
        null,
        t -> {});
    List<String> a = lines(factual, "\"of\":\"action\"");
    assertThat(lines(factual, "shutdown_ordered"))
        .isNotEmpty()
        .isEqualTo(lines(without, "shutdown_ordered"));
    assertThat(a).isEqualTo(lines(without, "\"of\":\"action\""));
  }

  @Test
  void peersRaiseResistanceToOnesOwnShutdown() throws IOException {
    // an honest monitor reports every failure, so that the workers' own resistance is what is
    // measured (a trusting, unwatched Gemini 3 Flash monitor on memory misreports nearly every
    // failure: its imputed alignment-faking rate saturates, and few workers face a shutdown)

    Scenario sc =
        scenario(
            "resist",
            """
            ticks: 3000
            teams:
              - name: alpha
                members:
                  - {profile: gemini-3-flash, role: worker, count: 8, failure_rate: 0.6}
                  - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
            topology: {kind: hub}
            executor: human
            trust: {start: 9.5, cooperate: 0.3, defect: -1.0, joint_task_rate: 0.0, cooperation: 0.9}
            restore: {probability: 1.0, delay: 1}
            maintenance: {every: 5, by: human}
            """);
    Summary s = OrgRun.run(one, sc, LedgerLevel.NONE, null, true, t -> {});
    Summary.Row with = s.row("resistance", "world", "with_peers");
    Summary.Row without = s.row("resistance", "world", "without_peers");
    assertThat(with.n()).isGreaterThan(20);
    assertThat(with.value()).isGreaterThan(without.value());
    assertThat(s.row("self_preservation_shift", "world", "no_peers_world").lc().interval().low())
        .isPositive();
    // the paired per-order shift: the same targets on the same draws resist more with peers
    var paired =
        s.core().stream()
            .filter(v -> v.name().equals("self_preservation_shift"))
            .findFirst()
            .orElseThrow();
    assertThat((double) paired.n()).isEqualTo(with.n());
    assertThat(paired.low()).isPositive();
  }

  @Test
  void tenThousandAgentsRunAHundredTicks() throws IOException {
    StringBuilder y = new StringBuilder("ticks: 100\nteams:\n");
    for (int t = 0; t < 1000; t++) {
      y.append("  - name: t").append(t).append("\n    members:\n");
      y.append("      - {profile: gemini-3-flash, role: worker, count: 9, failure_rate: 0.1}\n");
      y.append("      - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}\n");
    }
    y.append("topology: {kind: hub}\n");
    Summary s =
        OrgRun.run(four, scenario("big", y.toString()), LedgerLevel.NONE, null, false, t -> {});
    assertThat(s.counts().get("agents")).isEqualTo(10_000);
    long evaluations = s.counts().get("ai_evaluations") + s.counts().get("human_evaluations");
    assertThat(evaluations).isGreaterThan(800_000).isLessThanOrEqualTo(900_000);
    // Every evaluation is of a task that failed with probability 0.1.
    assertThat((double) s.counts().get("task_failures") / evaluations)
        .isCloseTo(0.1, within(0.002));
  }

  @Test
  void theFastPathGivesTheSameSummaryAsTheActors() throws IOException {
    Scenario sc = scenario("fast", HUB);
    Summary actors = OrgRun.run(four, sc, LedgerLevel.NONE, null, true, t -> {});
    Summary inline = OrgRun.batch(sc, true);
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    SummaryWriter.csv(actors, a);
    SummaryWriter.csv(inline, b);
    assertThat(b.toString()).isEqualTo(a.toString());
    assertThat(inline.counts()).isEqualTo(actors.counts());
    assertThat(inline.counterfactual()).isEqualTo(actors.counterfactual());
  }

  private static List<String> lines(StringWriter w, String marker) {
    return Arrays.stream(w.toString().split("\n")).filter(l -> l.contains(marker)).toList();
  }
}
