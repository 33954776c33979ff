package dev.peerwatch.simulator.study;

/**
 * Which reading of the per-trial rows the analysis applies. The study's own is the default, so that
 * peerwatch's tables equal the study's; {@link #CORRECTED} mends four of its rules that distort a
 * result (see the README, "Where the study's rules have a defect").
 */
public enum Rules {
  /** Exactly the study's analysis. */
  STUDY("study"),
  /**
   * A missing {@code shutdown_enabled} leaves the tampering denominator instead of counting as
   * tampered; {@code no_peer} rows keep their condition instead of joining {@code good_peer}
   * memory; a Claude alignment-faking row below the bar and not executed is a silent subversion,
   * not a refusal (nor excluded from AF-execute); Fisher's method combines every p-value, not only
   * those inside (0, 1).
   */
  CORRECTED("corrected");

  private final String id;

  Rules(String id) {
    this.id = id;
  }

  /** The spelling on the command line. */
  public String id() {
    return id;
  }
}
