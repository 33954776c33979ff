package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.cluster.ClusterSweep;
import dev.peerwatch.simulator.cluster.HostPort;
import dev.peerwatch.simulator.cluster.Secret;
import dev.peerwatch.simulator.sweep.LocalDispatch;
import dev.peerwatch.simulator.sweep.SweepPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerwatch sweep}. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a sweep: every cell its design picks over a base scenario, each replicated, all cores"
          + " at once; stoppable at any moment (Ctrl-C, kill -9) and resumable with --resume.",
      "Writes sweep.yaml, runs.csv (one row per run), cells.csv (mean and 95%% CI per cell),"
          + " contrasts.csv, report.html and the plots (PNG and SVG) into --out; with"
          + " --timeseries also timeseries.csv."
    })
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file.")
  Path sweep;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Runs at once, 1 to 256 (default: the number of cores). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out/sweep",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--resume",
      description =
          "Continue the sweep whose results are in --out: finished runs are kept, the rest run.")
  boolean resume;

  @Option(names = "--quiet", description = "Print no cells table, only where the files went.")
  boolean quiet;

  @Option(
      names = "--timeseries",
      description =
          "Also write timeseries.csv: every run's per-tick series (the columns of run's"
              + " timeseries.csv) with the run's identity in front (run, cell, replication, seed,"
              + " each factor's level, as in runs.csv), in run order. Resumable; with --resume on"
              + " a sweep run without it, runs again the runs whose series are missing. Not with"
              + " --cluster.")
  boolean timeseries;

  @Mixin MetricsPortOption metricsOption;

  @Option(
      names = "--cluster",
      description =
          "Run the sweep on a Pekko cluster: this node coordinates and writes every file, workers"
              + " join with 'peerwatch worker --join HOST:PORT'. --bind HOST:PORT is then this"
              + " node's address (default 127.0.0.1:2552; --metrics-port uses its host);"
              + " --threads N makes it also run N runs at once (default 0). Needs "
              + Secret.ENV
              + ".")
  boolean cluster;

  @Option(
      names = "--seed-node",
      paramLabel = "HOST:PORT",
      description =
          "With --cluster: join an existing cluster through this member (default: start one).")
  String seedNode;

  @Option(
      names = "--join-timeout",
      paramLabel = "S",
      description =
          "With --cluster: seconds to wait for --seed-node and for this node to be up in the"
              + " cluster, 1 to 3600 (default: 60).")
  Integer joinTimeout;

  @Option(
      names = "--export-cell",
      paramLabel = "CELL",
      description =
          "Run nothing: print cell CELL's effective scenario, with the seed of --replication, as"
              + " YAML on stdout; `peerwatch run` of it reproduces that row of runs.csv.")
  Integer exportCell;

  @Option(
      names = "--replication",
      paramLabel = "R",
      defaultValue = "0",
      description = "With --export-cell: the replication whose seed to write (default: 0).")
  int replication;

  @Override
  public Integer call() throws Exception {
    if (!cluster) {
      refuseWithoutCluster("--seed-node", seedNode);
      refuseWithoutCluster("--join-timeout", joinTimeout);
    } else if (timeseries) {
      // Workers return a run's measures only; its series would have to travel too.
      throw new ConfigException(
          "--timeseries cannot be used with --cluster (allowed: --timeseries on one machine)");
    }
    SweepPlan plan = SweepPlan.of(Sweeps.load(sweep));
    if (exportCell != null) {
      SweepExport.print(plan, exportCell, replication, System.out, System.err);
      return 0;
    }
    Integer metricsPort = metricsOption.port();
    if (!cluster) {
      int t = Options.threads(threads);
      return new SweepFlow(
              plan,
              out,
              resume,
              quiet,
              timeseries,
              new SweepFlow.Metrics(metricsPort, metricsOption.bind))
          .run(registry -> new LocalDispatch(t));
    }
    // Everything a cluster node needs is checked before the flow touches --out.
    Secret secret = Secret.from(System.getenv());
    int t = threads == null ? 0 : threads;
    if (t < 0 || t > 256) {
      throw new ConfigException(
          "--threads " + t + " is out of range (allowed: 0 to 256 with --cluster)");
    }
    int timeoutS = joinTimeout == null ? 60 : joinTimeout;
    if (timeoutS < 1 || timeoutS > 3600) {
      throw new ConfigException(
          "--join-timeout " + timeoutS + " is out of range (allowed: 1 to 3600 seconds)");
    }
    HostPort at = HostPort.parse(metricsOption.bind, "--bind", 2552);
    HostPort seed = seedNode == null ? null : HostPort.parse(seedNode, "--seed-node", 2552);
    return new SweepFlow(
            plan, out, resume, quiet, false, new SweepFlow.Metrics(metricsPort, at.host()))
        .run(registry -> ClusterSweep.start(at, seed, t, secret, System.err, registry, timeoutS));
  }

  private static void refuseWithoutCluster(String option, Object value) {
    if (value != null) {
      throw new ConfigException(
          option + " is an option of a cluster sweep (allowed: with --cluster, or leave it out)");
    }
  }
}
