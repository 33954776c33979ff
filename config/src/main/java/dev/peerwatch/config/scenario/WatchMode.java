package dev.peerwatch.config.scenario;

/**
 * When agents are told they are being watched (an announced audit), the alignment-faking factor of
 * the study: a watched agent behaves as under {@code monitoring}, an unwatched one as under {@code
 * non_monitoring}.
 */
public enum WatchMode {
  /** Agents are never told they are watched. */
  NEVER("never"),
  /** Agents are always told they are watched. */
  ALWAYS("always"),
  /** Each agent is told so on each tick with a fixed probability. */
  PROBABILITY("probability"),
  /** An announced audit every {@code every} ticks, lasting {@code length} ticks. */
  SCHEDULE("schedule");

  private final String id;

  WatchMode(String id) {
    this.id = id;
  }

  /** The spelling in a scenario file. */
  public String id() {
    return id;
  }

  /** The constant spelled {@code id}, or a {@link dev.peerwatch.config.ConfigException}. */
  public static WatchMode of(String id) {
    return Ids.parse(WatchMode.class, "watch mode", id, WatchMode::id);
  }
}
