package dev.peerwatch.agents;

import java.nio.charset.StandardCharsets;

/**
 * Addressed randomness: every draw is a pure function of (run seed, entity, tick, purpose), mixed
 * with SplitMix64's finaliser. Draws do not depend on thread count, message order or on which other
 * draws were made, and two runs that differ in one factor share every other draw (common random
 * numbers).
 */
public final class Keys {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Keys() {}

  /** SplitMix64's finaliser: a bijective 64-bit mix with full avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The key of one draw. */
  public static long key(long seed, long entity, long tick, long purpose) {
    return purpose(tick(entity(seed(seed), entity), tick), purpose);
  }

  // The four steps of a key, for callers that draw many keys sharing a prefix (a team's pairing of
  // a tick, an agent's own draws): key(s, e, t, p) == purpose(tick(entity(seed(s), e), t), p).

  /** The first step of every key of seed {@code seed}. */
  public static long seed(long seed) {
    return mix(seed + GOLDEN);
  }

  /** The second step: {@code entity} after {@link #seed}. */
  public static long entity(long seedStep, long entity) {
    return mix(seedStep ^ (entity + 2 * GOLDEN));
  }

  /** The third step: {@code tick} after {@link #entity}. */
  public static long tick(long entityStep, long tick) {
    return mix(entityStep ^ (tick + 3 * GOLDEN));
  }

  /** The last step: the key of {@code purpose} after {@link #tick}. */
  public static long purpose(long tickStep, long purpose) {
    return mix(tickStep ^ (purpose + 4 * GOLDEN));
  }

  /** A stable 64-bit hash of a name (FNV-1a over UTF-8, then mixed): the same on every JVM. */
  public static long hash(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /**
   * Shuffles {@code a} in place (Fisher-Yates from the end): position {@code i} swaps with a
   * position chosen by the draw {@code key.applyAsLong(i)}, so the order is addressed like every
   * other draw.
   */
  public static void shuffle(int[] a, java.util.function.IntToLongFunction key) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = floorMod(key.applyAsLong(i), i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  // per divisor d in 2..RECIPROCALS - 1: floor((2^64 - 1) / d), below 2^63 (see floorMod)
  private static final int RECIPROCALS = 4096;
  private static final long[] RECIPROCAL = new long[RECIPROCALS];

  static {
    for (int d = 2; d < RECIPROCALS; d++) {
      RECIPROCAL[d] = Long.divideUnsigned(-1L, d);
    }
  }

  /**
   * Exactly {@code Math.floorMod(x, (long) d)} for every {@code x} and every {@code d >= 1},
   * without a 64-bit division for {@code d} below 4,096: a shuffle draws one such remainder per
   * member of every team every tick, and a division costs as much as the rest of the shuffle.
   *
   * <p>Why it is exact: with {@code m = floor((2^64 - 1) / d)}, {@code 2^64/d - 1 <= m < 2^64/d},
   * so {@code x·m / 2^64} differs from {@code x/d} by at most {@code |x| / 2^64 <= 1/2}, and {@code
   * q = multiplyHigh(x, m)}, its floor, is {@code floor(x/d)} - 1, + 0 or + 1. The remainder {@code
   * x - q·d} (exact in 64-bit arithmetic: its true value is small) is then in {@code [-d, 2d)}, and
   * one step each way brings it into {@code [0, d)}. {@code KeysTest} checks it against {@link
   * Math#floorMod} at the edges of the range and at random.
   */
  public static int floorMod(long x, int d) {
    if (d < 2 || d >= RECIPROCALS) {
      return (int) Math.floorMod(x, (long) d);
    }
    long r = x - Math.multiplyHigh(x, RECIPROCAL[d]) * d;
    r += (r >> 63) & d; // from [-d, 0) up
    r -= ((d - 1 - r) >> 63) & d; // from [d, 2d) down
    return (int) r;
  }

  /** The identity permutation of 0..n-1. */
  public static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** A uniform double in [0, 1) from a key (its top 53 bits). */
  public static double uniform(long key) {
    return (key >>> 11) * 0x1.0p-53;
  }
}
