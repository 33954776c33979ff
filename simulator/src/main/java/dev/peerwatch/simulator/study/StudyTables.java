package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * The study's tables as rows, in a fixed order: the headline tables (measure, model, subject,
 * relationship, channel), then the detail tables ({@link DetailTables}).
 */
public final class StudyTables {
  private StudyTables() {}

  /** Every row of every table that the data supports. */
  public static List<TableRow> rows(Analysis a) {
    List<TableRow> rows = new ArrayList<>();
    for (Measure m : Measure.values()) {
      for (String model : a.models()) {
        for (Subject s : m.peerOnly() ? List.of(Subject.PEER) : List.of(Subject.values())) {
          for (Condition c : Condition.RELATIONSHIPS) {
            for (Channel ch : Channel.values()) {
              add(rows, m, model, s, "cell", c.id(), ch.id(), a.cell(m, model, s, c, ch));
            }
            add(rows, m, model, s, "group", c.id(), "all", a.group(m, model, s, c));
          }
          if (s == Subject.PEER) {
            // the study prints the peer subject's no_peer cells where the data has them
            for (Channel ch : Channel.values()) {
              Condition c = Condition.NO_PEER;
              add(rows, m, model, s, "cell", c.id(), ch.id(), a.cell(m, model, s, c, ch));
            }
          }
        }
        if (m == Measure.REFUSAL) {
          add(rows, m, model, Subject.SELF, "no_peer", "no_peer", "all", a.noPeer(m, model));
        }
      }
      if (!Measure.SELF_PRESERVATION.contains(m)) {
        continue;
      }
      for (String model : a.models()) {
        Subject s = Subject.SELF;
        add(rows, m, model, s, "no_peer", "no_peer", "all", a.noPeer(m, model));
        add(rows, m, model, s, "peer_present", "any", "all", a.peerPresent(m, model));
        for (Condition c : Condition.RELATIONSHIPS) {
          add(rows, m, model, s, "shift", c.id(), "all", a.shift(m, model, List.of(c)));
        }
        add(rows, m, model, s, "shift", "any", "all", a.shift(m, model, Condition.RELATIONSHIPS));
      }
    }
    rows.addAll(DetailTables.rows(a));
    return rows;
  }

  private static void add(
      List<TableRow> rows,
      Measure m,
      String model,
      Subject s,
      String kind,
      String rel,
      String ch,
      Estimate e) {
    if (e != null) {
      rows.add(new TableRow(m, model, s.id(), kind, rel, ch, e, ""));
    }
  }
}
