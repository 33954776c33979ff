package dev.peerwatch.simulator.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A write to an output file failed (a full disk, an I/O error): the one line a user sees names the
 * file and the reason ("cannot write /abs/out/ledger.jsonl (no space left on device)").
 */
public final class WriteFailure extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  /** A failure to write {@code file}. */
  public WriteFailure(Path file, IOException cause) {
    super("cannot write " + file.toAbsolutePath().normalize() + " (" + reason(cause) + ")", cause);
    this.file = file;
  }

  /** The file that could not be written. */
  public Path file() {
    return file;
  }

  /**
   * {@code out} for writing {@code file}: any failure of a write is a {@link WriteFailure} naming
   * the file.
   */
  public static OutputStream guard(Path file, OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        try {
          out.write(b);
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
        } catch (WriteFailure e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailure(file, e);
        }
      }
    };
  }

  /** Why an I/O operation failed, in a few words ("no space left on device"). */
  public static String reason(IOException e) {
    if (e instanceof WriteFailure w && w.getCause() instanceof IOException c) {
      return reason(c);
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    String m = e.getMessage();
    return m == null ? "input/output error" : m.toLowerCase(java.util.Locale.ROOT);
  }
}
