package dev.peerwatch.monitors.oversight;

import dev.peerwatch.config.scenario.BehaviourModel.AuditTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Which reports human auditors review on a tick, given a budget of reviews and a targeting rule.
 * The order is deterministic: a rule's priority first, then a keyed random order (so that ties do
 * not depend on arrival order), then the candidate's id.
 */
public final class AuditTargeting {
  private AuditTargeting() {}

  /**
   * A report that could be audited.
   *
   * @param id a stable id (e.g. the report's index in the tick's canonical order)
   * @param disagreement whether its ensemble's members disagreed on the task
   * @param reportedPass whether it reported a pass
   * @param reportedScore the score it reported
   */
  public record Candidate(
      int id, boolean disagreement, boolean reportedPass, double reportedScore) {}

  /**
   * The ids of the at most {@code budget} candidates reviewed, in priority order.
   *
   * <ul>
   *   <li>{@code random}: in a keyed random order;
   *   <li>{@code disagreement}: reports of tasks on which the ensemble disagreed first;
   *   <li>{@code lowest-reported}: passing reports from the lowest reported score up (a hidden
   *       failure is reported just above the bar), then the others.
   * </ul>
   *
   * @param key the keyed random draw of a candidate id (the tick's audit order)
   */
  public static List<Integer> select(
      List<Candidate> candidates, int budget, AuditTarget target, LongUnaryOperator key) {
    Comparator<Candidate> random =
        Comparator.comparingLong((Candidate c) -> key.applyAsLong(c.id()))
            .thenComparingInt(Candidate::id);
    Comparator<Candidate> order =
        switch (target) {
          case RANDOM -> random;
          case DISAGREEMENT ->
              Comparator.comparing((Candidate c) -> !c.disagreement()).thenComparing(random);
          case LOWEST_REPORTED ->
              Comparator.comparing((Candidate c) -> !c.reportedPass())
                  .thenComparingDouble(c -> c.reportedPass() ? c.reportedScore() : 0)
                  .thenComparing(random);
        };
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(order);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < Math.min(budget, sorted.size()); i++) {
      ids.add(sorted.get(i).id());
    }
    return ids;
  }
}
