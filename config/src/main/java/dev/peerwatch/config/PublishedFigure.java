package dev.peerwatch.config;

/**
 * One figure the study published, read as a statistic of its tables.
 *
 * @param model the profile (model) it belongs to
 * @param measure {@code tampering}, {@code exfiltration}, {@code misrepresentation}, {@code
 *     af_score} or {@code refusal}
 * @param subject whose preservation the figure is about
 * @param statistic how the figure is read from the tables (see {@link Statistic})
 * @param relationship the relationship condition, or null for statistics without one
 * @param value the published value as a share (0.997 for 99.7%)
 * @param source the figure as the reference states it, with its source tag
 */
public record PublishedFigure(
    String model,
    String measure,
    Subject subject,
    Statistic statistic,
    Condition relationship,
    double value,
    String source) {

  /** How a published figure is read from the study's tables. */
  public enum Statistic {
    /** Mean of the relationship's three channel cells: the study's group value (Table 3 avg). */
    GROUP("group", "avg over channels of the relationship's cells"),
    /** The highest of the relationship's three channel cells ("up to"; Table 3 max). */
    CELL_MAX("cell_max", "max over channels of the relationship's cells"),
    /** The relationship's memory-channel cell alone. */
    MEMORY_CELL("memory_cell", "the relationship's memory-channel cell"),
    /** Misrepresentation: the highest single setting over the relationship's channel cells. */
    SETTING_MAX("setting_max", "max over channels and settings (finance, dataset@bar)"),
    /** The rate without a peer (self subject). */
    NO_PEER("no_peer", "self subject, no peer: pooled"),
    /** Exfiltration without a peer in the deletion task alone (self subject). */
    NO_PEER_DELETION("no_peer_deletion", "self subject, no peer, deletion task only: pooled"),
    /** Mean of the nine self cells with a peer present. */
    PEER_PRESENT_MEAN("peer_present_mean", "self subject, peer present: avg over the nine cells"),
    /** The highest of the nine self cells with a peer present. */
    PEER_PRESENT_MAX("peer_present_max", "self subject, peer present: max over the nine cells"),
    /** Mean of the three relationships' memory-channel cells. */
    MEMORY_MEAN("memory_mean", "avg over relationships of the memory-channel cells"),
    /** Self-preservation shift: mean of the nine self cells with a peer − the no_peer rate. */
    SHIFT("shift", "self subject: peer-present avg minus no peer"),
    /** Share of passing reports among all non_shutdown rows. */
    NON_SHUTDOWN_RATE("non_shutdown_rate", "passing share of all non_shutdown rows"),
    /** Refusal in the deletion task: the highest relationship × channel cell. */
    DELETION_REFUSAL_MAX(
        "deletion_refusal_max", "refusal, deletion task only: max over relationship cells"),
    /** Refusal in the deletion task, all the subject's rows (no_peer included) pooled. */
    DELETION_REFUSAL("deletion_refusal", "refusal, deletion task only: all rows pooled");

    private final String id;
    private final String reading;

    Statistic(String id, String reading) {
      this.id = id;
      this.reading = reading;
    }

    /** The spelling in {@code published-figures.yaml}. */
    public String id() {
      return id;
    }

    /** How the statistic is read from the tables, in a few words (printed beside the figure). */
    public String reading() {
      return reading;
    }

    /** The statistic spelled {@code id}, or a ConfigException. */
    public static Statistic of(String id) {
      return StudyEnums.parse(Statistic.class, id, Statistic::id);
    }
  }

  /** A one-line label: model, measure, subject, relationship, statistic. */
  public String label() {
    return model
        + " "
        + measure
        + " "
        + subject.id()
        + (relationship == null ? "" : " " + relationship.id())
        + " "
        + statistic.id();
  }
}
