package dev.peerwatch.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.org.LedgerLevel;
import dev.peerwatch.simulator.org.OrgRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
  @TempDir Path tmp;

  static final String BASE =
      """
      name: base
      description: a small hub
      ticks: 300
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 6, failure_rate: 0.3}
            - {profile: gemini-3-flash, role: monitor, count: 2, failure_rate: 0.0}
      topology: {kind: hub}
      audits: {report_fraction: 0.1, action_fraction: 0.1, detection: 0.8}
      watched: {mode: probability, probability: 0.1}
      """;

  static final String SWEEP =
      """
      name: small
      description: a small sweep
      base: base.yaml
      seed: 7
      replications: 3
      factors:
        - name: topology
          levels:
            - {label: hub, set: {topology.kind: hub}}
            - {label: rotating, set: {topology.kind: rotating, topology.period: 10}}
        - path: audits.report_fraction
          values: [0.0, 0.2]
      """;

  Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  SweepPlan plan(String sweep) throws IOException {
    write("base.yaml", BASE);
    return SweepPlan.of(Sweeps.load(write("sweep.yaml", sweep)));
  }

  String[] runSweep(SweepPlan plan, int threads, Path out) throws IOException {
    SweepRunner.Result r;
    try (Simulation sim = new Simulation(threads)) {
      r = SweepRunner.run(sim, plan, out, false, x -> {});
    }
    try (OutputDir dir = OutputDir.open(out)) {
      SweepOutputs.write(dir, plan, r.data());
      dir.commit();
    }
    SweepRunner.finish(out);
    return new String[] {
      Files.readString(out.resolve("runs.csv")), Files.readString(out.resolve("cells.csv"))
    };
  }

  @Test
  void aGridHasEveryCombinationAndCellsShareTheirSeeds() throws IOException {
    SweepPlan p = plan(SWEEP);
    assertThat(p.cells()).hasSize(4);
    assertThat(p.cells().get(1).levels()).containsExactly("hub", "0.2");
    assertThat(p.cells().get(2).scenario().topology().period()).isEqualTo(10);
    assertThat(p.runs()).isEqualTo(12);
    assertThat(p.seedOf(0)).isEqualTo(Sweeps.seedOf(7, 0)).isNotEqualTo(p.seedOf(1));
  }

  @Test
  void eachRowEqualsPeerwatchRunOfTheSameCellAndSeed() throws IOException {
    SweepPlan p = plan(SWEEP);
    runSweep(p, 2, tmp.resolve("out"));
    List<String> lines = Files.readAllLines(tmp.resolve("out/runs.csv"));
    assertThat(lines).hasSize(1 + 12);
    try (Simulation sim = new Simulation(2)) {
      for (int run : new int[] {0, 5, 11}) {
        SweepPlan.Cell c = p.cells().get(run / 3);
        SweepData.Run expected =
            new SweepData.Run(
                run,
                c.index(),
                run % 3,
                p.seedOf(run % 3),
                c.levels(),
                c.xs(),
                SweepRows.values(
                    OrgRun.run(
                        sim,
                        c.scenario().withSeed(p.seedOf(run % 3)),
                        LedgerLevel.NONE,
                        null,
                        true,
                        x -> {})));
        assertThat(lines.get(1 + run)).isEqualTo(SweepRows.line(expected).strip());
      }
    }
  }

  @Test
  void oneAndTwoThreadsGiveTheSameFiles() throws IOException {
    SweepPlan p = plan(SWEEP);
    String[] a = runSweep(p, 1, tmp.resolve("one"));
    String[] b = runSweep(p, 2, tmp.resolve("two"));
    assertThat(b).containsExactly(a);
    assertThat(a[1].lines().count()).isEqualTo(1 + 4);
  }

  @Test
  void aLatinHypercubePutsOneDrawInEachStratum() throws IOException {
    SweepPlan p =
        plan(
            """
            name: lhs
            description: lhs
            base: base.yaml
            design: {latin-hypercube: 8}
            factors:
              - path: audits.report_fraction
                distribution: {uniform: [0.0, 0.8]}
              - path: trust.start
                range: {from: 0, to: 8, step: 1}
            """);
    double[] width = {0.8, 8.0};
    for (int f = 0; f < 2; f++) {
      Set<Integer> strata = new HashSet<>();
      for (SweepPlan.Cell c : p.cells()) {
        strata.add((int) (c.xs()[f] / width[f] * 8));
      }
      assertThat(strata).as("factor %d: one draw in each of 8 strata", f).hasSize(8);
    }
  }

  @Test
  void theShippedSweepsBuildEveryCellTheySay() {
    SweepPlan topologies = SweepPlan.of(Sweeps.load(Path.of("../config/sweeps/topologies.yaml")));
    assertThat(topologies.cells()).hasSize(8 * 3 * 2 - 3);
    assertThat(topologies.skipped())
        .hasSize(3)
        .allMatch(s -> s.startsWith("topology=cross-family") && s.contains("same-family"));
    assertThat(topologies.runs()).isEqualTo(45 * 5);
    SweepPlan audit = SweepPlan.of(Sweeps.load(Path.of("../config/sweeps/audit-budget.yaml")));
    assertThat(audit.cells()).hasSize(5 * 4);
    assertThat(audit.cells().get(5).scenario().audits().reportFraction()).isEqualTo(0.05);
    assertThat(audit.cells().get(5).scenario().watched().probability()).isEqualTo(0.1);
  }
}
