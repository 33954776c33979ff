package dev.peerwatch.simulator.io;

import dev.peerwatch.config.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An output directory whose files appear whole or not at all: each file is written to a hidden
 * temporary name beside its final one ({@code .NAME.tmp}), and {@link #commit()} renames them all
 * once every file is complete. {@link #close()} without a commit deletes the temporaries — also on
 * SIGINT/SIGTERM, through {@link Shutdown} — so a failed or interrupted command leaves no partial
 * output and never damages an earlier run's files; temporaries a killed earlier command left behind
 * ({@code kill -9}) are removed when the directory is opened. A write that fails (a full disk) is a
 * {@link WriteFailure} naming the file.
 */
public final class OutputDir implements AutoCloseable {
  private final Path dir;
  private final List<Path[]> pending = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();
  private final List<OutputStream> opened = new ArrayList<>();
  private final Shutdown.Registration onInterrupt;
  private volatile boolean committed;
  private volatile boolean closed;

  /** The outermost directory this output created, deleted again if nothing is committed. */
  private final Path created;

  private OutputDir(Path dir, Path created) {
    this.dir = dir;
    this.created = created;
    // Ctrl-C or SIGTERM during a run: the shutdown hook removes the temporaries.
    this.onInterrupt = Shutdown.onSignalClean(this::close);
  }

  /**
   * Refuses an empty {@code --out} (it would mean the current directory without saying so).
   *
   * @throws ConfigException naming the option and what is allowed
   */
  public static void checkPath(Path dir) {
    if (dir.toString().isBlank()) {
      throw new ConfigException(
          "--out '"
              + dir
              + "': an empty directory name (allowed: a directory path; '.' for the current one)");
    }
  }

  /**
   * Opens {@code dir} for output, creating it if needed, and checks now that it can be written.
   *
   * @throws ConfigException naming the directory when it cannot be created or written
   */
  public static OutputDir open(Path dir) {
    checkPath(dir);
    Path created;
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new ConfigException("--out " + dir + ": exists and is not a directory");
      }
      Path absolute = dir.toAbsolutePath().normalize();
      created = null;
      for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
        created = p;
      }
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".peerwatch-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new ConfigException(
          "--out "
              + dir
              + ": cannot write there ("
              + reason(e)
              + "; allowed: a directory this user can create and write)");
    }
    removeStaleTemporaries(dir);
    return new OutputDir(dir, created);
  }

  /**
   * Deletes the hidden temporaries ({@code .NAME.tmp}) that a killed earlier command left: they are
   * never read, and can be large.
   */
  static void removeStaleTemporaries(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException ignored) {
      // Best effort: a temporary we cannot delete is hidden and never read.
    }
  }

  /** Why an I/O operation failed, in a few words ("no space left on device"). */
  public static String reason(IOException e) {
    return WriteFailure.reason(e);
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** A writer for the file {@code name}; it becomes visible at {@link #commit()}. */
  public Writer writer(String name) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(stream(name), StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * A stream for the file {@code name}; it becomes visible at {@link #commit()}. A name is a plain
   * file name or a path below the directory ({@code plots/a.png}).
   */
  public synchronized OutputStream stream(String name) throws IOException {
    if (closed) {
      throw new IOException("the output was closed (interrupted)");
    }
    Path target = dir.resolve(name);
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    pending.add(new Path[] {tmp, target});
    try {
      OutputStream raw = Files.newOutputStream(tmp);
      opened.add(raw);
      return WriteFailure.guard(target, raw);
    } catch (IOException e) {
      throw new WriteFailure(target, e);
    }
  }

  /**
   * Declares that {@code name} is not part of this output: an earlier run's file of that name is
   * deleted at {@link #commit()}, so that the directory holds only this run's files ({@code
   * --ledger none} after a run with a ledger).
   */
  public synchronized void drop(String name) {
    dropped.add(name);
  }

  /** Moves every written file into place, and deletes the dropped ones. */
  public synchronized void commit() throws IOException {
    if (closed) {
      throw new IOException("the output was closed (interrupted)");
    }
    for (Path[] p : pending) {
      try {
        try {
          Files.move(
              p[0], p[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new WriteFailure(p[1], e);
      }
    }
    for (String name : dropped) {
      Path p = dir.resolve(name);
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new WriteFailure(p, e);
      }
    }
    committed = true;
    onInterrupt.close();
  }

  /** Deletes the temporaries of an output that was not committed. */
  @Override
  public synchronized void close() {
    if (committed || closed) {
      return;
    }
    closed = true;
    onInterrupt.close();
    // A writer whose flush failed (a full disk) never closes its file: close every one here, so
    // that no descriptor keeps a deleted temporary's space.
    for (OutputStream o : opened) {
      try {
        o.close();
      } catch (IOException ignored) {
        // Closing is all we want; the data is being discarded.
      }
    }
    for (Path[] p : List.copyOf(pending)) {
      try {
        Files.deleteIfExists(p[0]);
      } catch (IOException ignored) {
        // Best effort: a temporary we cannot delete is hidden and never read.
      }
    }
    if (created != null) {
      deleteEmpty(dir.toAbsolutePath().normalize());
    }
  }

  /** Deletes the directories this output created, innermost first, while they are empty. */
  private void deleteEmpty(Path p) {
    for (; p != null && p.startsWith(created); p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException notEmpty) {
        return;
      }
    }
  }
}
