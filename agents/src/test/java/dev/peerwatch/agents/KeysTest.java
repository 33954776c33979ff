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
}
