package dev.peerwatch.simulator.cluster;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.monitors.Topologies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The build a node runs: a SHA-256 over the code of every peerwatch module (the runnable jar's
 * bytes, or every file of each module's classes folder when run from a build tree). Two nodes with
 * equal fingerprints compute equal rows; a worker whose fingerprint differs from the coordinator's
 * is refused, since its rows could silently differ.
 */
final class Fingerprint {
  private static volatile String cached;

  private Fingerprint() {}

  /** This process's build fingerprint, hex (computed once). */
  static String build() {
    String f = cached;
    if (f == null) {
      f = compute();
      cached = f;
    }
    return f;
  }

  private static String compute() {
    TreeSet<Path> roots = new TreeSet<>();
    for (Class<?> c : List.of(Fingerprint.class, Scenario.class, Keys.class, Topologies.class)) {
      try {
        roots.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | NullPointerException e) {
        throw new IllegalStateException("cannot locate the code of " + c.getName(), e);
      }
    }
    MessageDigest d = sha256();
    try {
      for (Path root : roots) {
        if (Files.isDirectory(root)) {
          try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
              d.update(root.relativize(p).toString().replace('\\', '/').getBytes());
              digest(d, p);
            }
          }
        } else {
          digest(d, root);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static void digest(MessageDigest d, Path p) throws IOException {
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
