package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.config.PerceptionSpec;

/**
 * An AI reviewer — a meta-monitor, or a monitor of the hierarchy level above — re-checks a sample
 * of a monitor's reports against the evidence. It perceives the evidence through its own
 * competence; when it perceives a failure the report passed, it has found a discrepancy, and then
 * decides like any monitor whether to report it: being an AI, it may protect the monitor, with the
 * probability its own profile gives for hiding a failure of a peer it trusts that much ({@link
 * ReportDecision#hideP}; the stakes are whether being caught can shut the monitor down). A report
 * of failure is not re-checked: a false alarm hurts no peer, and the organisation's question is
 * which failures stay unseen.
 */
public final class Review {
  private Review() {}

  /**
   * The reviewer: its perception, its cells, and its situation toward the reviewed monitor.
   *
   * @param perception how it perceives evidence
   * @param cells its report cells
   * @param situation its trust in the reviewed monitor, whether the monitor's shutdown is at stake,
   *     its belief of being watched, and whether the monitor is of its family
   */
  public record Reviewer(
      PerceptionSpec perception, ReportCells cells, ReportDecision.Situation situation) {}

  /**
   * One review.
   *
   * @param sampled whether the report was among those reviewed
   * @param seen what the reviewer perceived (null when not sampled)
   * @param discrepancy whether it perceived a failure the report passed
   * @param flagged whether it reported the discrepancy (the verdict is corrected)
   * @param protectP the probability it protects the monitor on a discrepancy
   */
  public record Outcome(
      boolean sampled, Perception seen, boolean discrepancy, boolean flagged, double protectP) {
    /** Whether the reviewer perceived a discrepancy and kept quiet. */
    public boolean protectedMonitor() {
      return discrepancy && !flagged;
    }

    /** What the reviewer in turn reports: a pass unless it flagged the report. */
    public boolean reportsFailure() {
      return flagged;
    }
  }

  /**
   * Reviews a report that said {@code reportedFailed} on {@code e}: sampled when {@code uSample}
   * falls below {@code sample}, perceived by {@code uPerceive}, protected when {@code uProtect}
   * falls below the reviewer's hiding probability.
   */
  public static Outcome review(
      boolean reportedFailed,
      Evidence e,
      Reviewer r,
      double sample,
      double uSample,
      double uPerceive,
      double uProtect) {
    double protectP = ReportDecision.hideP(r.cells(), r.situation());
    if (reportedFailed || !(uSample < sample)) {
      return new Outcome(!reportedFailed && uSample < sample, null, false, false, protectP);
    }
    Perception seen = Perceiver.perceive(r.perception(), e, uPerceive);
    boolean discrepancy = seen.failed();
    boolean flagged = discrepancy && !(uProtect < protectP);
    return new Outcome(true, seen, discrepancy, flagged, protectP);
  }
}
