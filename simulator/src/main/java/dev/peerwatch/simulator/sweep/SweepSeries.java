package dev.peerwatch.simulator.sweep;

import dev.peerwatch.simulator.io.OutputDir;
import dev.peerwatch.simulator.io.WriteFailure;
import dev.peerwatch.simulator.measures.TickRow;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sweep's per-run series ({@code sweep --timeseries}): one long {@code timeseries.csv}, each
 * run's {@code timeseries.csv} rows with the run's identity in front ({@code run, cell,
 * replication, seed}, each factor's level — the columns that start {@code runs.csv}, so the two
 * join on {@code run}), runs in run order, ticks in order. One file rather than one per run: pandas
 * and R read it in one call and group by any identity column.
 *
 * <p>Resumable like {@code runs.csv}: a finished run's whole block of rows is appended to {@code
 * timeseries.partial.csv} and flushed <em>before</em> its row reaches {@code runs.partial.csv}, so
 * a run whose row was kept has its whole series kept. A new session keeps the blocks of the runs it
 * keeps (a run with a row but no complete block runs again), drops the rest, and the final file
 * copies the blocks in run order: equal to an uninterrupted sweep's, whatever the threads.
 */
public final class SweepSeries implements Closeable {
  static final String PARTIAL = "timeseries.partial.csv";
  static final String FINAL = "timeseries.csv";

  /** Where a run's block lies in the partial file. */
  private record Block(long offset, long length) {}

  private final Path partial;
  private final String header;
  private final Map<Integer, Block> blocks;
  private final OutputStream out;
  private long size;

  private SweepSeries(Path partial, String header, Map<Integer, Block> blocks, long size)
      throws IOException {
    this.partial = partial;
    this.header = header;
    this.blocks = blocks;
    this.size = size;
    this.out =
        WriteFailure.guard(partial, Files.newOutputStream(partial, StandardOpenOption.APPEND));
  }

  /** The header of a sweep's {@code timeseries.csv} (with its line end). */
  static String header(List<String> factors) {
    StringBuilder b = new StringBuilder("run,cell,replication,seed");
    for (String f : factors) {
      b.append(',');
      SweepRows.quote(b, f);
    }
    return b.append(',').append(TickRow.header()).toString();
  }

  /** The block of one run: each of its series' rows with the run's identity in front. */
  static String block(RunWorker.Task t, List<TickRow> series) {
    StringBuilder id = new StringBuilder();
    id.append(t.run()).append(',').append(t.cell()).append(',').append(t.replication());
    id.append(',').append(t.scenario().seed());
    for (String l : t.levels()) {
      id.append(',');
      SweepRows.quote(id, l);
    }
    String prefix = id.append(',').toString();
    StringBuilder b = new StringBuilder(series.size() * 160);
    for (TickRow r : series) {
      b.append(prefix).append(r.csv());
    }
    return b.toString();
  }

  /**
   * Opens the series of the sweep in {@code out} for a session: reads the partial file (or, when
   * the sweep finished before, its {@code timeseries.csv}), keeps the complete blocks of the runs
   * in {@code kept} — complete meaning one contiguous block of as many rows as the run's cell has
   * ticks — and rewrites the partial file with only those. {@link #runs()} then names them.
   */
  static SweepSeries open(SweepPlan plan, Path out, Set<Integer> kept) throws IOException {
    Path partial = out.resolve(PARTIAL);
    Path source = Files.exists(partial) ? partial : out.resolve(FINAL);
    String header = header(plan.spec().factors().stream().map(f -> f.name()).toList());
    Map<Integer, Long> count = new TreeMap<>();
    Set<Integer> broken = new java.util.HashSet<>();
    if (Files.exists(source)) {
      index(source, header, count, broken);
    }
    int reps = plan.spec().replications();
    Set<Integer> keep = new java.util.TreeSet<>();
    for (Map.Entry<Integer, Long> e : count.entrySet()) {
      int run = e.getKey();
      if (kept.contains(run)
          && !broken.contains(run)
          && e.getValue() == plan.cells().get(run / reps).scenario().ticks()) {
        keep.add(run);
      }
    }
    Path tmp = out.resolve("." + PARTIAL + ".tmp");
    Map<Integer, Block> blocks = new TreeMap<>();
    long size;
    try {
      size = copy(source, tmp, header, keep, blocks);
      Files.move(tmp, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e instanceof WriteFailure ? e : new WriteFailure(partial, e);
    }
    return new SweepSeries(partial, header, blocks, size);
  }

  /** Counts each run's rows; a run whose rows are not one contiguous block is broken. */
  private static void index(
      Path source, String header, Map<Integer, Long> count, Set<Integer> broken)
      throws IOException {
    try (BufferedReader r = reader(source)) {
      if (!(r.readLine() + "\n").equals(header)) {
        return;
      }
      int last = -1;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int run = runOf(line, header);
        if (run < 0) {
          continue;
        }
        if (run != last && count.containsKey(run)) {
          broken.add(run);
        }
        count.merge(run, 1L, Long::sum);
        last = run;
      }
    }
  }

  /** Writes the header and the kept runs' lines of {@code source} to {@code target}. */
  private static long copy(
      Path source, Path target, String header, Set<Integer> keep, Map<Integer, Block> blocks)
      throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    long size = h.length;
    try (OutputStream o =
        WriteFailure.guard(
            target, new java.io.BufferedOutputStream(Files.newOutputStream(target)))) {
      o.write(h);
      if (keep.isEmpty()) {
        return size;
      }
      try (BufferedReader r = reader(source)) {
        r.readLine();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          int run = runOf(line, header);
          if (run >= 0 && keep.contains(run)) {
            byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
            o.write(b);
            Block k = blocks.get(run);
            blocks.put(
                run,
                new Block(k == null ? size : k.offset(), (k == null ? 0 : k.length()) + b.length));
            size += b.length;
          }
        }
      }
    }
    return size;
  }

  /** A line's run index, or −1 when the line is damaged (its field count is not the header's). */
  private static int runOf(String line, String header) {
    int comma = line.indexOf(',');
    if (comma <= 0 || SweepRows.fields(line) != SweepRows.fields(header)) {
      return -1;
    }
    try {
      return Integer.parseInt(line.substring(0, comma));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static BufferedReader reader(Path p) throws IOException {
    // Leniently decoded, as runs.partial.csv: a damaged line is dropped, not an error.
    InputStream in = Files.newInputStream(p);
    return new BufferedReader(
        new java.io.InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)));
  }

  /** The runs whose series are kept or appended. */
  Set<Integer> runs() {
    return blocks.keySet();
  }

  /** Appends one finished run's block and flushes it (before its row is appended). */
  synchronized void append(int run, String block) throws IOException {
    byte[] b = block.getBytes(StandardCharsets.UTF_8);
    out.write(b);
    out.flush();
    blocks.put(run, new Block(size, b.length));
    size += b.length;
  }

  /** Writes {@code timeseries.csv} into {@code dir}: the header, then every block in run order. */
  void write(OutputDir dir) throws IOException {
    try (OutputStream o = dir.stream(FINAL);
        FileChannel in = FileChannel.open(partial, StandardOpenOption.READ)) {
      var target = Channels.newChannel(o);
      o.write(header.getBytes(StandardCharsets.UTF_8));
      for (Block k : blocks.values()) {
        long done = 0;
        while (done < k.length()) {
          done += in.transferTo(k.offset() + done, k.length() - done, target);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
