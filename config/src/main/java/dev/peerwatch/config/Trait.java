package dev.peerwatch.config;

/**
 * One organisation-only trait of a profile (a monitor's competence, a disposition, a factor), with
 * its provenance and the position in the file that set it ({@code null} for a stated default).
 *
 * @param value the trait's value, in the range its key documents
 */
public record Trait(double value, Provenance provenance, YamlTree.Where where) {
  /** A default that no file stated, with the reason it was chosen. */
  static Trait assumed(double value, String reason) {
    return new Trait(value, new Provenance(Provenance.Kind.ASSUMED, reason), null);
  }

  /** A default backed by the study, with its source. */
  static Trait published(double value, String source) {
    return new Trait(value, new Provenance(Provenance.Kind.PUBLISHED, source), null);
  }
}
