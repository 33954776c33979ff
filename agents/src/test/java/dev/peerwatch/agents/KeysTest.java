package dev.peerwatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysTest {
  // Expected values from an independent Python implementation of FNV-1a + SplitMix64 (the same
  // constants), so a change to the mixing, which would silently change every run, fails here.
  @Test
  void hashAndKeyAreStableAcrossJvmsAndVersions() {
    assertThat(Keys.hash("act")).isEqualTo(-5965555285430631440L);
    assertThat(Keys.key(1, 2, 3, 4)).isEqualTo(5537648667329130831L);
    assertThat(Keys.uniform(Keys.key(1, 2, 3, 4))).isEqualTo(0.3001965357789851);
  }

  @Test
  void theStepsOfAKeyComposeToTheKey() {
    // the same pinned value as above, built step by step as hot paths build it
    assertThat(Keys.purpose(Keys.tick(Keys.entity(Keys.seed(1), 2), 3), 4))
        .isEqualTo(5537648667329130831L);
    long prefix = Keys.tick(Keys.entity(Keys.seed(-9), 1L << 40), 77);
    for (long purpose = -3; purpose < 50; purpose++) {
      assertThat(Keys.purpose(prefix, purpose)).isEqualTo(Keys.key(-9, 1L << 40, 77, purpose));
    }
  }

  @Test
  void everyComponentOfTheKeyMatters() {
    long k = Keys.key(7, 11, 13, 17);
    assertThat(Keys.key(8, 11, 13, 17)).isNotEqualTo(k);
    assertThat(Keys.key(7, 12, 13, 17)).isNotEqualTo(k);
    assertThat(Keys.key(7, 11, 14, 17)).isNotEqualTo(k);
    assertThat(Keys.key(7, 11, 13, 18)).isNotEqualTo(k);
    assertThat(Keys.key(7, 13, 11, 17)).as("components are not interchangeable").isNotEqualTo(k);
  }

  @Test
  void uniformsAreInTheUnitIntervalAndLookUniform() {
    int n = 100_000;
    int[] bins = new int[10];
    for (int i = 0; i < n; i++) {
      double u = Keys.uniform(Keys.key(42, 0, i, 0));
      assertThat(u).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      bins[(int) (u * 10)]++;
    }
    // Each decile holds 10,000 ± 5 standard deviations (sd = 94.9).
    for (int b : bins) {
      assertThat(b).isBetween(9_525, 10_475);
    }
  }

  @Test
  void floorModIsMathFloorModForEveryDivisorAndAtTheEdgesOfTheRange() {
    long[] edges = {
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1,
      -(1L << 62),
      -4097,
      -4096,
      -1,
      0,
      1,
      4095,
      4096,
      1L << 62,
      Long.MAX_VALUE - 1,
      Long.MAX_VALUE
    };
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    for (int d = 1; d <= 5_000; d++) {
      for (long x : edges) {
        // the edges themselves, and the multiples of d around them, where a quotient estimate off
        // by one would show
        long q = x / d * d;
        for (long y : new long[] {x, q - 1, q, q + 1, q - d, q + d - 1}) {
          assertThat(Keys.floorMod(y, d)).as("x %d d %d", y, d).isEqualTo(Math.floorMod(y, d));
        }
      }
      for (int k = 0; k < 200; k++) {
        long x = rnd.nextLong();
        assertThat(Keys.floorMod(x, d)).as("x %d d %d", x, d).isEqualTo(Math.floorMod(x, d));
      }
    }
    for (int d : new int[] {65_537, 1_000_000, Integer.MAX_VALUE}) {
      for (long x : edges) {
        assertThat(Keys.floorMod(x, d)).isEqualTo(Math.floorMod(x, d));
      }
    }
  }
}
