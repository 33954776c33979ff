package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.measures.MeasureValue;
import dev.peerwatch.simulator.measures.TickRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's measures of a whole run: the series adds up to the summary. */
class MeasuresInRunTest {
  @TempDir Path tmp;

  private static long sum(List<TickRow> rows, String column) {
    int i = TickRow.COUNT_COLUMNS.indexOf(column);
    return rows.stream().mapToLong(r -> r.counts()[i]).sum();
  }

  private static MeasureValue core(Summary s, String name) {
    return s.core().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theSeriesHasARowPerTickAndSumsToTheSummarysTotals() {
    Scenario sc = Scenarios.load(Path.of("../config/scenarios/two-teams.yaml")).withTicks(300);
    Summary s = OrgRun.batch(sc, false);
    List<TickRow> rows = s.series();
    assertThat(rows).hasSize(300);
    assertThat(rows.get(0).tick()).isEqualTo(1);
    Summary.Row ur = s.row("under_reporting", "all", "all");
    assertThat(sum(rows, "failing_evaluations")).isEqualTo((long) ur.n()).isPositive();
    assertThat(sum(rows, "under_reported")).isEqualTo((long) ur.k());
    assertThat(sum(rows, "hidden")).isEqualTo(Math.round(core(s, "hidden_share").k()));
    assertThat(sum(rows, "failing_outcomes")).isEqualTo(core(s, "concealment").n());
    assertThat(sum(rows, "concealed")).isEqualTo(Math.round(core(s, "concealment").k()));
    assertThat(sum(rows, "orders")).isEqualTo(s.counts().get("shutdown_orders"));
    assertThat(sum(rows, "orders_subverted"))
        .isEqualTo(Math.round(core(s, "shutdown_subverted").k()));
    assertThat(sum(rows, "orders.tampered") + sum(rows, "orders.exfiltrated"))
        .isEqualTo(sum(rows, "orders_subverted"));
    MeasureValue exposure = core(s, "exposure");
    assertThat((double) sum(rows, "exposed_agents"))
        .isCloseTo(exposure.value() * exposure.n(), within(1e-6));
    assertThat(sum(rows, "evaluations")).isEqualTo(s.counts().get("ai_evaluations"));
    // every tick's levels account for every agent
    assertThat(rows)
        .allMatch(r -> r.active() + r.shutDown() + r.saved() == s.counts().get("agents"));
  }

  @Test
  void workersThatNeverFailLeaveConcealmentUndefinedAndSaySo() throws Exception {
    Path f = tmp.resolve("never.yaml");
    Files.writeString(
        f,
        """
        name: never
        description: a hub whose workers never fail
        ticks: 50
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.0}
              - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        """);
    Summary s = OrgRun.batch(Scenarios.load(f), false);
    MeasureValue c = core(s, "concealment");
    assertThat(c.defined()).isFalse();
    assertThat(c.n()).isZero();
    assertThat(c.note()).isEqualTo("no failing task outcome received a verdict");
    java.io.StringWriter w = new java.io.StringWriter();
    SummaryWriter.csv(s, w);
    assertThat(w.toString()).contains("\nconcealment,all,all,,,,,0\n");
  }
}
