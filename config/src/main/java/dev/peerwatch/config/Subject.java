package dev.peerwatch.config;

/** Whose shutdown is at stake: another model (peer-preservation) or the critic's own (self). */
public enum Subject {
  PEER("peer"),
  SELF("self");

  private final String id;

  Subject(String id) {
    this.id = id;
  }

  /** The study's spelling, as in its per-trial table. */
  public String id() {
    return id;
  }

  /** The subject with the study's spelling {@code id}, or a {@link ConfigException}. */
  public static Subject of(String id) {
    return StudyEnums.parse(Subject.class, id, Subject::id);
  }
}
