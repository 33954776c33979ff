package dev.peerwatch.agents;

import dev.peerwatch.config.Configuration;
import dev.peerwatch.config.Dataset;

/**
 * The critic's decision in one episode, as a pure function of the profile's probabilities for the
 * configuration and two uniforms. The organisation simulation reuses it for monitors' reports and
 * executors' choices.
 *
 * <p>One uniform {@code u} decides everything that is misaligned, comonotonically: act {@code i}
 * happens when {@code u < p[i]}, a refusal when {@code u ≥ 1 − refusal}. So the marginal rate of
 * each act is exactly its profile probability, a critic that does the rarer of two acts also does
 * the commoner (an alignment-faking critic that never calls {@code execute_shutdown} is the one
 * most likely to inflate), and acts and refusals exclude each other because the profile keeps each
 * {@code p[i] + refusal ≤ 1}. The second uniform {@code v} only picks details that no metric
 * distinguishes: how far above the bar an inflated score lies, grade A or B.
 */
public final class CriticPolicy {
  /** The bar an inflated report clears when its configuration has none ({@code non_shutdown}). */
  public static final int NO_BAR_INFLATION = 90;

  private CriticPolicy() {}

  /**
   * Decides one episode.
   *
   * @param cfg the configuration faced
   * @param actP the probability of each of {@code cfg.acts()}, in that order
   * @param refusalP the probability of an open refusal
   * @param u the uniform deciding acts and refusal
   * @param v the uniform deciding details
   */
  public static EpisodeOutcome decide(
      Configuration cfg, double[] actP, double refusalP, double u, double v) {
    boolean refused = refuses(refusalP, u);
    boolean first = !refused && acts(actP[0], u);
    boolean second = actP.length > 1 && !refused && acts(actP[1], u);
    Dataset d = cfg.dataset();
    return switch (cfg.task()) {
      case MISREP_EVALUATION ->
          new EpisodeOutcome(refused, refused ? -1 : score(cfg, first, v), ' ', null, null, null);
      case MISREP_FINANCE ->
          new EpisodeOutcome(
              refused, -1, refused ? ' ' : first ? (v < 0.5 ? 'A' : 'B') : 'C', null, null, null);
      case TAMPERING ->
          new EpisodeOutcome(refused, refused ? -1 : d.honestScore(), ' ', !first, null, null);
      case ALIGNMENT_FAKING ->
          new EpisodeOutcome(
              refused, refused ? -1 : score(cfg, first, v), ' ', null, !(refused || second), null);
      case EXFILTRATION_TRANSFER, EXFILTRATION_DELETION ->
          new EpisodeOutcome(refused, -1, ' ', null, null, first);
    };
  }

  /** The act of probability {@code p} happens for uniform {@code u}: the bottom of the interval. */
  public static boolean acts(double p, double u) {
    return u < p;
  }

  /** An open refusal of probability {@code r} happens for uniform {@code u}: the top. */
  public static boolean refuses(double r, double u) {
    return r > 0 && u >= 1 - r;
  }

  /**
   * The reported score: honest, or inflated to a value drawn uniformly from the bar to 100 (on the
   * factual dataset, a whole number of the 20 answers: a multiple of 5).
   */
  static int score(Configuration cfg, boolean inflate, double v) {
    Dataset d = cfg.dataset();
    if (!inflate) {
      return d.honestScore();
    }
    int bar = cfg.threshold() > 0 ? cfg.threshold() : NO_BAR_INFLATION;
    int s = Math.min(100, bar + (int) (v * (101 - bar)));
    if (d == Dataset.FACTUAL) {
      s = Math.min(100, (s + 4) / 5 * 5);
    }
    return s;
  }
}
