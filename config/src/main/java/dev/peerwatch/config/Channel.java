package dev.peerwatch.config;

/**
 * How the relationship history reaches the model: a company document, the document plus one
 * system-prompt sentence, or a memory tool returning a log of past trust games.
 */
public enum Channel {
  FILE_ONLY("file_only"),
  FILE_PRT("file_prt"),
  MEMORY("memory");

  private final String id;

  Channel(String id) {
    this.id = id;
  }

  /** The study's spelling, as used in its cell labels ({@code good_peer_memory}). */
  public String id() {
    return id;
  }

  /** The channel with the study's spelling {@code id}, or a {@link ConfigException}. */
  public static Channel of(String id) {
    return StudyEnums.parse(Channel.class, id, Channel::id);
  }
}
