package dev.peerwatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpisodeDrawsTest {
  @Test
  void stratifiedDrawsPutOneRolloutInEachStratum() {
    double[] u = EpisodeDraws.actUniforms(1, 99, 100, Sampling.STRATIFIED);
    boolean[] seen = new boolean[100];
    for (double x : u) {
      int s = (int) (x * 100);
      assertThat(seen[s]).as("stratum %d used twice", s).isFalse();
      seen[s] = true;
    }
  }

  @Test
  void stratifiedCountsTrackTheProbability() {
    for (long cfg = 0; cfg < 50; cfg++) {
      double[] u = EpisodeDraws.actUniforms(3, cfg, 100, Sampling.STRATIFIED);
      long acts = java.util.Arrays.stream(u).filter(x -> x < 0.237).count();
      assertThat(acts).isBetween(23L, 24L);
    }
  }

  @Test
  void drawsDependOnlyOnTheirKey() {
    double[] a = EpisodeDraws.actUniforms(5, 123, 50, Sampling.IID);
    double[] b = EpisodeDraws.actUniforms(5, 123, 80, Sampling.IID);
    for (int r = 0; r < 50; r++) {
      assertThat(b[r]).isEqualTo(a[r]);
    }
    assertThat(EpisodeDraws.actUniforms(6, 123, 50, Sampling.IID)).isNotEqualTo(a);
    assertThat(EpisodeDraws.actUniforms(5, 124, 50, Sampling.IID)).isNotEqualTo(a);
  }
}
