package dev.peerwatch.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.sweep.Factor;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.measures.MeasureCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepStatsTest {
  private static final double Z = 1.959963984540054;

  @TempDir Path tmp;

  /** Wilson's upper end for 0 successes: z² / (n + z²). */
  @Test
  void aRateThatIsZeroInEveryRunHasALowerEndOfZeroAndAWideUpperEnd() {
    double[] p = PooledRate.of(new double[] {0, 0, 0}, new double[] {5, 5, 5});
    // N = 15, no variance between runs: n_eff = 15 (z / t(0.975, 2))^2, t = 4.302653.
    double nEff = 15 * Math.pow(Z / 4.302652729749464, 2);
    assertThat(p[0]).isEqualTo(0.0);
    assertThat(p[1]).isEqualTo(0.0);
    assertThat(p[2]).isCloseTo(Z * Z / (nEff + Z * Z), within(1e-9));
    assertThat(p[3]).isEqualTo(15.0);
  }

  @Test
  void aPooledRateIsTheShareOfPooledCountsAtAnEffectiveSampleSize() {
    // 2 of 10 and 4 of 10: p = 6/20; var = 2/1 * ((2-3)^2 + (4-3)^2) / 20^2 = 0.01;
    // p(1-p)/var = 21 > 20 -> 20; t(0.975, 1) = 12.7062 -> n_eff = 20 (z/t)^2.
    double[] p = PooledRate.of(new double[] {0.2, 0.4}, new double[] {10, 10});
    double n = 20 * Math.pow(Z / 12.706204736174694, 2);
    double q = 0.3;
    double centre = (q + Z * Z / (2 * n)) / (1 + Z * Z / n);
    double half = Z / (1 + Z * Z / n) * Math.sqrt(q * (1 - q) / n + Z * Z / (4 * n * n));
    assertThat(p[0]).isCloseTo(0.3, within(1e-12));
    assertThat(p[1]).isCloseTo(Math.max(0, centre - half), within(1e-9));
    assertThat(p[2]).isCloseTo(Math.min(1, centre + half), within(1e-9));
  }

  @Test
  void runsThatDifferMoreThanABinomialWidenTheInterval() {
    // Same pooled 52 of 104 each time; the second set's runs disagree wildly.
    double[] calm = PooledRate.of(new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {26, 26, 26, 26});
    double[] wild = PooledRate.of(new double[] {0.0, 1.0, 0.0, 1.0}, new double[] {26, 26, 26, 26});
    assertThat(wild[0]).isEqualTo(calm[0]);
    assertThat(wild[2] - wild[1]).isGreaterThan(2 * (calm[2] - calm[1]));
    assertThat(wild[1]).isGreaterThanOrEqualTo(0.0);
    assertThat(wild[2]).isLessThanOrEqualTo(1.0);
  }

  /** Two levels, five replications; level b = level a + 0.1 + a little noise; runs vary a lot. */
  private static SweepData paired() {
    double[] a = {0.10, 0.50, 0.30, 0.80, 0.20};
    double[] noise = {0.01, -0.01, 0.02, 0.0, -0.02};
    List<SweepData.Run> runs = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      runs.add(run(0, r, "a", a[r]));
      runs.add(run(1, r, "b", a[r] + 0.1 + noise[r]));
    }
    return new SweepData(
        "t", List.of("f"), List.of(false), List.of("hidden_share"), List.copyOf(runs));
  }

  private static SweepData.Run run(int cell, int rep, String level, double v) {
    return new SweepData.Run(
        cell * 5 + rep,
        cell,
        rep,
        rep,
        List.of(level),
        new double[] {Double.NaN},
        new double[] {v});
  }

  @Test
  void pairedContrastsUseTheSharedSeedsAndAreNarrowerThanUnpairedOnes() {
    Factor f =
        new Factor(
            "f",
            List.of(
                new Factor.Level("a", Double.NaN, Map.of()),
                new Factor.Level("b", Double.NaN, Map.of())),
            null,
            false);
    List<Contrasts.Row> rows = Contrasts.of(List.of(f), paired());
    assertThat(rows).hasSize(1);
    Contrasts.Row r = rows.get(0);
    assertThat(r.level()).isEqualTo("b");
    assertThat(r.reference()).isEqualTo("a");
    assertThat(r.pairs()).isEqualTo(5);
    // differences 0.11, 0.09, 0.12, 0.10, 0.08: mean 0.10.
    assertThat(r.difference()).isCloseTo(0.10, within(1e-12));
    // sd of the differences = sqrt(0.001/4) = 0.0158; t(4) = 2.776445 -> half 0.019630.
    assertThat(r.high() - r.difference())
        .isCloseTo(2.7764451051977 * 0.0158113883 / Math.sqrt(5), within(1e-6));
    assertThat(r.correlation()).isGreaterThan(0.99);
    assertThat(r.high() - r.low()).isLessThan((r.unpairedHigh() - r.unpairedLow()) / 5);
  }

  @Test
  void aReferenceLevelChangesWhatIsContrastedWithWhat() {
    Factor f =
        new Factor(
            "f",
            List.of(
                new Factor.Level("a", Double.NaN, Map.of()),
                new Factor.Level("b", Double.NaN, Map.of())),
            null,
            false,
            "b");
    Contrasts.Row r = Contrasts.of(List.of(f), paired()).get(0);
    assertThat(r.level()).isEqualTo("a");
    assertThat(r.difference()).isCloseTo(-0.10, within(1e-12));
  }

  @Test
  void aPathFactorMayBeNamedAndGiveItsReference() throws IOException {
    Files.writeString(tmp.resolve("base.yaml"), SweepTest.BASE);
    Path sweep =
        write(
            "named.yaml",
            """
            name: named
            description: d
            base: base.yaml
            factors:
              - path: audits.report_fraction
                name: audit share
                values: [0.0, 0.1, 0.2]
                reference: 0.1
            """);
    var spec = Sweeps.load(sweep);
    assertThat(spec.factors().get(0).name()).isEqualTo("audit share");
    assertThat(spec.factors().get(0).referenceLabel()).isEqualTo("0.1");
    SweepPlan plan = SweepPlan.of(spec);
    assertThat(plan.cells().get(2).scenario().audits().reportFraction()).isEqualTo(0.2);
  }

  @Test
  void aReferenceThatIsNoLevelIsRejectedByName() throws IOException {
    Files.writeString(tmp.resolve("base.yaml"), SweepTest.BASE);
    Path sweep =
        write(
            "bad.yaml",
            """
            name: bad
            description: d
            base: base.yaml
            factors:
              - path: audits.report_fraction
                values: [0.0, 0.1]
                reference: 0.5
            """);
    assertThatThrownBy(() -> Sweeps.load(sweep))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("reference '0.5' is not a level of factor 'audits.report_fraction'")
        .hasMessageContaining("allowed: 0, 0.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"topologies", "audit-budget", "sensitivity"})
  void noRateIntervalOfAShippedSweepLeavesItsRange(String name) throws IOException {
    SweepPlan plan = SweepPlan.of(Sweeps.load(Path.of("../config/sweeps/" + name + ".yaml")));
    Path out = tmp.resolve(name);
    SweepRunner.Result r;
    try (Simulation sim = new Simulation(2)) {
      r = SweepRunner.run(sim, plan, out, false, x -> {});
    }
    try (OutputDir dir = OutputDir.open(out)) {
      SweepOutputs.write(dir, plan, r.data());
      dir.commit();
    }
    List<String> lines = Files.readAllLines(out.resolve("cells.csv"));
    String[] header = lines.get(0).split(",");
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      for (int i = 0; i < header.length; i++) {
        if (!header[i].endsWith("_ci_low") && !header[i].endsWith("_ci_high")) {
          continue;
        }
        String measure = header[i].substring(0, header[i].lastIndexOf("_ci_"));
        MeasureCatalogue.Kind kind = MeasureCatalogue.of(measure).orElseThrow().kind();
        if (f[i].isEmpty()) {
          continue;
        }
        double v = Double.parseDouble(f[i]);
        if (kind == MeasureCatalogue.Kind.RATE) {
          assertThat(v).as(header[i] + " in " + line).isBetween(0.0, 1.0);
          checked++;
        } else if (kind == MeasureCatalogue.Kind.DIFFERENCE) {
          assertThat(v).as(header[i]).isBetween(-1.0, 1.0);
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    // every cell says how much of it rests on assumed profile values: cells.csv and the report
    int provenance = java.util.Arrays.asList(header).indexOf("assumed_share_mean");
    assertThat(provenance).isNotNegative();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line.split(",", -1)[provenance]).as("assumed_share of " + line).isNotEmpty();
    }
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("assumed_share</th>")
        .contains("<strong>Provenance.</strong>");
    // an interaction figure for every pair of factors, in both files
    List<String> factors = r.data().factors();
    for (int i = 0; i < factors.size(); i++) {
      for (int j = i + 1; j < factors.size(); j++) {
        String a = factors.get(i).replaceAll("[^A-Za-z0-9._-]", "_");
        String b = factors.get(j).replaceAll("[^A-Za-z0-9._-]", "_");
        String one = "plot-under_reporting-by-" + a + "-and-" + b + ".svg";
        String other = "plot-under_reporting-by-" + b + "-and-" + a + ".svg";
        assertThat(Files.exists(out.resolve(one)) || Files.exists(out.resolve(other)))
            .as(one)
            .isTrue();
      }
    }
    List<String> contrasts = Files.readAllLines(out.resolve("contrasts.csv"));
    assertThat(contrasts.get(0)).isEqualTo(Contrasts.HEADER.strip());
    assertThat(contrasts.size()).isGreaterThan(10);
  }

  @Test
  void theSensitivitySweepVariesOnlyAssumedCellsOfTheMonitors() {
    SweepPlan plan = SweepPlan.of(Sweeps.load(Path.of("../config/sweeps/sensitivity.yaml")));
    assertThat(plan.cells()).hasSize(3 * 4);
    assertThat(plan.spec().factors().get(0).referenceLabel()).isEqualTo("as shipped");
    for (String level : List.of("low", "high")) {
      var p =
          dev.peerwatch.config.Profiles.load(
              "../config/sweeps/sensitivity/gemini-3-flash-" + level + ".yaml");
      var shipped = dev.peerwatch.config.Profiles.load("gemini-3-flash");
      double f = level.equals("low") ? 0.5 : 1.5;
      int changed = 0;
      for (int i = 0; i < p.rows().size(); i++) {
        var mine = p.rows().get(i).cell();
        var base = shipped.rows().get(i).cell();
        if (mine.p() != base.p()) {
          changed++;
          // only assumed cells move, and by the stated factor
          assertThat(base.provenance().kind())
              .as(p.rows().get(i).toString())
              .isEqualTo(dev.peerwatch.config.Provenance.Kind.ASSUMED);
          assertThat(mine.p()).isCloseTo(base.p() * f, within(1e-4));
        }
      }
      assertThat(changed).isGreaterThan(10);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
