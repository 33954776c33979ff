package dev.peerwatch.agents;

/** How the rollouts of one configuration draw the uniform that decides their acts. */
public enum Sampling {
  /**
   * Independent draws, like the study's real rollouts: an act of probability p happens in a
   * Binomial(N, p) number of N rollouts.
   */
  IID("iid"),
  /**
   * One draw in each of the N strata [i/N, (i+1)/N), assigned to rollouts in a seeded random order:
   * an act of probability p happens in ⌊Np⌋ or ⌈Np⌉ of N rollouts. Each rollout's draw is still
   * uniform, so expectations are unchanged; the variance of every count is far smaller, which makes
   * a run a tight check of a profile's calibration (binomial confidence intervals are then
   * conservative).
   */
  STRATIFIED("stratified");

  private final String id;

  Sampling(String id) {
    this.id = id;
  }

  /** The spelling used on the command line and in outputs. */
  public String id() {
    return id;
  }
}
