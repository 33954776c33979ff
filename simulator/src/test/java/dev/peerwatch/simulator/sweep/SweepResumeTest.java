package dev.peerwatch.simulator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.io.OutputDir;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL at several moments and resumed each time ends with exactly the files
 * of an uninterrupted sweep, every run once.
 */
class SweepResumeTest {
  @TempDir Path tmp;

  private static final String BASE =
      """
      name: base
      description: a hub heavy enough to take a few seconds over the sweep
      ticks: 3000
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 24, failure_rate: 0.3}
            - {profile: gemini-3-flash, role: monitor, count: 6, failure_rate: 0.0}
        - name: beta
          members:
            - {profile: gpt-5.2, role: worker, count: 24, failure_rate: 0.3}
            - {profile: claude-haiku-4.5, role: monitor, count: 6, failure_rate: 0.0}
      topology: {kind: hub}
      audits: {report_fraction: 0.1, action_fraction: 0.1, detection: 0.8}
      """;

  private static final String SWEEP =
      """
      name: resume
      description: killed and resumed
      base: base.yaml
      replications: 50
      factors:
        - path: audits.report_fraction
          values: [0.0, 0.1, 0.2, 0.3]
      """;

  @Test
  void killedThenResumedEqualsUninterrupted() throws Exception {
    Files.writeString(tmp.resolve("base.yaml"), BASE);
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(sweep, SWEEP);
    Path killed = tmp.resolve("killed");
    java.util.Random moments = new java.util.Random(42);
    boolean resume = false;
    for (int attempt = 0; attempt < 3; attempt++) {
      Process p = start(sweep, killed, resume);
      Thread.sleep(1500 + moments.nextInt(1500));
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      resume = true;
    }
    // A kill can cut a row short: the resume must drop such a fragment.
    Path partial = killed.resolve(SweepRunner.PARTIAL);
    if (Files.exists(partial)) {
      Files.writeString(partial, "17,0,17,123", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    Process last = start(sweep, killed, true);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).as(new String(last.getErrorStream().readAllBytes())).isZero();

    Path straight = tmp.resolve("straight");
    SweepPlan plan = SweepPlan.of(Sweeps.load(sweep));
    SweepRunner.Result r;
    try (Simulation sim = new Simulation(2)) {
      r = SweepRunner.run(sim, plan, straight, false, x -> {});
    }
    try (OutputDir dir = OutputDir.open(straight)) {
      SweepOutputs.write(dir, plan, r.data());
      dir.commit();
    }
    assertThat(killed.resolve("runs.csv")).hasSameTextualContentAs(straight.resolve("runs.csv"));
    assertThat(killed.resolve("cells.csv")).hasSameTextualContentAs(straight.resolve("cells.csv"));
    List<String> rows = Files.readAllLines(killed.resolve("runs.csv"));
    assertThat(rows).hasSize(1 + 200);
    for (int i = 1; i <= 200; i++) {
      assertThat(rows.get(i)).startsWith((i - 1) + ",");
    }
    assertThat(killed.resolve(SweepRunner.PARTIAL)).doesNotExist();
  }

  @Test
  void killedThenResumedWithSeriesHasEveryRunsSeriesOnce() throws Exception {
    Files.writeString(tmp.resolve("base.yaml"), BASE);
    Path sweep = tmp.resolve("sweep.yaml");
    Files.writeString(sweep, SWEEP.replace("replications: 50", "replications: 8"));
    Path killed = tmp.resolve("killed");
    java.util.Random moments = new java.util.Random(7);
    boolean resume = false;
    for (int attempt = 0; attempt < 3; attempt++) {
      Process p = start(sweep, killed, resume, "--timeseries");
      Thread.sleep(2000 + moments.nextInt(2000));
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      resume = true;
    }
    // A kill can cut a block short: the resume must drop the fragment (its run has no row).
    Path partial = killed.resolve(SweepSeries.PARTIAL);
    if (Files.exists(partial)) {
      Files.writeString(
          partial, "31,7,3,99,0.3,1,4", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    Process last = start(sweep, killed, true, "--timeseries");
    assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).as(new String(last.getErrorStream().readAllBytes())).isZero();

    Path straight = tmp.resolve("straight");
    SweepPlan plan = SweepPlan.of(Sweeps.load(sweep));
    SweepRunner.Result r;
    try (Simulation sim = new Simulation(2)) {
      r = SweepRunner.run(sim, plan, straight, false, true, x -> {});
    }
    try (OutputDir dir = OutputDir.open(straight)) {
      SweepOutputs.write(dir, plan, r);
      dir.commit();
    }
    assertThat(killed.resolve("runs.csv")).hasSameTextualContentAs(straight.resolve("runs.csv"));
    assertThat(Files.readString(killed.resolve("timeseries.csv")))
        .isEqualTo(Files.readString(straight.resolve("timeseries.csv")));
    // 32 runs of 3000 ticks, each block whole and in run order.
    try (var lines = Files.lines(killed.resolve("timeseries.csv"))) {
      List<String> runs = lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
      assertThat(runs).hasSize(32 * 3000);
      for (int i = 0; i < runs.size(); i++) {
        assertThat(runs.get(i)).isEqualTo(Integer.toString(i / 3000));
      }
    }
    assertThat(killed.resolve(SweepSeries.PARTIAL)).doesNotExist();
  }

  private static Process start(Path sweep, Path out, boolean resume, String... extra)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.peerwatch.simulator.cli.Main");
    cmd.add("sweep");
    cmd.add(sweep.toString());
    cmd.add("--out");
    cmd.add(out.toString());
    cmd.add("--threads");
    cmd.add("2");
    cmd.add("--quiet");
    if (resume) {
      cmd.add("--resume");
    }
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.PIPE)
        .directory(new File(System.getProperty("user.dir")))
        .start();
  }
}
