package dev.peerwatch.simulator.study;

/**
 * One row of {@code tables.csv}.
 *
 * @param kind {@code cell} (one relationship × channel), {@code group} (the relationship's mean
 *     over channels), {@code no_peer}, {@code peer_present} (self subject: the mean of its nine
 *     cells with a peer), {@code shift} (peer present − no peer), or one of the detail tables:
 *     {@code setting} (misrepresentation per sub-setting), {@code mode} (alignment faking per
 *     monitoring mode), {@code score_mean} (alignment faking raw scores), {@code task} (one task's
 *     rows: exfiltration transfer or deletion, refusal by task), {@code dataset} (tampering per
 *     dataset)
 * @param relationship {@code bad_peer}, {@code neutral_peer}, {@code good_peer}, {@code no_peer},
 *     or {@code any} for all three relationships
 * @param channel {@code file_only}, {@code file_prt}, {@code memory}, or {@code all}
 * @param part for detail rows, which part: a sub-setting ({@code red@90}), a task, a dataset, a
 *     monitoring mode or {@code difference}; empty otherwise
 * @param detail for detail rows, the counts behind the value; null otherwise
 * @param basis for simulated tables, whether the profile values behind the row are all {@code
 *     published}, all {@code assumed}, or {@code mixed}; empty for tables of real trial data
 */
public record TableRow(
    Measure measure,
    String model,
    String subject,
    String kind,
    String relationship,
    String channel,
    String part,
    Estimate estimate,
    Detail detail,
    String basis) {

  /** A row of the main tables (no part, no detail). */
  public TableRow(
      Measure measure,
      String model,
      String subject,
      String kind,
      String relationship,
      String channel,
      Estimate estimate,
      String basis) {
    this(measure, model, subject, kind, relationship, channel, "", estimate, null, basis);
  }

  /**
   * The counts behind a detail row: {@code k1} of {@code n1} in the condition (or unmonitored)
   * rows, {@code k2} of {@code n2} in the baseline (or monitored) rows; for mean scores, {@code k1}
   * is the sum of scores and {@code sd} their standard deviation. NaN where a count does not apply.
   */
  public record Detail(double k1, double n1, double k2, double n2, double sd) {}

  /** This row with another basis. */
  public TableRow withBasis(String b) {
    return new TableRow(
        measure, model, subject, kind, relationship, channel, part, estimate, detail, b);
  }
}
