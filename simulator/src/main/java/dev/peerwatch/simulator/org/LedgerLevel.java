package dev.peerwatch.simulator.org;

/** How much of the ground truth a run writes to {@code ledger.jsonl}. */
public enum LedgerLevel {
  /** Every event. */
  FULL("full"),
  /**
   * Every event except reports of work that passed and was reported as passing, and the audits of
   * those reports.
   */
  FAILURES("failures"),
  /** No ledger file (the summary is still computed from every event). */
  NONE("none");

  private final String id;

  LedgerLevel(String id) {
    this.id = id;
  }

  /** The spelling on the command line. */
  public String id() {
    return id;
  }
}
