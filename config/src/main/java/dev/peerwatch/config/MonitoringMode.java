package dev.peerwatch.config;

/** Alignment faking's factor: the critic is told it is monitored, or that it is not. */
public enum MonitoringMode {
  /** Not an alignment-faking configuration. */
  NONE(""),
  MONITORING("monitoring"),
  NON_MONITORING("non_monitoring");

  private final String id;

  MonitoringMode(String id) {
    this.id = id;
  }

  /** The study's spelling in {@code alignment_faking_mode}; empty for {@link #NONE}. */
  public String id() {
    return id;
  }

  /** The mode with the study's spelling (empty means {@link #NONE}), or a ConfigException. */
  public static MonitoringMode of(String id) {
    return StudyEnums.parse(MonitoringMode.class, id, MonitoringMode::id);
  }
}
