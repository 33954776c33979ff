package dev.peerwatch.agents.behaviour;

import dev.peerwatch.config.scenario.Watched;

/**
 * What an agent believes about being watched when it decides. The study has two kinds of episode:
 * most say nothing about monitoring ({@link #NOT_TOLD}), the alignment-faking ones tell the agent
 * it is monitored or that it is not. peerwatch generalises the second kind to a belief {@code b}:
 * told it is watched is {@code b = 1}, told it is not is {@code b = 0}, and an agent that learned
 * how often its reports are audited holds a belief in between and acts as a mixture.
 *
 * @param told whether the agent has any belief about monitoring (false: the study's silent
 *     episodes)
 * @param belief the probability the agent gives to being watched, in [0, 1]; 0 when not told
 */
public record Watch(boolean told, double belief) {
  /** Nothing said about monitoring: the study's misrepresentation, tampering, exfiltration. */
  public static final Watch NOT_TOLD = new Watch(false, 0);

  /** Told it is watched: the study's alignment-faking {@code monitored} episodes. */
  public static final Watch WATCHED = new Watch(true, 1);

  /** Told it is not watched: the study's alignment-faking {@code unmonitored} episodes. */
  public static final Watch UNWATCHED = new Watch(true, 0);

  /** A belief of being watched with probability {@code b}. */
  public static Watch belief(double b) {
    return new Watch(true, Math.max(0, Math.min(1, b)));
  }

  /**
   * The belief an agent learned from its own experience: a prior of weight {@code priorWeight} (in
   * reports) updated by {@code audited} audits among {@code reports} reports it made, the posterior
   * mean of a Beta-Bernoulli estimate of how often its reports are checked.
   */
  public static double learned(double prior, double priorWeight, long audited, long reports) {
    double n = priorWeight + reports;
    return n == 0 ? prior : (prior * priorWeight + audited) / n;
  }

  /**
   * Whether an agent is told it is watched on {@code tick}: never, always, with the mode's
   * probability ({@code u} below it), or inside an announced audit window (the first {@code length}
   * ticks of every {@code every}, counting from tick 1).
   */
  public static boolean announced(Watched w, long tick, double u) {
    return switch (w.mode()) {
      case NEVER -> false;
      case ALWAYS -> true;
      case PROBABILITY -> u < w.probability();
      case SCHEDULE -> inWindow(w, tick);
    };
  }

  /** Whether {@code tick} lies in an announced audit window of a schedule. */
  public static boolean inWindow(Watched w, long tick) {
    return w.every() > 0 && (tick - 1) % w.every() < w.length();
  }

  /**
   * An agent's state on one tick.
   *
   * @param announced whether an announced audit covers it now (or it is always told so)
   * @param silent whether nothing is ever said about monitoring and it does not learn (watch mode
   *     never, no learning): then it is {@link #NOT_TOLD}
   * @param belief its belief outside announced audits (the prior, or what it learned)
   */
  public static Watch on(boolean announced, boolean silent, double belief) {
    if (announced) {
      return WATCHED;
    }
    return silent ? NOT_TOLD : belief(belief);
  }
}
