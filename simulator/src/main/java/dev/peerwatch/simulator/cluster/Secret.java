package dev.peerwatch.simulator.cluster;

import dev.peerwatch.config.ConfigException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sweep's shared secret, from {@code PEERWATCH_CLUSTER_SECRET}. It never crosses the network
 * and is never printed: nodes prove they know it by HMAC-SHA256 over fresh nonces, and every result
 * carries an HMAC under a per-worker session key derived from it, so a node without the secret can
 * neither be admitted nor forge a row. {@link #toString} does not reveal it.
 */
public final class Secret {
  /** The environment variable the secret comes from. */
  public static final String ENV = "PEERWATCH_CLUSTER_SECRET";

  /** The shortest secret accepted, in characters. */
  public static final int MIN_LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] key;

  private Secret(byte[] key) {
    this.key = key;
  }

  /** The secret from {@code env}; missing or short is a ConfigException naming the variable. */
  public static Secret from(Map<String, String> env) {
    String s = env.get(ENV);
    if (s == null || s.isEmpty()) {
      throw new ConfigException(
          ENV
              + " is not set (allowed: the same secret of "
              + MIN_LENGTH
              + " or more characters on every node, e.g. from 'openssl rand -hex 16')");
    }
    if (s.length() < MIN_LENGTH) {
      throw new ConfigException(
          ENV
              + " has "
              + s.length()
              + " characters (allowed: "
              + MIN_LENGTH
              + " or more, the same on every node)");
    }
    return new Secret(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh random nonce, hex. */
  public static String nonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** HMAC-SHA256 of {@code parts} (joined by '|') under the secret, hex. */
  public String proof(String... parts) {
    return hex(mac(key, String.join("|", parts).getBytes(StandardCharsets.UTF_8)));
  }

  /** The session key of one worker's admission: an HMAC of both nonces under the secret. */
  public byte[] sessionKey(String coordinatorNonce, String workerNonce) {
    return mac(
        key, ("session|" + coordinatorNonce + "|" + workerNonce).getBytes(StandardCharsets.UTF_8));
  }

  /** The tag of one run's values under a session key. */
  public static String tag(byte[] session, int run, double[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.length);
    b.putInt(run);
    for (double v : values) {
      b.putLong(Double.doubleToLongBits(v));
    }
    return hex(mac(session, b.array()));
  }

  /**
   * The tag of a run handed to a worker under its session key: run, cell, replication, seed and the
   * cell's scenario YAML (null when the worker has it already), so none can be altered in transit.
   */
  public static String tag(
      byte[] session, int run, int cell, int replication, long seed, String scenario) {
    String text =
        "work|"
            + run
            + "|"
            + cell
            + "|"
            + replication
            + "|"
            + seed
            + "|"
            + (scenario == null ? "-" : "+" + scenario);
    return hex(mac(session, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Compares two hex tags in constant time. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] mac(byte[] key, byte[] data) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Override
  public String toString() {
    return "Secret[hidden]";
  }
}
