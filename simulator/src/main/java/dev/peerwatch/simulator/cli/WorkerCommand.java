package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.cluster.ClusterWorker;
import dev.peerwatch.simulator.cluster.HostPort;
import dev.peerwatch.simulator.cluster.Secret;
import dev.peerwatch.simulator.sweep.SweepPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerwatch worker}. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Joins a sweep running on a Pekko cluster ('peerwatch sweep SWEEP.yaml --cluster') and runs"
          + " its runs until the sweep is done; the coordinator writes every result.",
      "Needs " + Secret.ENV + ", the same on every node (never printed)."
    })
final class WorkerCommand implements Callable<Integer> {
  @Option(
      names = "--join",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The coordinator's (or any member's) address, as the coordinator printed it.")
  String join;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Runs at once, 1 to 256 (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--bind",
      paramLabel = "HOST[:PORT]",
      description =
          "This node's address (default: this machine's address towards --join, any free port;"
              + " 127.0.0.1 when --join is on this machine).")
  String bind;

  @Option(
      names = "--sweep",
      paramLabel = "SWEEP.yaml",
      description =
          "Check that the coordinator runs this sweep file (refused otherwise), and build the"
              + " runs from it instead of from the scenarios the coordinator sends.")
  Path sweep;

  @Option(
      names = "--join-timeout",
      paramLabel = "S",
      defaultValue = "60",
      description = "Seconds to wait for --join and for admission (default: ${DEFAULT-VALUE}).")
  int joinTimeout;

  @Override
  public Integer call() {
    Secret secret = Secret.from(System.getenv());
    int t = Options.threads(threads);
    if (joinTimeout < 1 || joinTimeout > 3600) {
      throw new ConfigException(
          "--join-timeout " + joinTimeout + " is out of range (allowed: 1 to 3600 seconds)");
    }
    HostPort seed = HostPort.parse(join, "--join", 2552);
    HostPort at = bind == null ? null : HostPort.parse(bind, "--bind", 0);
    SweepPlan plan = sweep == null ? null : SweepPlan.of(Sweeps.load(sweep));
    ClusterWorker.Outcome o =
        ClusterWorker.run(
            seed,
            at,
            t,
            secret,
            plan == null ? "" : plan.id(),
            plan == null ? null : c -> plan.cells().get(c).scenario(),
            joinTimeout);
    if (o.code() == 0) {
      System.out.println("peerwatch worker: " + o.message() + "; " + o.runs() + " runs here");
    } else {
      System.err.println("peerwatch worker: " + o.message() + "; " + o.runs() + " runs here");
    }
    return o.code();
  }
}
