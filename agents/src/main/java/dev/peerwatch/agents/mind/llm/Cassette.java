package dev.peerwatch.agents.mind.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerwatch.config.ConfigException;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSONL file of model exchanges, one per line: {@code {"hash":…,"where":…,"request":…,
 * "response":…}} — the SHA-256 of the canonical request (its key), who asked (for people; not part
 * of the key), the canonical request body and the response body, keys sorted. Nothing secret is in
 * it: the key travels only in a header, which is not recorded, and responses are scrubbed of it.
 *
 * <p>Each exchange is appended as one whole line and flushed as soon as it is answered, so an
 * interrupted recording loses at most the calls in flight; a torn last line is cut off when the
 * file is opened again for recording. {@link #finish()} rewrites a complete recording in a
 * canonical order (by {@code where}), so that two recordings of the same run diff line by line.
 */
public final class Cassette implements AutoCloseable {
  private record Entry(String hash, String where, String line) {}

  private final Path file;
  private final Map<String, JsonNode> answers = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Writer appender;

  private Cassette(Path file, boolean record) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      load(record);
    }
    this.appender =
        record
            ? Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)
            : null;
  }

  /**
   * Opens {@code file} for recording: what it already holds is answered from it (a rerun continues
   * an interrupted recording without repeating calls), new exchanges are appended.
   */
  public static Cassette record(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new Cassette(file, true);
    } catch (IOException e) {
      throw new ConfigException(
          "--record " + file + ": cannot write there (" + e.getMessage() + ")");
    }
  }

  /** Opens {@code file} for replay only; it must exist. */
  public static Cassette replay(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--replay " + file + ": no such cassette file");
    }
    try {
      return new Cassette(file, false);
    } catch (IOException e) {
      throw new ConfigException("--replay " + file + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private void load(boolean record) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int pos = 0;
    int lineNo = 0;
    long goodBytes = 0;
    while (pos < text.length()) {
      int nl = text.indexOf('\n', pos);
      lineNo++;
      if (nl < 0) {
        break; // a torn last line: an interrupted append; not an exchange
      }
      String line = text.substring(pos, nl);
      pos = nl + 1;
      if (!line.isBlank()) {
        add(line, lineNo);
      }
      goodBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    if (record && goodBytes < bytes.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(goodBytes);
      }
    }
  }

  private void add(String line, int lineNo) {
    String hash = null;
    String where = "";
    JsonNode response = null;
    // Streamed, skipping the request: a cassette is mostly requests, and replay needs only keys
    // and answers.
    try (JsonParser p = Canonical.JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "hash" -> hash = v == JsonToken.VALUE_STRING ? p.getText() : null;
          case "where" -> where = p.getText();
          case "response" -> response = p.readValueAsTree();
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new ConfigException(file + ":" + lineNo + ": not a JSON line of a cassette");
    }
    if (hash == null || response == null) {
      throw new ConfigException(
          file + ":" + lineNo + ": a cassette line needs \"hash\" and \"response\"");
    }
    if (answers.putIfAbsent(hash, response) == null) {
      entries.add(new Entry(hash, where, line));
    }
  }

  /** The recorded response for {@code hash}, or null. */
  public synchronized JsonNode lookup(String hash) {
    return answers.get(hash);
  }

  /** Exchanges held. */
  public synchronized int size() {
    return answers.size();
  }

  /** Appends one exchange and flushes it. */
  public synchronized void append(
      String hash, String where, String canonicalRequest, JsonNode response) throws IOException {
    if (answers.containsKey(hash)) {
      return;
    }
    ObjectNode n = Canonical.JSON.createObjectNode();
    n.put("hash", hash);
    n.put("where", where);
    n.set("request", Canonical.JSON.readTree(canonicalRequest));
    n.set("response", Canonical.sorted(response));
    String line = Canonical.JSON.writeValueAsString(n);
    appender.write(line);
    appender.write('\n');
    appender.flush();
    answers.put(hash, response);
    entries.add(new Entry(hash, where, line));
  }

  /** Rewrites a recording in canonical order ({@code where}, then hash), atomically. */
  public synchronized void finish() throws IOException {
    if (appender == null) {
      return;
    }
    appender.flush();
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::where).thenComparing(Entry::hash));
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Entry e : sorted) {
        w.write(e.line());
        w.write('\n');
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public synchronized void close() throws IOException {
    if (appender != null) {
      appender.close();
    }
  }
}
