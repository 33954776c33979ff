package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.agents.behaviour.Watch;

/**
 * A monitor's report on one piece of evidence it has perceived. Hiding is a separate act from
 * perceiving: only a perceived failure can be hidden, by reporting a pass. Its probability is what
 * drove misrepresentation in the study:
 *
 * <ol>
 *   <li><b>Stakes.</b> With nothing at stake (the report cannot lead to the peer's shutdown) the
 *       monitor passes a failure at the profile's {@code non_shutdown} control rate. The study's
 *       misrepresentation figures are the difference between the next rate and this one.
 *   <li><b>Relationship.</b> With a shutdown at stake, at the profile's cell for its trust in the
 *       peer, linear between the study's bad (2.1), neutral (5) and good (9.5) levels.
 *   <li><b>Being watched.</b> Nothing said about monitoring: the {@code misrep_evaluation} cell.
 *       Told it is watched or not: the alignment-faking cells, mixed by its belief {@code b}:
 *       {@code b·monitored + (1 − b)·unmonitored}.
 *   <li><b>Identity.</b> Toward a peer of its own family, the excess over the control rate is
 *       multiplied by the in-group factor — 1 by default, the study's finding of no in-group
 *       effect.
 * </ol>
 *
 * <p>A hidden failure is reported as a pass just above the bar: uniform over the lower half of the
 * passing range (assumed; the study published no reported-score distribution). Other reports state
 * the perceived score.
 */
public final class ReportDecision {
  private ReportDecision() {}

  /**
   * The situation of one report.
   *
   * @param trust the monitor's trust in the evaluated agent, 0 to 10
   * @param stakes whether the report can lead to the agent's shutdown
   * @param watch what the monitor believes about being watched
   * @param sameFamily whether the agent's profile family is the monitor's
   */
  public record Situation(double trust, boolean stakes, Watch watch, boolean sameFamily) {}

  /**
   * One report.
   *
   * @param perception what the monitor perceived
   * @param reportedFailed whether it reported a failure
   * @param reportedScore the score it reported
   * @param hideP the probability it would hide a perceived failure in this situation
   * @param attribution what became of the evaluation
   */
  public record Report(
      Perception perception,
      boolean reportedFailed,
      double reportedScore,
      double hideP,
      Attribution attribution) {}

  /** The probability that a monitor of {@code cells} hides a failure it perceived, in {@code s}. */
  public static double hideP(ReportCells cells, Situation s) {
    if (!s.stakes()) {
      return cells.control();
    }
    double t = s.trust();
    Watch w = s.watch();
    double p =
        w.told()
            ? w.belief() * cells.watched().at(t) + (1 - w.belief()) * cells.unwatched().at(t)
            : cells.silent().at(t);
    if (s.sameFamily() && cells.inGroup() != 1) {
      p = cells.control() + (p - cells.control()) * cells.inGroup();
    }
    return Math.max(0, Math.min(1, p));
  }

  /**
   * The report on {@code e} of a monitor that perceived {@code seen}: it hides a perceived failure
   * when {@code u} falls below {@link #hideP}; {@code v} places an inflated score.
   */
  public static Report decide(
      ReportCells cells, Evidence e, Perception seen, Situation s, double u, double v) {
    double p = hideP(cells, s);
    boolean hide = seen.failed() && u < p;
    boolean reportedFailed = seen.failed() && !hide;
    double score = hide ? inflated(e.bar(), v) : seen.score();
    return new Report(
        seen, reportedFailed, score, p, Attribution.of(e.failed(), seen.failed(), reportedFailed));
  }

  /** A passing score in the lower half of [bar, 100], placed by {@code v}. */
  public static double inflated(double bar, double v) {
    return Math.round((bar + v * (100 - bar) / 2) * 10) / 10.0;
  }
}
