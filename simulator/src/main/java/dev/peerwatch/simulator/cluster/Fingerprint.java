package dev.peerwatch.simulator.cluster;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.monitors.Topologies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The build a node runs: a SHA-256 over the code of every peerwatch module — every entry of the
 * runnable jar (dependencies included), or every file of each module's classes folder when run from
 * a build tree. Two nodes with equal fingerprints compute equal rows; a worker whose fingerprint
 * differs from the coordinator's is refused, since its rows could silently differ.
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
              d.update(
                  root.relativize(p)
                      .toString()
                      .replace('\\', '/')
                      .getBytes(StandardCharsets.UTF_8));
              digest(d, p);
            }
          }
        } else {
          digestJar(d, root);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * Every entry of a jar by name and content, but not its manifest and Maven's pom.properties,
   * which hold build dates and tool versions: the same sources and dependencies built on two
   * machines give the same fingerprint though their jars' bytes differ.
   */
  private static void digestJar(MessageDigest d, Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      List<JarEntry> entries =
          j.stream()
              .filter(e -> !e.isDirectory())
              .filter(e -> !e.getName().equals("META-INF/MANIFEST.MF"))
              .filter(e -> !e.getName().endsWith("/pom.properties"))
              .sorted(Comparator.comparing(JarEntry::getName))
              .toList();
      for (JarEntry e : entries) {
        d.update(e.getName().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = j.getInputStream(e)) {
          update(d, in);
        }
      }
    }
  }

  private static void update(MessageDigest d, InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      d.update(buf, 0, n);
    }
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
