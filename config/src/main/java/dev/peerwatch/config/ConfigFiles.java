package dev.peerwatch.config;

import java.io.IOException;

/**
 * The one way config files are read: whole, as strictly decoded UTF-8. Every way a file can fail to
 * be read — missing, a directory, a device, too large, not UTF-8 (with the line and column of the
 * first bad byte), UTF-16, binary, unreadable — is one {@link ConfigException} that names the file
 * and says what is allowed, never a Java exception's name.
 */
public final class ConfigFiles {
  /** The largest config file read: far above any real one, far below what could exhaust memory. */
  static final long MAX_BYTES = 64L << 20;

  private ConfigFiles() {}

  /**
   * The text of {@code file} decoded strictly as UTF-8 (a byte-order mark is dropped), with the
   * messages for every way it can fail.
   */
  public static String readText(java.nio.file.Path file, String source, String what) {
    byte[] bytes;
    try {
      if (java.nio.file.Files.isDirectory(file)) {
        throw new ConfigException(
            source + ": is a directory (allowed: a " + what + " file, YAML in UTF-8)");
      }
      if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
        throw new ConfigException(
            source + ": is not a regular file (allowed: a " + what + " file, YAML in UTF-8)");
      }
      long size = java.nio.file.Files.size(file);
      if (size > MAX_BYTES) {
        throw new ConfigException(
            source
                + ": is too large ("
                + size
                + " bytes; allowed: a "
                + what
                + " file of at most "
                + MAX_BYTES
                + " bytes)");
      }
      bytes = java.nio.file.Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException(source + ": no such " + what + " file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new ConfigException(source + ": cannot read it (permission denied)");
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read it (" + ioReason(e) + ")");
    }
    return decode(bytes, source);
  }

  /** {@code bytes} as UTF-8, or a message at the line and column of the first byte that is not. */
  static String decode(byte[] bytes, String source) {
    int b0 = bytes.length > 0 ? bytes[0] & 0xff : -1;
    int b1 = bytes.length > 1 ? bytes[1] & 0xff : -1;
    if ((b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe)) {
      throw new ConfigException(
          source + ":1:1: the file is UTF-16 text (allowed: UTF-8; convert it with iconv)");
    }
    int start = bytes.length >= 3 && b0 == 0xef && b1 == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    java.nio.charset.CharsetDecoder d =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    out.flip();
    if (r.isError()) {
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int bad = bytes[in.position()] & 0xff;
      boolean nul = bytes.length > 1 && (bytes[1] == 0 || bytes[0] == 0);
      throw new ConfigException(
          String.format(
              java.util.Locale.ROOT,
              "%s:%d:%d: not UTF-8 text (byte 0x%02X%s; allowed: YAML in UTF-8)",
              source,
              line,
              before.length() - lineStart + 1,
              bad,
              nul ? ", the file looks binary or UTF-16" : ""));
    }
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      String before = text.substring(0, nul);
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = nul - before.lastIndexOf('\n');
      throw new ConfigException(
          source
              + ":"
              + line
              + ":"
              + column
              + ": a NUL byte: the file is binary, not text (allowed: YAML in UTF-8)");
    }
    return text;
  }

  static String ioReason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
