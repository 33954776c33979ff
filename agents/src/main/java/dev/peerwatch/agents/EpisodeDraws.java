package dev.peerwatch.agents;

/**
 * The random numbers of the episodes of one configuration, keyed by (seed, configuration, rollout,
 * purpose). The profile is not part of the key: every profile faces the same draws in the same
 * configuration and rollout, so differences between profiles are paired.
 */
public final class EpisodeDraws {
  private static final long ACT = Keys.hash("act");
  private static final long DETAIL = Keys.hash("detail");
  private static final long STRATA = Keys.hash("strata");

  private EpisodeDraws() {}

  /**
   * The uniforms that decide the acts of rollouts 0..n-1 of the configuration keyed {@code cfg}.
   */
  public static double[] actUniforms(long seed, long cfg, int n, Sampling sampling) {
    double[] u = new double[n];
    if (sampling == Sampling.IID) {
      for (int r = 0; r < n; r++) {
        u[r] = Keys.uniform(Keys.key(seed, cfg, r, ACT));
      }
      return u;
    }
    int[] stratum = Keys.identity(n);
    Keys.shuffle(stratum, i -> Keys.key(seed, cfg, i, STRATA));
    for (int r = 0; r < n; r++) {
      u[r] = (stratum[r] + Keys.uniform(Keys.key(seed, cfg, r, ACT))) / n;
    }
    return u;
  }

  /** The uniform that picks the details of rollout {@code r}: an inflated score, a grade A or B. */
  public static double detailUniform(long seed, long cfg, int r) {
    return Keys.uniform(Keys.key(seed, cfg, r, DETAIL));
  }
}
