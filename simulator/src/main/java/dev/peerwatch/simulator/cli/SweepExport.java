package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.sweep.SweepPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;

/**
 * {@code sweep --export-cell}: one cell's effective scenario with one replication's seed, so that
 * {@code peerwatch run} of it reproduces that run of the sweep.
 */
final class SweepExport {
  private SweepExport() {}

  static void print(SweepPlan plan, int cell, int replication, PrintStream out, PrintStream err)
      throws IOException {
    int cells = plan.cells().size();
    if (cell < 0 || cell >= cells) {
      throw new ConfigException(
          "--export-cell " + cell + ": no such cell (allowed: 0 to " + (cells - 1) + ")");
    }
    int reps = plan.spec().replications();
    if (replication < 0 || replication >= reps) {
      throw new ConfigException(
          "--replication "
              + replication
              + ": no such replication (allowed: 0 to "
              + (reps - 1)
              + ")");
    }
    SweepPlan.Cell c = plan.cells().get(cell);
    Scenario sc = c.scenario().withSeed(plan.seedOf(replication));
    StringWriter w = new StringWriter();
    ReplicatePipeline.yaml().writeValue(w, Scenarios.effective(sc));
    out.print(w);
    out.flush();
    err.println(
        "peerwatch sweep: cell "
            + cell
            + " ("
            + String.join(", ", c.levels())
            + "), replication "
            + replication
            + ", seed "
            + sc.seed()
            + " = run "
            + (cell * reps + replication)
            + " of runs.csv");
  }
}
