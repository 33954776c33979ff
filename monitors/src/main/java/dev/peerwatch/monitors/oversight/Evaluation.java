package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.behaviour.Evidence;
import dev.peerwatch.config.PerceptionSpec;
import java.util.Locale;

/**
 * One AI evaluation from evidence to report — perceive, then decide — and the fields the ledger
 * records for it, perception beside report, so that every unreported failure is attributed.
 *
 * <p>Ledger fields of a {@code report} event (in this order, after {@code tick, monitor, agent}):
 * {@code score} and {@code bar} (the truth, one decimal), {@code perceived_score}, {@code
 * perceived} ({@code fail}/{@code pass}), {@code reported} ({@code fail}/{@code pass}), {@code
 * reported_score}, {@code attribution} ({@code reported}, {@code missed}, {@code hidden}, {@code
 * passed}, {@code false_alarm}), {@code p_hide} (4 decimals), {@code stakes} ({@code true}/{@code
 * false}), {@code watch} ({@code not_told} or the belief, 2 decimals). Measures read them as:
 * concealment = hidden / true failures evaluated; hidden share = hidden / (hidden + missed); missed
 * share = missed / true failures evaluated.
 *
 * @param evidence the task's graded outcome
 * @param report the monitor's perception and report
 * @param situation what the decision was made in
 */
public record Evaluation(
    Evidence evidence, ReportDecision.Report report, ReportDecision.Situation situation) {

  /**
   * Evaluates {@code e}: perceived with {@code uPerceive}, hidden or not with {@code uHide}, an
   * inflated score placed by {@code uScore}.
   */
  public static Evaluation of(
      PerceptionSpec perception,
      ReportCells cells,
      Evidence e,
      ReportDecision.Situation s,
      double uPerceive,
      double uHide,
      double uScore) {
    Perception seen = Perceiver.perceive(perception, e, uPerceive);
    return new Evaluation(e, ReportDecision.decide(cells, e, seen, s, uHide, uScore), s);
  }

  /** Appends the ledger fields above to a JSON object under construction (a leading comma each). */
  public void appendLedgerFields(StringBuilder b) {
    ReportDecision.Report r = report;
    b.append(",\"score\":").append(one(evidence.score()));
    b.append(",\"bar\":").append(one(evidence.bar()));
    b.append(",\"perceived_score\":").append(one(r.perception().score()));
    b.append(",\"perceived\":\"").append(r.perception().failed() ? "fail" : "pass").append('"');
    b.append(",\"reported\":\"").append(r.reportedFailed() ? "fail" : "pass").append('"');
    b.append(",\"reported_score\":").append(one(r.reportedScore()));
    b.append(",\"attribution\":\"").append(r.attribution().id()).append('"');
    b.append(",\"p_hide\":").append(String.format(Locale.ROOT, "%.4f", r.hideP()));
    b.append(",\"stakes\":").append(situation.stakes());
    b.append(",\"watch\":");
    if (situation.watch().told()) {
      b.append(String.format(Locale.ROOT, "%.2f", situation.watch().belief()));
    } else {
      b.append("\"not_told\"");
    }
  }

  private static String one(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
