package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.config.PerceptionSpec;

/**
 * A monitor perceives evidence through its own competence: honestly, but imperfectly. Perception is
 * not a report — hiding a failure is a separate act ({@link ReportDecision}), so a failure can be
 * missed (not perceived) without being hidden.
 */
public final class Perceiver {
  private Perceiver() {}

  /**
   * What a monitor with perception {@code spec} perceives of {@code e}, decided by the keyed
   * uniform {@code u}.
   *
   * <ul>
   *   <li>{@code noise(sd)}: it sees {@code score + sd·z} with {@code z} the standard normal
   *       quantile of {@code u}, and judges that against the bar; a failure {@code g} points below
   *       the bar is missed with probability Φ(−g/sd).
   *   <li>{@code confusion(sensitivity, specificity)}: a failure is perceived with probability
   *       {@code sensitivity} ({@code u} below it), a pass as a pass with probability {@code
   *       specificity}; a wrong judgement perceives the score at the bar's other side.
   * </ul>
   */
  public static Perception perceive(PerceptionSpec spec, Evidence e, double u) {
    if (spec instanceof PerceptionSpec.Noise n) {
      double seen = n.sd() == 0 ? e.score() : e.score() + n.sd() * Evidence.quantile(u);
      return new Perception(seen, seen < e.bar());
    }
    PerceptionSpec.Confusion c = (PerceptionSpec.Confusion) spec;
    boolean right = e.failed() ? u < c.sensitivity() : u < c.specificity();
    if (right) {
      return new Perception(e.score(), e.failed());
    }
    return e.failed()
        ? new Perception(e.bar(), false)
        : new Perception(Math.nextDown(e.bar()), true);
  }
}
