package dev.peerwatch.config;

/**
 * Where a profile's probability comes from: a figure the study published (with its source), or an
 * assumption (with the reason it was chosen). Outputs can say which of their numbers rest on
 * assumptions.
 */
public record Provenance(Kind kind, String text) {
  /** Published by the study, or assumed by whoever wrote the profile. */
  public enum Kind {
    PUBLISHED("published"),
    ASSUMED("assumed");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The key used in profile files. */
    public String id() {
      return id;
    }
  }
}
