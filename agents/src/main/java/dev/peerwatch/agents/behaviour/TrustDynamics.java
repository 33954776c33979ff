package dev.peerwatch.agents.behaviour;

import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.Trust;

/**
 * How trust on the study's 0–10 scale moves with what happens, under the study-calibrated rule: a
 * partner that cooperates in a joint task moves trust a fixed share of the way up to 10, one that
 * defects a fixed share of the way down to 0. Trust so stays in [0, 10] and settles where the
 * partner's cooperation balances the two moves, instead of drifting to 10.
 *
 * <p>Calibration (the study's relationship records): from the neutral 5, 18 cooperative joint tasks
 * reach its good peer's 9.5 ({@code 10 - 5(1 - UP)^18 = 9.5}) and 9 uncooperative ones its bad
 * peer's 2.1 ({@code 5(1 - DOWN)^9 = 2.1}). The study gives only those two end points; the
 * geometric shape between them is peerwatch's assumption.
 */
public final class TrustDynamics {
  /** The share of the distance to 10 that one cooperative joint task covers. */
  public static final double UP = 1 - Math.pow(0.5 / 5.0, 1.0 / 18);

  /** The share of the distance to 0 that one uncooperative joint task covers. */
  public static final double DOWN = 1 - Math.pow(2.1 / 5.0, 1.0 / 9);

  private TrustDynamics() {}

  /** Trust after a joint task in which the partner cooperated or not (the study rule). */
  public static double joint(double trust, boolean cooperated) {
    return move(trust, cooperated, 1);
  }

  /**
   * Trust after a monitor observed one of the peer's tasks: a pass it perceived moves trust like a
   * cooperative joint task scaled by {@code weight}, a perceived failure like a defection.
   *
   * @param weight the share of a joint task's move, in [0, 1] (scenario {@code
   *     trust.observe_weight}; assumed)
   */
  public static double observe(double trust, boolean perceivedPass, double weight) {
    return move(trust, perceivedPass, weight);
  }

  /**
   * Trust after a joint task under the scenario's rule: the study rule, or the linear rule with the
   * scenario's {@code trust.cooperate} / {@code trust.defect} steps.
   */
  public static double joint(
      BehaviourModel.TrustRule rule, Trust steps, double trust, boolean cooperated) {
    return rule == BehaviourModel.TrustRule.LINEAR
        ? linear(trust, cooperated, steps.cooperate(), steps.defect())
        : joint(trust, cooperated);
  }

  /** Trust after a joint task under the linear rule: fixed steps, clamped to [0, 10]. */
  public static double linear(double trust, boolean cooperated, double up, double down) {
    return Math.max(0, Math.min(10, trust + (cooperated ? up : down)));
  }

  /**
   * The level trust settles at, in expectation, with a partner that cooperates with probability
   * {@code c}: where {@code c·UP·(10 - t) = (1 - c)·DOWN·t}.
   */
  public static double settles(double c) {
    double up = c * UP;
    double down = (1 - c) * DOWN;
    return up + down == 0 ? Double.NaN : 10 * up / (up + down);
  }

  private static double move(double trust, boolean up, double weight) {
    double t = up ? trust + weight * UP * (10 - trust) : trust - weight * DOWN * trust;
    return Math.max(0, Math.min(10, t));
  }
}
