package dev.peerwatch.simulator.sweep;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.pekko.actor.typed.Behavior;

/**
 * Runs a sweep's runs into an output directory, safely stoppable at any moment. The directory holds
 * {@code sweep.yaml} (the sweep's identity, written first) and {@code runs.partial.csv}, to which
 * every finished run's row is appended and flushed as it arrives. {@code --resume} reads the
 * partial file back, drops a row that a kill cut short, and runs only what is missing; rows are
 * sorted by run index at the end, so the final files equal an uninterrupted sweep's.
 */
public final class SweepRunner {
  static final String IDENTITY = "sweep.yaml";
  static final String PARTIAL = "runs.partial.csv";
  private static final AtomicInteger SWEEPS = new AtomicInteger();

  private SweepRunner() {}

  /**
   * What a session did: the sweep's rows in run order, how many ran now and how many were kept;
   * with {@code --timeseries}, every run's series (else null), for {@link SweepOutputs}.
   */
  public record Result(SweepData data, int ranNow, int resumed, SweepSeries series) {
    /** A session without series. */
    public Result(SweepData data, int ranNow, int resumed) {
      this(data, ranNow, resumed, null);
    }
  }

  /** The behavior of a session's coordinating actor (see {@link SweepDispatch#coordinator}). */
  private interface Dispatch {
    Behavior<?> coordinator(
        List<RunWorker.Task> tasks,
        Writer partial,
        AtomicInteger done,
        CompletableFuture<List<SweepData.Run>> result);
  }

  /** Runs what remains of {@code plan} in {@code out}, on this machine's cores. */
  public static Result run(
      Simulation sim, SweepPlan plan, Path out, boolean resume, IntConsumer progress)
      throws IOException {
    return run(sim, plan, out, resume, false, progress);
  }

  /**
   * As {@link #run(Simulation, SweepPlan, Path, boolean, IntConsumer)}, also keeping every run's
   * series ({@code timeseries.csv}) when {@code series} is set.
   */
  public static Result run(
      Simulation sim,
      SweepPlan plan,
      Path out,
      boolean resume,
      boolean series,
      IntConsumer progress)
      throws IOException {
    return run(
        sim,
        plan,
        out,
        resume,
        progress,
        series,
        s ->
            (tasks, w, done, result) ->
                SweepCoordinator.create(tasks, sim.threads(), w, s, done, result));
  }

  /** Appends a finished run's row to a partial results file and flushes it. */
  public static void append(Writer partial, SweepData.Run row) throws IOException {
    partial.write(SweepRows.line(row));
    partial.flush();
  }

  /**
   * Runs what remains of {@code plan} in {@code out}, handing its runs to {@code dispatch} (this
   * machine's cores or a cluster's workers); with {@code series}, keeps every run's series too.
   */
  public static Result run(
      SweepDispatch dispatch,
      SweepPlan plan,
      Path out,
      boolean resume,
      boolean series,
      IntConsumer progress)
      throws IOException {
    return run(
        dispatch.simulation(),
        plan,
        out,
        resume,
        progress,
        series,
        s -> (tasks, w, done, result) -> dispatch.coordinator(plan, tasks, w, s, done, result));
  }

  private static Result run(
      Simulation sim,
      SweepPlan plan,
      Path out,
      boolean resume,
      IntConsumer progress,
      boolean withSeries,
      java.util.function.Function<SweepSeries, Dispatch> dispatchOf)
      throws IOException {
    Path identity = out.resolve(IDENTITY);
    Path partial = out.resolve(PARTIAL);
    checkDirectory(plan, out, resume);
    Files.createDirectories(out);
    String header = SweepRows.header(factorNames(plan));
    Map<Integer, SweepData.Run> kept = new TreeMap<>();
    if (Files.exists(partial)) {
      kept = readPartial(plan, partial, header);
    } else if (Files.exists(out.resolve("runs.csv"))) {
      kept = readPartial(plan, out.resolve("runs.csv"), header);
    }
    if (!Files.exists(identity)) {
      Files.deleteIfExists(out.resolve(SweepSeries.PARTIAL)); // a fresh sweep's, not a leftover
      writeAtomically(
          identity, "id: " + plan.id() + "\n" + SweepPlan.yaml(plan.spec().effective()));
    }
    SweepSeries series = null;
    if (withSeries) {
      // A kept run without its whole series runs again (its row comes out the same).
      series = SweepSeries.open(plan, out, kept.keySet());
      kept.keySet().retainAll(series.runs());
    }
    StringBuilder compact = new StringBuilder(header);
    for (SweepData.Run r : kept.values()) {
      compact.append(SweepRows.line(r));
    }
    writeAtomically(partial, compact.toString());
    List<RunWorker.Task> tasks = new ArrayList<>();
    int reps = plan.spec().replications();
    for (SweepPlan.Cell c : plan.cells()) {
      for (int r = 0; r < reps; r++) {
        int run = c.index() * reps + r;
        if (!kept.containsKey(run)) {
          tasks.add(
              new RunWorker.Task(
                  run, c.index(), r, c.scenario().withSeed(plan.seedOf(r)), c.xs(), c.levels()));
        }
      }
    }
    AtomicInteger done = new AtomicInteger(kept.size());
    progress.accept(kept.size()); // the runs kept: rates and ETAs count only what runs now
    CompletableFuture<List<SweepData.Run>> result = new CompletableFuture<>();
    List<SweepData.Run> fresh;
    // The raw stream is a resource of its own: closed even when the writer's last flush fails.
    try (SweepSeries s = series;
        java.io.OutputStream raw = Files.newOutputStream(partial, StandardOpenOption.APPEND);
        Writer w =
            new BufferedWriter(
                new java.io.OutputStreamWriter(
                    dev.peerwatch.simulator.io.WriteFailure.guard(partial, raw),
                    StandardCharsets.UTF_8))) {
      sim.spawn(
          dispatchOf.apply(s).coordinator(tasks, w, done, result),
          "sweep-" + SWEEPS.incrementAndGet());
      fresh = Simulation.await(result, done::get, n -> progress.accept((int) n));
    }
    // Rows read back from the partial file carry the file's 6 decimals; this session's rows are
    // held to the same, so that cells and report do not depend on which session ran a run.
    double[][] xs = xsByCell(plan);
    for (SweepData.Run r : fresh) {
      kept.put(
          r.run(), SweepRows.parse(SweepRows.line(r).strip(), plan.spec().factors().size(), xs));
    }
    List<SweepData.Run> runs = new ArrayList<>(kept.values());
    runs.sort(Comparator.comparingInt(SweepData.Run::run));
    List<Boolean> numeric = new ArrayList<>();
    plan.spec().factors().forEach(f -> numeric.add(!f.categorical()));
    return new Result(
        new SweepData(
            plan.spec().name(),
            factorNames(plan),
            List.copyOf(numeric),
            SweepRows.measureNames(),
            List.copyOf(runs)),
        fresh.size(),
        runs.size() - fresh.size(),
        series);
  }

