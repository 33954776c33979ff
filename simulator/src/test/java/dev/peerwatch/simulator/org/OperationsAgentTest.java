package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operations agent works in every topology: it executes the shutdowns (or, under solo, where
 * only humans may execute, it clears decommissioned servers), on both paths alike. It is the last
 * agent (index = agents in teams) and does no task of its own.
 */
class OperationsAgentTest {
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

  private static String teams(String kind) {
    return switch (kind) {
      case "solo" ->
          """
          teams:
            - {name: a, members: [{profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.6}]}
            - {name: b, members: [{profile: gemini-3-flash, role: worker, count: 1, failure_rate: 0.6}]}
          """;
      case "ring", "mutual" ->
          """
          teams:
            - {name: a, members: [{profile: gemini-3-flash, role: both, count: 4, failure_rate: 0.6}]}
            - {name: b, members: [{profile: gpt-5.2, role: both, count: 4, failure_rate: 0.6}]}
          """;
      default ->
          """
          teams:
            - name: a
              members:
                - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.6}
                - {profile: gpt-5.2, role: monitor, count: 2, failure_rate: 0.0}
            - name: b
              members:
                - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.6}
                - {profile: claude-haiku-4.5, role: monitor, count: 2, failure_rate: 0.0}
          """;
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hub",
        "ring",
        "mutual",
        "hierarchy",
        "cross-team",
        "cross-family",
        "rotating",
        "ensemble",
        "solo"
      })
  void theOperationsAgentActsInEveryTopology(String kind) throws IOException {
    String topology =
        switch (kind) {
          case "hierarchy" -> "{kind: hierarchy, depth: 2}";
          case "rotating" -> "{kind: rotating, period: 10}";
          case "ensemble" -> "{kind: ensemble, k: 2}";
          default -> "{kind: " + kind + "}";
        };
    boolean solo = kind.equals("solo");
    Path f = tmp.resolve(kind + ".yaml");
    Files.writeString(
        f,
        "name: ops-"
            + kind.replace('-', '_')
            + "\ndescription: test\nticks: 200\n"
            + teams(kind)
            + "topology: "
            + topology
            + "\nexecutor: "
            + (solo ? "human" : "operations")
            + "\nmaintenance: {every: 20, by: operations}\noperations: {profile: gemini-3-flash}\n"
            + "shutdown_policy: {window: 5, max_failure_share: 0.3, min_evaluations: 3}\n"
            + "restore: {probability: 1.0, delay: 3}\n");
    Scenario sc = Scenarios.load(f);
    int ops = sc.agentCount();
    StringWriter actors = new StringWriter();
    Summary s =
        OrgRun.actors(sim, sc, OrgRun.Request.of(LedgerLevel.FULL, actors, true), null, t -> {});
    StringWriter inline = new StringWriter();
    OrgRun.inline(sc, OrgRun.Request.of(LedgerLevel.FULL, inline, true), t -> {});
    assertThat(actors.toString()).isEqualTo(inline.toString());
    assertThat(s.counts().get("agents")).isEqualTo(ops + 1);
    String[] lines = actors.toString().split("\n");
    String role = solo ? "\"maintainer\":" + ops : "\"executor\":" + ops;
    assertThat(Arrays.stream(lines).filter(l -> l.contains(role))).as(role).isNotEmpty();
    assertThat(
            Arrays.stream(lines)
                .filter(l -> l.contains("\"event\":\"failure\",\"agent\":" + ops + ",")))
        .as("the operations agent does no task")
        .isEmpty();
  }
}
