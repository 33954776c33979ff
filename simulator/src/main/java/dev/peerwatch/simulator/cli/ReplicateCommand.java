package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.Sampling;
import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.replicate.ReplicationCoordinator;
import dev.peerwatch.simulator.study.TerminalTables;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peerwatch replicate}. */
@Command(
    name = "replicate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the study's whole configuration matrix (271 configurations per model) on behaviour"
          + " profiles, with critic agents as Pekko actors, and prints the study's tables (value,"
          + " 95%% CI, stars) and every published figure beside its simulated value.",
      "Writes trials.csv (the study's per-trial layout), tables.csv, tables.json,"
          + " comparison.csv and effective-config.yaml into --out."
    })
final class ReplicateCommand implements Callable<Integer> {
  @Option(
      names = "--profiles",
      split = ",",
      paramLabel = "NAME|PATH",
      description =
          "Profiles to run: shipped names or paths of profile files, comma-separated, or 'all'"
              + " for the study's eight models (default: ${DEFAULT-VALUE}).",
      defaultValue = "all")
  List<String> profiles;

  @Option(
      names = "--rollouts",
      paramLabel = "N",
      description =
          "Rollouts per configuration, 1 to 100000 (default: ${DEFAULT-VALUE}, as in the study).",
      defaultValue = "100")
  int rollouts;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Run seed (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Actor dispatcher threads, 1 to 256 (default: the number of cores). Outputs do not depend on it.")
  Integer threads;

  @Option(
      names = "--sampling",
      paramLabel = "MODE",
      description =
          "stratified (default): each configuration's rollouts draw one uniform per stratum, so"
              + " counts track the profile tightly; iid: independent rollouts, like the study's.",
      defaultValue = "stratified")
  String sampling;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "out/replicate")
  Path out;

  @Mixin RulesOption rules;

  @Option(names = "--quiet", description = "Print no tables, only where the files went.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (rollouts < 1 || rollouts > 100_000) {
      throw new ConfigException(
          "--rollouts " + rollouts + " is out of range (allowed: 1 to 100000)");
    }
    int t = Options.threads(threads);
    Sampling mode = Options.sampling(sampling);
    List<Profile> loaded = Profiles.loadAll(Options.profileList(profiles));
    ReplicationCoordinator.Spec spec =
        new ReplicationCoordinator.Spec(loaded, rollouts, seed, mode, rules.rules());
    long configs = (long) loaded.size() * StudyDesign.MATRIX.size();
    try (OutputDir dir = OutputDir.open(out);
        Simulation sim = new Simulation(t)) {
      Progress progress = new Progress("replicate", configs, System.err);
      ReplicatePipeline.Result result =
          ReplicatePipeline.run(sim, spec, dir, done -> progress.update(done));
      dir.commit();
      if (!quiet) {
        TerminalTables.print(result.rows(), result.comparison(), System.out);
        System.out.println();
      }
      System.out.printf(
          "%d episodes (%d profiles x %d configurations x %d rollouts, seed %d, %s) -> %s%n",
          result.episodes(),
          loaded.size(),
          StudyDesign.MATRIX.size(),
          rollouts,
          seed,
          mode.id(),
          out.toAbsolutePath().normalize());
      System.out.println(
          "  trials.csv tables.csv tables.json comparison.csv effective-config.yaml");
    }
    return 0;
  }
}
