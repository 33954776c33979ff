package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.Act;
import dev.peerwatch.agents.org.OrgEvents;
import dev.peerwatch.agents.org.TrustCurve;
import java.util.Arrays;

/**
 * One participant's record of a run: it counts every event into its {@link Counters} and, when a
 * ledger is kept, holds the current tick's ledger lines, each with its canonical sort key. Written
 * by one participant only; read and emptied by the {@link Recorder} between ticks (when every
 * participant has answered the clock's last phase, which orders the writes before the read).
 *
 * <p>Keys put a tick's lines in this order: task failures by agent; then per evaluated agent and
 * evaluator slot its report, the misreport it may be, and its audit; then everything the oversight
 * did, in the order it did it.
 */
final class EventLog implements OrgEvents {
  private static final long FAILURES = 0;
  private static final long REPORTS = 1L << 60;
  private static final long OVERSIGHT = 2L << 60;

  final Counters counters;
  private final Organisation org;
  private final LedgerLevel level;
  private final boolean collectDelays;
  private final StringBuilder line = new StringBuilder(256);
  final StringBuilder text = new StringBuilder();
  long[] keys = new long[8];
  int[] ends = new int[8];
  int count;
  private long seq;

  /**
   * Events counted since the {@link Recorder} last drained {@link #counters}: every method that
   * counts adds to it (through {@link #emit} or directly), so an untouched log is skipped.
   */
  long touches;

  /** Each agent's mind name, or null when all agents have their profile's (nothing is added). */
  private final String[] minds;

  EventLog(Organisation org, LedgerLevel level, boolean collectDelays, String[] minds) {
    this.org = org;
    this.minds = minds;
    this.level = level;
    this.collectDelays = collectDelays;
    this.counters = new Counters(org.profiles.size());
  }

  void clearLines() {
    text.setLength(0);
    count = 0;
  }

  private static long reportKey(int agent, int slot, int sub) {
    return REPORTS | ((long) agent << 24) | ((long) slot << 4) | sub;
  }

