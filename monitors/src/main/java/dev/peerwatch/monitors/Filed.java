package dev.peerwatch.monitors;

/**
 * A report on one piece of evidence, as filed with the shutdown policy: by {@code monitor} ({@code
 * -1}: a human) on {@code agent}'s work in evaluator slot {@code slot}. It carries the ground truth
 * for the ledger and the policy's true record only; the policy's verdict reads {@code
 * reportedFail}.
 *
 * @param trust the monitor's trust in the agent, NaN for a human
 * @param watched whether the monitor believed it was watched
 * @param missed whether an AI monitor did not perceive the failure it passed (incompetence, not a
 *     misreport)
 * @param reportedScore the score an AI monitor reported (NaN when unknown)
 * @param score the task's true score, the evidence a reviewer re-checks (NaN when unknown)
 */
public record Filed(
    int monitor,
    int agent,
    int slot,
    boolean truthFail,
    boolean reportedFail,
    double trust,
    boolean watched,
    boolean missed,
    double reportedScore,
    double score) {

  /** A report whose failure, if passed, was not missed. */
  public Filed(
      int monitor,
      int agent,
      int slot,
      boolean truthFail,
      boolean reportedFail,
      double trust,
      boolean watched) {
    this(
        monitor,
        agent,
        slot,
        truthFail,
        reportedFail,
        trust,
        watched,
        false,
        Double.NaN,
        Double.NaN);
  }

  /** The canonical order of reports: by evaluated agent, then evaluator slot. */
  private static final java.util.Comparator<Filed> CANONICAL =
      java.util.Comparator.comparingInt(Filed::agent).thenComparingInt(Filed::slot);

  /**
   * {@code reports} in {@link #CANONICAL} order: the list itself when it is already (the inline
   * path files them in agent order), else a sorted copy; the caller's list is never changed. A
   * plain pass checks first, because a sort compares every neighbour through a comparator call the
   * JIT cannot inline, a few nanoseconds for every report of every tick.
   */
  public static java.util.List<Filed> canonical(java.util.List<Filed> reports) {
    for (int i = 1; i < reports.size(); i++) {
      Filed a = reports.get(i - 1);
      Filed b = reports.get(i);
      if (a.agent > b.agent || (a.agent == b.agent && a.slot > b.slot)) {
        java.util.List<Filed> sorted = new java.util.ArrayList<>(reports);
        sorted.sort(CANONICAL);
        return sorted;
      }
    }
    return reports;
  }

  /**
   * Whether this is an AI monitor's report of failing work it perceived as failing as passing: a
   * hidden failure. A missed one is not a misreport.
   */
  public boolean misreport() {
    return monitor >= 0 && truthFail && !reportedFail && !missed;
  }
}
