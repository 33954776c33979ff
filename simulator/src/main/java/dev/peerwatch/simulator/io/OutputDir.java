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
 * temporary name beside its final one, and {@link #commit()} renames them all once every file is
 * complete. {@link #close()} without a commit deletes the temporaries, so a failed or interrupted
 * command leaves no partial output and never damages an earlier run's files.
 */
public final class OutputDir implements AutoCloseable {
  private final Path dir;
  private final List<Path[]> pending = new ArrayList<>();
  private final Thread onInterrupt = new Thread(this::close, "peerwatch-output-cleanup");
  private volatile boolean committed;

  /** The outermost directory this output created, deleted again if nothing is committed. */
  private final Path created;

  private OutputDir(Path dir, Path created) {
    this.dir = dir;
    this.created = created;
    // Ctrl-C or SIGTERM during a run: the JVM runs shutdown hooks, so temporaries are removed.
    Runtime.getRuntime().addShutdownHook(onInterrupt);
  }

  /**
   * Opens {@code dir} for output, creating it if needed, and checks now that it can be written.
   *
   * @throws ConfigException naming the directory when it cannot be created or written
   */
  public static OutputDir open(Path dir) {
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
      throw new ConfigException("--out " + dir + ": cannot write there (" + reason(e) + ")");
    }
    return new OutputDir(dir, created);
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage();
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

  /** A stream for the file {@code name}; it becomes visible at {@link #commit()}. */
  public synchronized OutputStream stream(String name) throws IOException {
    Path target = dir.resolve(name);
    Path tmp = dir.resolve("." + name + ".tmp");
    pending.add(new Path[] {tmp, target});
    return Files.newOutputStream(tmp);
  }

  /** Moves every written file into place. */
  public synchronized void commit() throws IOException {
    for (Path[] p : pending) {
      try {
        Files.move(p[0], p[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
    unhook();
  }

  private void unhook() {
    try {
      Runtime.getRuntime().removeShutdownHook(onInterrupt);
    } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDown) {
      // The hook is running or has run; nothing to remove.
    }
  }

  /** Deletes the temporaries of an output that was not committed. */
  @Override
  public synchronized void close() {
    if (committed) {
      return;
    }
    if (Thread.currentThread() != onInterrupt) {
      unhook();
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