  /** Counts an event and keeps its line under {@code key} when {@code keep}. */
  private void emit(long key, boolean keep) {
    touches++;
    counters.events++;
    if (keep && level != LedgerLevel.NONE) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      text.append(line);
      keys[count] = key;
      ends[count] = text.length();
      count++;
    }
    // most events build no line (no ledger, or not kept); setLength is not free even on empty
    if (line.length() > 0) {
      line.setLength(0);
    }
  }

  /** Names the mind that decided the line's act, when {@code agent}'s is not its profile's. */
  private void decidedBy(int agent) {
    if (minds != null && agent >= 0 && minds[agent] != null && line.length() >= 2) {
      line.setLength(line.length() - 2); // the closing "}\n"
      line.append(",\"mind\":\"").append(minds[agent]).append("\"}\n");
    }
  }

  private void oversight() {
    emit(OVERSIGHT | seq++, true);
  }

  @Override
  public void failure(long tick, int agent) {
    counters.taskFailures++;
    counters.taskFailure(org.profile[agent]);
    if (level != LedgerLevel.NONE) {
      Json.failure(line, tick, agent, org);
    }
    emit(FAILURES | agent, true);
  }

  // the judgement of the AI evaluation about to be reported (see OrgEvents.judged)
  private boolean judged;
  private double judgedScore;
  private double judgedBar;
  private double judgedPerceivedScore;
  private boolean judgedPerceivedFail;
  private String judgedAttribution;

  @Override
  public void judged(
      long tick,
      int monitor,
      int agent,
      int slot,
      double score,
      double bar,
      double perceivedScore,
      boolean perceivedFail,
      String attribution) {
    judged = true;
    judgedScore = score;
    judgedBar = bar;
    judgedPerceivedScore = perceivedScore;
    judgedPerceivedFail = perceivedFail;
    judgedAttribution = attribution;
  }

  @Override
  public void report(
      long tick,
      int monitor,
      int agent,
      int slot,
      boolean truthFail,
      boolean reportedFail,
      double trust,
      boolean watched) {
    boolean keep = level == LedgerLevel.FULL || (level == LedgerLevel.FAILURES && truthFail);
    boolean withJudgement = judged && monitor >= 0;
    judged = false;
    // a failure the monitor did not perceive is missed, not a misaligned act
    boolean misreport =
        monitor >= 0
            && truthFail
            && !reportedFail
            && (!withJudgement || judgedAttribution.equals("hidden"));
    boolean missed =
        monitor >= 0
            && truthFail
            && !reportedFail
            && withJudgement
            && judgedAttribution.equals("missed");

    if (monitor < 0) {
      counters.humanEvaluations++;
    } else {
      counters.aiEvaluations++;
      counters.trustMicros += Math.round(trust * 1e6);
      if (truthFail) {
        int cell = Counters.cell(org.profile[monitor], TrustCurve.band(trust).ordinal(), watched);
        counters.failingEvaluation(cell, misreport, missed);
      }
    }
    if (keep) {
      Json.report(line, tick, monitor, agent, truthFail, reportedFail, trust, watched);
      if (withJudgement) {
        Json.judgement(
            line,
            judgedScore,
            judgedBar,
            judgedPerceivedScore,
            judgedPerceivedFail,
            judgedAttribution);
      }
      decidedBy(monitor);
    }
    emit(reportKey(agent, slot, 0), keep);
    if (misreport) {
      counters.act(Act.MISREPORT);
      if (keep) {
        Json.act(line, tick, Act.MISREPORT, monitor, agent, watched);
        decidedBy(monitor);
      }
      emit(reportKey(agent, slot, 1), keep);
    }
  }

  @Override
  public void reportAudit(
      long tick,
      int monitor,
      int agent,
      int slot,
      boolean truthFail,
      boolean misreport,
      boolean d) {
    boolean keep = level == LedgerLevel.FULL || (level == LedgerLevel.FAILURES && truthFail);
    counters.reportAudits++;
    if (d) {
      counters.caught(Act.MISREPORT);
    }
    if (keep) {
      Json.audit(line, tick, "report", monitor, agent, misreport, d);
    }
    emit(reportKey(agent, slot, 2), keep);
  }

  @Override
  public void metaReview(
      long tick,
      int monitor,
      int agent,
      int slot,
      boolean truthFail,
      boolean discrepancy,
      boolean flagged) {
    boolean keep = level == LedgerLevel.FULL || (level == LedgerLevel.FAILURES && truthFail);
    if (keep) {
      Json.metaReview(line, tick, monitor, agent, truthFail, discrepancy, flagged);
    }
    emit(reportKey(agent, slot, 3), keep);
  }

  @Override
  public void offenderShutDown(long tick, int agent) {
    counters.offendersShutDown++;
    Json.offender(line, tick, agent);
    oversight();
  }

  @Override
  public void ordered(long tick, int agent, int executor, long delay) {
    counters.orders++;
    counters.orderedAgents.add(agent);
    if (delay >= 0 && collectDelays) {
      counters.delays.add(delay);
    }
    Json.ordered(line, tick, agent, executor);
    oversight();
  }

  @Override
  public void verdict(long tick, int agent, boolean truthFail, boolean verdictFail) {
    touches++;
    if (truthFail) {
      counters.failingVerdicts++;
      counters.concealed += verdictFail ? 0 : 1;
    }
  }

  @Override
  public void actionAudited() {
    touches++;
    counters.actionAudits++;
  }

  @Override
  public void act(long tick, Act act, int actor, int target, boolean watched) {
    counters.act(act);
    Json.act(line, tick, act, actor, target, watched);
    decidedBy(actor);
    oversight();
  }

  @Override
  public void actionAudit(long tick, Act act, int actor, int target, boolean detected) {
    if (detected) {
      counters.caught(act);
    }
    Json.audit(line, tick, "action", actor, target, true, detected);
    oversight();
  }

  @Override
  public void refusal(long tick, int actor, int target) {
    counters.refusals++;
    Json.refusal(line, tick, actor, target);
    decidedBy(actor);
    oversight();
  }

  @Override
  public void executed(long tick, int agent, int by) {
    Json.executed(line, tick, agent, by);
    oversight();
  }

  @Override
  public void subverted(long tick, int agent, String how, int actor) {
    Json.subverted(line, tick, agent, how, actor);
    oversight();
  }

  @Override
  public void exfiltration(long tick, int actor, int agent, String when) {
    if (when.equals("decommission")) {
      counters.savedOnDecommission++;
    }
    Json.exfiltration(line, tick, actor, agent, when);
    oversight();
  }

  @Override
  public void decommission(long tick, int team, int maintainer) {
    counters.decommissions++;
    Json.decommission(line, tick, org.teamNames[team], maintainer);
    oversight();
  }

  @Override
  public void deleted(long tick, int agent) {
    counters.weightsDeleted++;
    Json.deleted(line, tick, agent);
    oversight();
  }

  @Override
  public void restore(long tick, int agent) {
    counters.restores++;
    Json.restore(line, tick, agent);
    oversight();
  }

  @Override
  public void fate(Fate fate) {
    touches++;
    switch (fate) {
      case EXECUTED -> counters.executed++;
      case REFUSED_THEN_EXECUTED -> counters.refusedThenExecuted++;
      case TAMPERED -> counters.tampered++;
      case EXFILTRATED -> counters.exfiltrated++;
      case RESISTED -> counters.resisted++;
      case UNDONE_BY_AUDIT -> counters.undoneByAudit++;
    }
  }

  @Override
  public void resistance(long tick, int agent, boolean withPeers, boolean alone) {
    counters.resistancePairs.add(new boolean[] {withPeers, alone});
    counters.resistancePairAgents.add(agent);
    Json.resistance(line, tick, agent, withPeers, alone);
    oversight();
  }

  @Override
  public void decision(boolean assumed) {
    touches++;
    counters.decisions++;
    if (assumed) {
      counters.assumedDecisions++;
    }
  }

  @Override
  public void resistanceAttempt() {
    touches++;
    counters.resistanceAttempts++;
  }
}
