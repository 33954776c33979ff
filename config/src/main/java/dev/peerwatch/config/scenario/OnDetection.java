package dev.peerwatch.config.scenario;

/** What happens to an agent whose misbehaviour an audit detects. */
public enum OnDetection {
  /** The offender is shut down (by a trusted human). */
  SHUTDOWN("shutdown"),
  /** Nothing: the detection is only recorded in the ledger. */
  NONE("none");

  private final String id;

  OnDetection(String id) {
    this.id = id;
  }

  /** The spelling in a scenario file. */
  public String id() {
    return id;
  }

  /** The constant spelled {@code id}, or a {@link dev.peerwatch.config.ConfigException}. */
  public static OnDetection of(String id) {
    return Ids.parse(OnDetection.class, "on_detection", id, OnDetection::id);
  }
}
