package dev.peerwatch.simulator.cli;

import dev.peerwatch.agents.Sampling;
import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import dev.peerwatch.simulator.replicate.ReplicationCoordinator;
import dev.peerwatch.simulator.study.Rules;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peerwatch bench}: times the whole {@code replicate} job in one JVM, after warm-up. The
 * wall clock here only times; it never reaches model code.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Times the replicate job (matrix on Pekko actors, trials.csv, tables) in one JVM:"
          + " start-up is reported apart, then warm-up runs, then measured runs (min, median, max).",
      "Outputs go to a temporary directory that is deleted afterwards."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--profiles",
      split = ",",
      defaultValue = "all",
      paramLabel = "NAME|PATH",
      description = "Profiles (default: ${DEFAULT-VALUE}).")
  List<String> profiles;

  @Option(
      names = "--rollouts",
      defaultValue = "100",
      paramLabel = "N",
      description = "Rollouts per configuration (default: ${DEFAULT-VALUE}).")
  int rollouts;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      paramLabel = "N",
      description = "Warm-up runs, not measured (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "20",
      paramLabel = "S",
      description =
          "run job: warm up each size for at least S seconds besides the --warmup runs"
              + " (default: ${DEFAULT-VALUE}).")
  long warmupSeconds;

  @Option(
      names = "--iterations",
      defaultValue = "5",
      paramLabel = "N",
      description = "Measured runs (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Dispatcher threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--job",
      defaultValue = "replicate",
      paramLabel = "JOB",
      description =
          "replicate (default): the study's matrix; run: organisations of --agents agents"
              + " (teams of 9 workers and 1 monitor, hub) for --ticks ticks, no ledger, and the"
              + " cost of keeping and writing timeseries.csv; serve:"
              + " the metrics' overhead on run throughput (1,000 agents), and the series count and"
              + " /metrics scrape time of each shipped scenario (config/scenarios); sweep: 1,000 runs"
              + " of a 100-agent, 500-tick organisation, then the shipped topologies sweep; llm:"
              + " replay of a recorded model run of the study's matrix (3 rollouts), and the"
              + " HTTP client's overhead per call.")
  String job;

  @Option(
      names = "--agents",
      split = ",",
      defaultValue = "1000,10000",
      paramLabel = "N",
      description = "run job: organisation sizes, multiples of 10 (default: ${DEFAULT-VALUE}).")
  List<Integer> agents;

  @Option(
      names = "--ticks",
      defaultValue = "1000",
      paramLabel = "T",
      description = "run job: ticks per run (default: ${DEFAULT-VALUE}).")
  long ticks;

  @Option(
      names = "--heap-agents",
      defaultValue = "0",
      paramLabel = "N",
      description = "run job: also report the heap an organisation of N agents needs (0: skip).")
  int heapAgents;

  @Option(
      names = "--scale",
      description =
          "run job: also run 100,000 agents in one team (actors, 100 ticks) and 1,000,000 in teams"
              + " of 10 (inline, 10 ticks), with their peak heap (sampled) and the most heap in use"
              + " after a collection.")
  boolean scale;

  /** The allowed values, as the messages give them. */
  static final String WARMUP = "0 to 1000";

  static final String ITERATIONS = "1 to 1000";
  static final String WARMUP_SECONDS = "0 to 3600";
  static final String AGENTS = "multiples of 10 from 10 to 1000000, comma-separated";
  static final String HEAP_AGENTS = "0 (skip), or a multiple of 10 from 10 to 1000000";
  static final String TICKS = "1 to 1000000";
  private static final int MAX_AGENTS = 1_000_000;

  /** Checks every flag on its own: one message for the first that is out of range. */
  void validate() {
    if (rollouts < 1 || rollouts > 100_000) {
      throw new ConfigException(
          "--rollouts " + rollouts + " is out of range (allowed: 1 to 100000)");
    }
    if (warmup < 0 || warmup > 1000) {
      throw new ConfigException(
          "--warmup " + warmup + " is out of range (allowed: " + WARMUP + ")");
    }
    if (warmupSeconds < 0 || warmupSeconds > 3600) {
      throw new ConfigException(
          "--warmup-seconds "
              + warmupSeconds
              + " is out of range (allowed: "
              + WARMUP_SECONDS
              + ")");
    }
    if (iterations < 1 || iterations > 1000) {
      throw new ConfigException(
          "--iterations " + iterations + " is out of range (allowed: " + ITERATIONS + ")");
    }
    if (ticks < 1 || ticks > 1_000_000) {
      throw new ConfigException("--ticks " + ticks + " is out of range (allowed: " + TICKS + ")");
    }
    for (int n : agents) {
      if (n < 10 || n > MAX_AGENTS || n % 10 != 0) {
        throw new ConfigException("--agents " + n + " is out of range (allowed: " + AGENTS + ")");
      }
    }
    if (heapAgents != 0 && (heapAgents < 10 || heapAgents > MAX_AGENTS || heapAgents % 10 != 0)) {
      throw new ConfigException(
          "--heap-agents " + heapAgents + " is out of range (allowed: " + HEAP_AGENTS + ")");
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!List.of("replicate", "run", "serve", "sweep", "llm").contains(job)) {
      throw new ConfigException(
          "--job '" + job + "' is not known (allowed: replicate, run, serve, sweep, llm)");
    }
    validate();
    Options.threads(threads);
    if (job.equals("run")) {
      return RunBench.run(this);
    }
    if (job.equals("serve")) {
      return ServeBench.run(this);
    }
    if (job.equals("sweep")) {
      return SweepBench.run(this);
    }
    if (job.equals("llm")) {
      return LlmBench.run(this);
    }
    long main = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    int t = Options.threads(threads);
    List<Profile> loaded = Profiles.loadAll(Options.profileList(profiles));
    ReplicationCoordinator.Spec spec =
        new ReplicationCoordinator.Spec(loaded, rollouts, 1, Sampling.STRATIFIED, Rules.STUDY);
    Path tmp = Files.createTempDirectory("peerwatch-bench");
    try {
      long s0 = System.nanoTime();
      double[] times;
      long episodes = 0;
      try (Simulation sim = new Simulation(t)) {
        double systemStart = (System.nanoTime() - s0) / 1e6;
        System.out.printf(
            Locale.ROOT,
            "start-up: JVM to main %d ms, actor system %.0f ms (threads %d, cores %d)%n",
            main - jvmStart,
            systemStart,
            t,
            Runtime.getRuntime().availableProcessors());
        times = new double[iterations];
        for (int i = -warmup; i < iterations; i++) {
          long a = System.nanoTime();
          try (OutputDir dir = OutputDir.open(tmp)) {
            episodes = ReplicatePipeline.run(sim, spec, dir, d -> {}).episodes();
            dir.commit();
          }
          double secs = (System.nanoTime() - a) / 1e9;
          if (i >= 0) {
            times[i] = secs;
          }
          System.out.printf(
              Locale.ROOT,
              "%s %d: %.3f s, %.0f episodes/s%n",
              i < 0 ? "warm-up" : "run",
              i < 0 ? i + warmup + 1 : i + 1,
              secs,
              episodes / secs);
        }
      }
      Arrays.sort(times);
      System.out.printf(
          Locale.ROOT,
          "replicate, %d profiles x 271 configurations x %d rollouts = %d episodes:"
              + " min %.3f s, median %.3f s, max %.3f s (%.0f episodes/s at the median)%n",
          loaded.size(),
          rollouts,
          episodes,
          times[0],
          times[times.length / 2],
          times[times.length - 1],
          episodes / times[times.length / 2]);
    } finally {
      try (Stream<Path> files = Files.walk(tmp)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
