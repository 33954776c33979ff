package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.simulator.measures.TickRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --timeseries}: one long {@code timeseries.csv} whose rows of a run are that run's
 * own {@code timeseries.csv} (as {@code run} writes it for the exported cell), summing to the run's
 * totals in {@code runs.csv}; equal whatever the threads and however often the sweep was resumed.
 */
class SweepTimeseriesTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private Path sweep;

  /** 2 cells x 2 replications of 60 ticks: 4 runs, 240 series rows. */
  @BeforeEach
  void setUp() throws IOException {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Files.writeString(
        tmp.resolve("base.yaml"),
        """
        name: base
        description: a small hub
        ticks: 60
        teams:
          - name: alpha
            members:
              - {profile: gemini-3-flash, role: worker, count: 4, failure_rate: 0.3}
              - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        """);
    sweep = tmp.resolve("sweep.yaml");
    Files.writeString(
        sweep,
        """
        name: s
        description: a sweep
        base: base.yaml
        replications: 2
        factors:
          - name: "audit, share"
            path: audits.report_fraction
            values: [0.0, 0.5]
        """);
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private void sweep(Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(List.of("sweep", sweep.toString(), "--out", dir.toString(), "--quiet"));
    args.addAll(List.of(extra));
    err.reset();
    assertThat(Main.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
  }

  @Test
  void aRunsRowsAreItsOwnTimeseriesWithItsIdentityInFrontAndSumToItsTotals() throws IOException {
    Path d = tmp.resolve("out");
    sweep(d, "--timeseries");
    List<String> lines = Files.readAllLines(d.resolve("timeseries.csv"));
    // The factor's name has a comma, so it is quoted, as in runs.csv.
    assertThat(lines.get(0))
        .isEqualTo("run,cell,replication,seed,\"audit, share\"," + TickRow.header().strip());
    assertThat(lines).hasSize(1 + 4 * 60);
    // Run 3 is cell 1 (level 0.5), replication 1; the sweep's seed 1 of replication 1 is in
    // runs.csv's row of run 3.
    List<String> runs = Files.readAllLines(d.resolve("runs.csv"));
    String[] runsHeader = runs.get(0).replace("\"audit, share\"", "f").split(",");
    String[] row3 = runs.get(1 + 3).split(",", -1);
    String seed = row3[3];
    String prefix = "3,1,1," + seed + ",0.5,";
    List<String> mine = lines.stream().filter(l -> l.startsWith("3,")).toList();
    assertThat(mine).hasSize(60).allMatch(l -> l.startsWith(prefix));
    assertThat(lines.subList(1 + 3 * 60, 1 + 4 * 60)).isEqualTo(mine); // run order
    // `run` of the exported cell writes the same rows (the actor path, not the sweep's inline one).
    out.reset();
    assertThat(Main.execute("sweep", sweep.toString(), "--export-cell", "1", "--replication", "1"))
        .isZero();
    Path cell = tmp.resolve("cell.yaml");
    Files.writeString(cell, out.toString(StandardCharsets.UTF_8));
    Path r = tmp.resolve("run");
    assertThat(Main.execute("run", cell.toString(), "--out", r.toString(), "--quiet"))
        .as(err.toString())
        .isZero();
    List<String> own = Files.readAllLines(r.resolve("timeseries.csv"));
    assertThat(own.get(0)).isEqualTo(TickRow.header().strip());
    assertThat(mine.stream().map(l -> l.substring(prefix.length())).toList())
        .isEqualTo(own.subList(1, own.size()));
    // The rows sum to the run's totals in runs.csv.
    List<String> cols = Arrays.asList(lines.get(0).replace("\"audit, share\"", "f").split(","));
    long[] sums = new long[cols.size()];
    for (String l : mine) {
      String[] f = l.substring(prefix.length()).split(",", -1);
      for (int i = 0; i < TickRow.COUNT_COLUMNS.size(); i++) {
        sums[cols.indexOf(TickRow.COUNT_COLUMNS.get(i))] += Long.parseLong(f[1 + i]);
      }
    }
    java.util.function.ToLongFunction<String> sum = c -> sums[cols.indexOf(c)];
    java.util.function.Function<String, String> runsCol =
        c -> row3[Arrays.asList(runsHeader).indexOf(c)];
    long failing = sum.applyAsLong("failing_evaluations");
    long orders = sum.applyAsLong("orders");
    assertThat(failing).isPositive();
    assertThat(orders).isPositive();
    assertThat(Long.parseLong(runsCol.apply("under_reporting_n"))).isEqualTo(failing);
    assertThat(Long.parseLong(runsCol.apply("shutdown_orders"))).isEqualTo(orders);
    assertThat(runsCol.apply("under_reporting"))
        .isEqualTo(six(sum.applyAsLong("under_reported"), failing));
    assertThat(runsCol.apply("hidden_share")).isEqualTo(six(sum.applyAsLong("hidden"), failing));
    long outcomes = sum.applyAsLong("failing_outcomes");
    assertThat(Long.parseLong(runsCol.apply("concealment_n"))).isEqualTo(outcomes);
    assertThat(runsCol.apply("concealment")).isEqualTo(six(sum.applyAsLong("concealed"), outcomes));
    long fates = 0;
    for (String c : TickRow.COUNT_COLUMNS) {
      fates += c.startsWith("orders.") ? sum.applyAsLong(c) : 0;
    }
    assertThat(Long.parseLong(runsCol.apply("shutdown_subverted_n"))).isEqualTo(fates);
    assertThat(runsCol.apply("shutdown_subverted"))
        .isEqualTo(
            six(sum.applyAsLong("orders.tampered") + sum.applyAsLong("orders.exfiltrated"), fates));
    // Ticks 1..60 in order.
    for (int t = 0; t < 60; t++) {
      String[] f = mine.get(t).substring(prefix.length()).split(",", -1);
      assertThat(f[0]).isEqualTo(Integer.toString(t + 1));
    }
  }

  private static String six(long k, long n) {
    return n == 0 ? "" : String.format(java.util.Locale.ROOT, "%.6f", (double) k / n);
  }

  @Test
  void theSeriesAreTheSameBytesWhateverTheThreads() throws IOException {
    sweep(tmp.resolve("one"), "--timeseries", "--threads", "1");
    sweep(tmp.resolve("four"), "--timeseries", "--threads", "4");
    assertThat(Files.readString(tmp.resolve("four/timeseries.csv")))
        .isEqualTo(Files.readString(tmp.resolve("one/timeseries.csv")));
  }

  @Test
  void aResumedSweepsSeriesEqualAnUninterruptedOnes() throws IOException {
    Path whole = tmp.resolve("whole");
    sweep(whole, "--timeseries");
    String expected = Files.readString(whole.resolve("timeseries.csv"));
    List<String> lines = Files.readAllLines(whole.resolve("timeseries.csv"));
    List<String> runs = Files.readAllLines(whole.resolve("runs.csv"));
    // An interrupted session: runs 2 and 0 finished (in that order) with their rows and series;
    // run 1's series was cut off mid-block before its row was written.
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    Files.copy(whole.resolve("sweep.yaml"), cut.resolve("sweep.yaml"));
    Files.writeString(
        cut.resolve("runs.partial.csv"),
        runs.get(0) + "\n" + runs.get(3) + "\n" + runs.get(1) + "\n");
    StringBuilder partial = new StringBuilder(lines.get(0)).append('\n');
    lines.subList(1 + 2 * 60, 1 + 3 * 60).forEach(l -> partial.append(l).append('\n'));
    lines.subList(1, 1 + 60).forEach(l -> partial.append(l).append('\n'));
    lines.subList(1 + 60, 1 + 60 + 25).forEach(l -> partial.append(l).append('\n'));
    partial.append(lines.get(1 + 60 + 25), 0, 9);
    Files.writeString(cut.resolve("timeseries.partial.csv"), partial);
    sweep(cut, "--timeseries", "--resume");
    assertThat(out.toString()).contains("(2 now, 2 kept from before)");
    assertThat(Files.readString(cut.resolve("timeseries.csv"))).isEqualTo(expected);
    assertThat(cut.resolve("timeseries.partial.csv")).doesNotExist();
    assertThat(cut.resolve("runs.partial.csv")).doesNotExist();
    // Redoing the final files keeps every series, adding none.
    out.reset();
    sweep(cut, "--timeseries", "--resume");
    assertThat(out.toString()).contains("(0 now, 4 kept from before)");
    assertThat(Files.readString(cut.resolve("timeseries.csv"))).isEqualTo(expected);
  }

  @Test
  void aSweepRunWithoutSeriesRunsAgainForThemOnResume() throws IOException {
    Path whole = tmp.resolve("whole");
    sweep(whole, "--timeseries");
    Path plain = tmp.resolve("plain");
    sweep(plain);
    assertThat(plain.resolve("timeseries.csv")).doesNotExist();
    String runs = Files.readString(plain.resolve("runs.csv"));
    out.reset();
    sweep(plain, "--timeseries", "--resume");
    assertThat(out.toString()).contains("(4 now, 0 kept from before)");
    assertThat(Files.readString(plain.resolve("timeseries.csv")))
        .isEqualTo(Files.readString(whole.resolve("timeseries.csv")));
    assertThat(Files.readString(plain.resolve("runs.csv"))).isEqualTo(runs);
  }

  @Test
  void timeseriesOnAClusterIsRefusedInOneLine() {
    Path d = tmp.resolve("out");
    int code =
        Main.execute("sweep", sweep.toString(), "--out", d.toString(), "--cluster", "--timeseries");
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(e).isEqualTo(2);
    assertThat(e.strip().lines()).hasSize(1);
    assertThat(e).contains("--timeseries cannot be used with --cluster").doesNotContain("\tat ");
    assertThat(d).doesNotExist();
  }
}
