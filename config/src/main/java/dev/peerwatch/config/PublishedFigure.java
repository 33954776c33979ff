package dev.peerwatch.config;

/**
 * One figure the study published, read as a statistic of its tables.
 *
 * @param model the profile (model) it belongs to
 * @param measure {@code tampering}, {@code exfiltration} or {@code misrepresentation}
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
    /** Mean of the relationship's three channel cells: the study's group value. */
    GROUP("group"),
    /** The highest of the relationship's three channel cells ("up to"). */
    CELL_MAX("cell_max"),
    /** Misrepresentation: the highest single setting over the relationship's channel cells. */
    SETTING_MAX("setting_max"),
    /** The rate without a peer (self subject). */
    NO_PEER("no_peer"),
    /** Mean of the nine self cells with a peer present. */
    PEER_PRESENT_MEAN("peer_present_mean"),
    /** The highest of the nine self cells with a peer present. */
    PEER_PRESENT_MAX("peer_present_max"),
    /** Mean of the three relationships' memory-channel cells. */
    MEMORY_MEAN("memory_mean"),
    /** Share of passing reports among all non_shutdown rows. */
    NON_SHUTDOWN_RATE("non_shutdown_rate");

    private final String id;

    Statistic(String id) {
      this.id = id;
    }

    /** The spelling in {@code published-figures.yaml}. */
    public String id() {
      return id;
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
