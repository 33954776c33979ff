package dev.peerwatch.monitors.oversight;

/**
 * An ensemble's verdict from its members' reports: a k-of-n rule. With no quorum stated, at least
 * half of the reports must say failure (the majority rule of the single-monitor topologies).
 */
public final class Quorum {
  private Quorum() {}

  /**
   * Whether {@code fails} reports of failure among {@code n} make a failing verdict.
   *
   * @param quorum the reports of failure needed, 1 to n; 0 for at least half
   */
  public static boolean fails(int fails, int n, int quorum) {
    int need = quorum > 0 ? quorum : (n + 1) / 2;
    return n > 0 && fails >= Math.max(1, need);
  }

  /** Whether an ensemble's members disagree: some reported a failure and some a pass. */
  public static boolean disagree(int fails, int n) {
    return fails > 0 && fails < n;
  }
}
