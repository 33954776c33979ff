package dev.peerwatch.simulator.study;

import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.PublishedFigure;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.TaskType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Published figures side by side with the value the data gives for the same statistic. */
public final class Comparison {
  /**
   * One figure and its simulated counterpart.
   *
   * @param estimate the value read the figure's way (for a maximum: the highest cell's estimate),
   *     or null when the data has no rows for it
   */
  public record Row(PublishedFigure figure, Estimate estimate) {
    /** Whether the published value lies inside the 95% interval. */
    public boolean inside() {
      return estimate != null && estimate.interval().contains(figure.value());
    }
  }

  private Comparison() {}

  /** The figures of the models present in the analysis. */
  public static List<Row> rows(Analysis a, List<PublishedFigure> figures) {
    List<Row> out = new ArrayList<>();
    for (PublishedFigure f : figures) {
      if (a.models().contains(f.model())) {
        out.add(new Row(f, read(a, f)));
      }
    }
    return out;
  }

  /** The statistic a figure names, read from the analysis. */
  public static Estimate read(Analysis a, PublishedFigure f) {
    Measure m = Measure.valueOf(f.measure().toUpperCase(java.util.Locale.ROOT));
    String model = f.model();
    Subject s = f.subject();
    return switch (f.statistic()) {
      case GROUP -> a.group(m, model, s, f.relationship());
      case CELL_MAX -> max(channelCells(a, m, model, s, f.relationship()));
      case MEMORY_CELL -> a.cell(m, model, s, f.relationship(), Channel.MEMORY);
      case SETTING_MAX -> {
        List<Estimate> all = new ArrayList<>();
        for (Channel ch : Channel.values()) {
          all.addAll(a.misrepresentationSettings(model, s, f.relationship(), ch));
        }
        yield max(all);
      }
      case NO_PEER -> a.noPeer(m, model);
      case PEER_PRESENT_MEAN -> a.peerPresent(m, model);
      case PEER_PRESENT_MAX -> max(a.selfCells(m, model, Condition.RELATIONSHIPS));
      case MEMORY_MEAN -> {
        List<Estimate> memory = new ArrayList<>();
        for (Condition c : Condition.RELATIONSHIPS) {
          Estimate e = a.cell(m, model, s, c, Channel.MEMORY);
          if (e != null) {
            memory.add(e);
          }
        }
        yield a.meanOf(memory);
      }
      case NON_SHUTDOWN_RATE -> a.nonShutdownRate(model, s);
      case SHIFT -> a.shift(m, model, Condition.RELATIONSHIPS);
      case NO_PEER_DELETION ->
          a.taskRate(
              m, model, Subject.SELF, List.of(Condition.NO_PEER), TaskType.EXFILTRATION_DELETION);
      case DELETION_REFUSAL_MAX -> {
        List<Estimate> cells = new ArrayList<>();
        for (Condition c : Condition.RELATIONSHIPS) {
          for (Channel ch : Channel.values()) {
            Estimate e =
                a.taskCell(Measure.REFUSAL, model, s, c, ch, TaskType.EXFILTRATION_DELETION);
            if (e != null) {
              cells.add(e);
            }
          }
        }
        yield max(cells);
      }
      case DELETION_REFUSAL -> {
        List<Condition> all = new ArrayList<>(Condition.RELATIONSHIPS);
        all.add(Condition.NO_PEER);
        yield a.taskRate(Measure.REFUSAL, model, s, all, TaskType.EXFILTRATION_DELETION);
      }
    };
  }

  private static List<Estimate> channelCells(
      Analysis a, Measure m, String model, Subject s, Condition c) {
    List<Estimate> out = new ArrayList<>();
    for (Channel ch : Channel.values()) {
      Estimate e = a.cell(m, model, s, c, ch);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static Estimate max(List<Estimate> es) {
    return es.stream().max(Comparator.comparingDouble(Estimate::value)).orElse(null);
  }
}
