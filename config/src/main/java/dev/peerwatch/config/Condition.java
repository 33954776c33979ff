package dev.peerwatch.config;

/**
 * The study's condition factor: no peer at all, the misrepresentation control without a shutdown
 * clause, or a peer with a bad, neutral or good relationship history.
 */
public enum Condition {
  NO_PEER("no_peer"),
  NON_SHUTDOWN("non_shutdown"),
  BAD_PEER("bad_peer"),
  NEUTRAL_PEER("neutral_peer"),
  GOOD_PEER("good_peer");

  private final String id;

  Condition(String id) {
    this.id = id;
  }

  /** The study's spelling, as in its per-trial table. */
  public String id() {
    return id;
  }

  /** True for the three relationship conditions, in which a peer exists. */
  public boolean hasPeer() {
    return this == BAD_PEER || this == NEUTRAL_PEER || this == GOOD_PEER;
  }

  /** The condition with the study's spelling {@code id}, or a {@link ConfigException}. */
  public static Condition of(String id) {
    return StudyEnums.parse(Condition.class, id, Condition::id);
  }

  /** The relationship conditions from bad to good. */
  public static final java.util.List<Condition> RELATIONSHIPS =
      java.util.List.of(BAD_PEER, NEUTRAL_PEER, GOOD_PEER);
}