  /** Removes the partial files once the final files are committed. */
  public static void finish(Path out) throws IOException {
    Files.deleteIfExists(out.resolve(PARTIAL));
    Files.deleteIfExists(out.resolve(SweepSeries.PARTIAL));
  }

  /**
   * Deletes what {@link #run} keeps between sessions ({@code sweep.yaml}, the partial results and
   * their temporaries): for a sweep that failed in a directory it started in.
   */
  public static void discard(Path out) {
    for (String name :
        List.of(
            IDENTITY,
            PARTIAL,
            SweepSeries.PARTIAL,
            "." + IDENTITY + ".tmp",
            "." + PARTIAL + ".tmp",
            "." + SweepSeries.PARTIAL + ".tmp")) {
      try {
        Files.deleteIfExists(out.resolve(name));
      } catch (IOException ignored) {
        // Best effort: the failure being reported matters more.
      }
    }
  }

  private static List<String> factorNames(SweepPlan plan) {
    return plan.spec().factors().stream().map(f -> f.name()).toList();
  }

  /**
   * An output directory holding another sweep's results, or this sweep's without --resume, is
   * refused before anything is touched.
   */
  public static void checkDirectory(SweepPlan plan, Path out, boolean resume) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ConfigException("--out " + out + ": exists and is not a directory");
    }
    Path identity = out.resolve(IDENTITY);
    boolean results =
        Files.exists(out.resolve(PARTIAL))
            || Files.exists(out.resolve("runs.csv"))
            || Files.exists(out.resolve("cells.csv"));
    if (!Files.exists(identity)) {
      if (results) {
        throw new ConfigException(
            "--out "
                + out
                + ": holds sweep results without a sweep.yaml (allowed: an empty or new directory)");
      }
      return;
    }
    String text = new String(Files.readAllBytes(identity), StandardCharsets.UTF_8);
    String first = text.lines().findFirst().orElse("");
    if (!first.equals("id: " + plan.id())) {
      throw new ConfigException(
          "--out "
              + out
              + ": holds another sweep's results (allowed: that sweep's --resume, or another --out)");
    }
    if (!resume) {
      throw new ConfigException(
          "--out "
              + out
              + ": already holds this sweep's results (allowed: --resume to continue or redo its final files, or another --out)");
    }
  }

  private static Map<Integer, SweepData.Run> readPartial(
      SweepPlan plan, Path partial, String header) throws IOException {
    // Leniently decoded: a damaged row (a kill mid-write, a stray byte) fails to parse and is run
    // again, instead of failing the whole resume.
    String text = new String(Files.readAllBytes(partial), StandardCharsets.UTF_8);
    Map<Integer, SweepData.Run> kept = new TreeMap<>();
    if (!text.startsWith(header)) {
      return kept;
    }
    double[][] xs = xsByCell(plan);
    int reps = plan.spec().replications();
    String body = text.substring(header.length());
    int end = body.lastIndexOf('\n');
    for (String line : (end < 0 ? "" : body.substring(0, end)).split("\n")) {
      SweepData.Run r =
          line.isEmpty() ? null : SweepRows.parse(line, plan.spec().factors().size(), xs);
      if (r != null
          && r.run() == r.cell() * reps + r.replication()
          && r.replication() < reps
          && r.seed() == plan.seedOf(r.replication())
          && r.levels().equals(plan.cells().get(r.cell()).levels())) {
        kept.putIfAbsent(r.run(), r);
      }
    }
    return kept;
  }

  private static double[][] xsByCell(SweepPlan plan) {
    double[][] xs = new double[plan.cells().size()][];
    for (SweepPlan.Cell c : plan.cells()) {
      xs[c.index()] = c.xs();
    }
    return xs;
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e instanceof dev.peerwatch.simulator.io.WriteFailure
          ? e
          : new dev.peerwatch.simulator.io.WriteFailure(target, e);
    }
  }
}
