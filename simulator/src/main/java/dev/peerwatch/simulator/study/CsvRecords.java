package dev.peerwatch.simulator.study;

import dev.peerwatch.config.ConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader: fields separated by commas, optionally quoted with doubled quotes
 * inside, quoted fields may span lines. Tracks the line each record starts on, for messages. Lines
 * and records are bounded ({@link #MAX_LINE}, {@link #MAX_RECORD} characters) so that a file that
 * is not a table ({@code /dev/zero}, a multi-gigabyte line) is refused within bounded memory.
 */
final class CsvRecords {
  /** The longest line read, in characters; a 41-column trial row is a few hundred. */
  static final int MAX_LINE = 1 << 20;

  /** The longest record (a quoted field may span lines), in characters. */
  static final int MAX_RECORD = 4 << 20;

  private final BufferedReader in;
  private final char[] buf = new char[1 << 16];
  private int pos = 0;
  private int lim = 0;
  private final String file;
  private long line = 0;
  private long recordLine = 0;

  CsvRecords(Reader in, String file) {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    this.file = file;
  }

  /** The line (1-based) on which the last record returned starts. */
  long recordLine() {
    return recordLine;
  }

  /**
   * Rejects a line that held bytes that are not UTF-8: the reader is expected to decode with
   * replacement, so that such bytes are found on their own line (a strict decoder reports them a
   * buffer ahead, at no useful line).
   */
  private void checkText(String l) {
    if (l.indexOf('\uFFFD') >= 0) {
      throw new ConfigException(file + ":" + line + ": not UTF-8 text");
    }
  }

  /**
   * The next line without its terminator (\n, \r\n or a lone \r), or null at the end; a line longer
   * than {@link #MAX_LINE} is an error naming it.
   */
  private String readLine() throws IOException {
    StringBuilder b = null;
    while (true) {
      if (pos >= lim) {
        lim = in.read(buf, 0, buf.length);
        pos = 0;
        if (lim <= 0) {
          lim = 0;
          return b == null ? null : b.toString();
        }
      }
      if (b == null) {
        b = new StringBuilder();
      }
      int start = pos;
      while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      b.append(buf, start, pos - start);
      if (b.length() > MAX_LINE) {
        throw new ConfigException(
            file
                + ":"
                + (line + 1)
                + ": a line longer than "
                + MAX_LINE
                + " characters (not a per-trial table?)");
      }
      if (pos < lim) {
        char end = buf[pos++];
        if (end == '\r') {
          if (pos >= lim) {
            lim = in.read(buf, 0, buf.length);
            pos = 0;
            if (lim <= 0) {
              lim = 0;
            }
          }
          if (pos < lim && buf[pos] == '\n') {
            pos++;
          }
        }
        return b.toString();
      }
    }
  }

  /** The next record's fields, or null at the end. */
  List<String> next() {
    try {
      String l = readLine();
      if (l == null) {
        return null;
      }
      line++;
      recordLine = line;
      checkText(l);
      if (line == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
        l = l.substring(1);
      }
      List<String> fields = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      int i = 0;
      boolean quoted = false;
      while (true) {
        if (i >= l.length()) {
          if (!quoted) {
            fields.add(f.toString());
            return fields;
          }
          if (f.length() > MAX_RECORD) {
            throw new ConfigException(
                file
                    + ":"
                    + recordLine
                    + ": a record longer than "
                    + MAX_RECORD
                    + " characters (a quoted field left open?)");
          }
          String more = readLine();
          if (more == null) {
            throw new ConfigException(
                file + ":" + recordLine + ": a quoted field is not closed before the end of file");
          }
          line++;
          checkText(more);
          f.append('\n');
          l = more;
          i = 0;
          continue;
        }
        char c = l.charAt(i++);
        if (quoted) {
          if (c == '"') {
            if (i < l.length() && l.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            f.append(c);
          }
        } else if (c == ',') {
          fields.add(f.toString());
          f.setLength(0);
        } else if (c == '"' && f.length() == 0) {
          quoted = true;
        } else if (c == '\r' && i == l.length()) {
          continue;
        } else {
          f.append(c);
        }
      }
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
