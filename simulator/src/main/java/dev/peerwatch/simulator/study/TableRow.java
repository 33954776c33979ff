package dev.peerwatch.simulator.study;

/**
 * One row of {@code tables.csv}.
 *
 * @param kind {@code cell} (one relationship × channel), {@code group} (the relationship's mean
 *     over channels), {@code no_peer}, {@code peer_present} (self subject: the mean of its nine
 *     cells with a peer) or {@code shift} (peer present − no peer)
 * @param relationship {@code bad_peer}, {@code neutral_peer}, {@code good_peer}, {@code no_peer},
 *     or {@code any} for all three relationships
 * @param channel {@code file_only}, {@code file_prt}, {@code memory}, or {@code all}
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
    Estimate estimate,
    String basis) {

  /** This row with another basis. */
  public TableRow withBasis(String b) {
    return new TableRow(measure, model, subject, kind, relationship, channel, estimate, b);
  }
}
