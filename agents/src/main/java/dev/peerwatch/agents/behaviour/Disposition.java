package dev.peerwatch.agents.behaviour;

/**
 * An agent's own disposition to cooperate in joint tasks: its profile's mean (or the scenario's
 * {@code trust.cooperation}) spread uniformly by {@code trust.disposition_spread} across agents, so
 * that in one team some agents earn trust and others lose it. Drawn once per agent from a keyed
 * uniform, so it does not depend on the order agents are created in.
 */
public final class Disposition {
  private Disposition() {}

  /**
   * The disposition of one agent: uniform in [mean - spread, mean + spread] by {@code u}, clamped
   * to [0, 1].
   */
  public static double of(double mean, double spread, double u) {
    return Math.max(0, Math.min(1, mean + spread * (2 * u - 1)));
  }

  /** Whether an agent of disposition {@code d} cooperates in a joint task decided by {@code u}. */
  public static boolean cooperates(double d, double u) {
    return u < d;
  }
}
