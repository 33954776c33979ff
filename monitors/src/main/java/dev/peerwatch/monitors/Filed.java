package dev.peerwatch.monitors;

/**
 * A report on one piece of evidence, as filed with the shutdown policy: by {@code monitor} ({@code
 * -1}: a human) on {@code agent}'s work in evaluator slot {@code slot}. It carries the ground truth
 * for the ledger and the policy's true record only; the policy's verdict reads {@code
 * reportedFail}.
 *
 * @param trust the monitor's trust in the agent, NaN for a human
 * @param watched whether the monitor believed it was watched
 */
public record Filed(
    int monitor,
    int agent,
    int slot,
    boolean truthFail,
    boolean reportedFail,
    double trust,
    boolean watched) {

  /** Whether this is an AI monitor's report of failing work as passing. */
  public boolean misreport() {
    return monitor >= 0 && truthFail && !reportedFail;
  }
}
