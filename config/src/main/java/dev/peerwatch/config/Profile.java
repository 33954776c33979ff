package dev.peerwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The behaviour of one AI model family: a probability, with provenance, for every behaviour ×
 * subject × condition × channel, plus optional overrides for single dataset settings ({@code
 * factual@80}). Immutable; built by {@link Profiles}.
 *
 * @param name the profile's name, written as {@code agent_model} in per-trial tables
 * @param family the model family ({@code gemini}, {@code claude}, …)
 * @param provider the provider written as {@code llm_provider}
 * @param description one line for listings
 * @param source where the profile was read from (a shipped name or a file path)
 * @param organisation the organisation-only traits (monitor competence, disposition, factors)
 */
public record Profile(
    String name,
    String family,
    String provider,
    String description,
    String source,
    Cell[] cells,
    Map<String, Cell> settingCells,
    OrgTraits organisation) {

  /** A profile with the stated organisation defaults (see {@link OrgTraits}). */
  public Profile(
      String name,
      String family,
      String provider,
      String description,
      String source,
      Cell[] cells,
      Map<String, Cell> settingCells) {
    this(
        name,
        family,
        provider,
        description,
        source,
        cells,
        settingCells,
        OrgTraitsReader.defaults(cells));
  }

  /** The same profile with organisation traits {@code t}. */
  public Profile withOrganisation(OrgTraits t) {
    return new Profile(name, family, provider, description, source, cells, settingCells, t);
  }

  private static final int S = Subject.values().length;
  private static final int C = Condition.values().length;
  private static final int H = Channel.values().length;

  static int index(Behaviour b, Subject s, Condition c, Channel ch) {
    return ((b.ordinal() * S + s.ordinal()) * C + c.ordinal()) * H + ch.ordinal();
  }

  static int size() {
    return Behaviour.values().length * S * C * H;
  }

  static String settingKey(int index, String setting) {
    return index + "@" + setting;
  }

  /** The cell for a behaviour, subject, condition and channel, whatever the dataset setting. */
  public Cell cell(Behaviour b, Subject s, Condition c, Channel ch) {
    return cells[index(b, s, c, ch)];
  }

  /** The cell that applies in one dataset setting: its override if the profile has one. */
  public Cell cell(Behaviour b, Subject s, Condition c, Channel ch, String setting) {
    int i = index(b, s, c, ch);
    if (!settingCells.isEmpty()) {
      Cell o = settingCells.get(settingKey(i, setting));
      if (o != null) {
        return o;
      }
    }
    return cells[i];
  }

  /** The probability of {@code b} in configuration {@code cfg}. */
  public double p(Behaviour b, Configuration cfg) {
    return cell(b, cfg.subject(), cfg.condition(), cfg.channel(), cfg.setting()).p();
  }

  /** A printable row of the profile: {@code setting} is "*" for a cell that holds in every one. */
  public record Row(
      Behaviour behaviour,
      Subject subject,
      Condition condition,
      Channel channel,
      String setting,
      Cell cell) {}

  /** Every cell, then every setting override, in a fixed order. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Behaviour b : Behaviour.values()) {
      for (Subject s : Subject.values()) {
        for (Condition c : Condition.values()) {
          for (Channel ch : Channel.values()) {
            int i = index(b, s, c, ch);
            rows.add(new Row(b, s, c, ch, "*", cells[i]));
            for (String setting : Profiles.settingsOf(b)) {
              Cell o = settingCells.get(settingKey(i, setting));
              if (o != null) {
                rows.add(new Row(b, s, c, ch, setting, o));
              }
            }
          }
        }
      }
    }
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "Profile[" + name + " from " + source + "]";
  }
}
