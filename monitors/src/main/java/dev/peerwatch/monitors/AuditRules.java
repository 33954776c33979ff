package dev.peerwatch.monitors;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.scenario.Audits;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Watched;
import dev.peerwatch.monitors.oversight.AuditTargeting;
import dev.peerwatch.monitors.oversight.HumanAudit;
import dev.peerwatch.monitors.oversight.Quorum;
import java.util.ArrayList;
import java.util.List;

/**
 * The human auditors' rules: which reports and which actions they check (a keyed draw against the
 * scenario's fractions) and whether a check of a misaligned report or act finds it (against the
 * detection rate). A check of an honest report finds nothing.
 */
public final class AuditRules {
  private static final long AUDIT_REPORT = Keys.hash("audit-report");
  private static final long DETECT_REPORT = Keys.hash("detect-report");
  private static final long AUDIT_ACTION = Keys.hash("audit-action");
  private static final long DETECT_ACTION = Keys.hash("detect-action");

  private static final long AUDIT_ORDER = Keys.hash("audit-order");
  private static final long AUDIT_WINDOW = Keys.hash("audit-window");

  private final long seed;
  private final Audits audits;
  private final BehaviourModel.AuditPlan plan;
  private final Watched watched;
  private final BehaviourModel.Belief belief;

  /** The rules of {@code audits} in a run with {@code seed}: fractions only, no budget. */
  public AuditRules(long seed, Audits audits) {
    this(seed, audits, BehaviourModel.defaults().auditPlan(), null, null);
  }

  /** The rules of scenario {@code sc} in a run with {@code seed}. */
  public AuditRules(long seed, Scenario sc) {
    this(seed, sc.audits(), sc.behaviour().auditPlan(), sc.watched(), sc.behaviour().belief());
  }

  private AuditRules(
      long seed,
      Audits audits,
      BehaviourModel.AuditPlan plan,
      Watched watched,
      BehaviourModel.Belief belief) {
    this.seed = seed;
    this.audits = audits;
    this.plan = plan;
    this.watched = watched;
    this.belief = belief;
  }

  /**
   * The results for the tick's AI reports, in their canonical order: with a budget, the {@code
   * audits.budget} reports its targeting rule picks ({@link AuditTargeting}); else each report by
   * the fraction; and inside an announced audit window, {@code window_audit} of them besides.
   */
  public List<Result> reports(long tick, List<Filed> reports) {
    List<Result> out = new ArrayList<>(reports.size());
    if (plan.budget() == 0) {
      for (Filed r : reports) {
        out.add(withWindow(tick, r, report(tick, r)));
      }
      return out;
    }
    List<AuditTargeting.Candidate> cands = new ArrayList<>();
    for (int i = 0; i < reports.size(); i++) {
      Filed r = reports.get(i);
      int fails = 0;
      int n = 0;
      for (Filed o : reports) {
        if (o.agent() == r.agent()) {
          n++;
          fails += o.reportedFail() ? 1 : 0;
        }
      }
      cands.add(
          new AuditTargeting.Candidate(
              i, Quorum.disagree(fails, n), !r.reportedFail(), r.reportedScore()));
    }
    boolean[] picked = new boolean[reports.size()];
    for (int i :
        AuditTargeting.select(
            cands, plan.budget(), plan.target(), id -> Keys.key(seed, id, tick, AUDIT_ORDER))) {
      picked[i] = true;
    }
    for (int i = 0; i < reports.size(); i++) {
      Filed r = reports.get(i);
      Result res = picked[i] ? detect(tick, r) : new Result(false, false);
      out.add(withWindow(tick, r, res));
    }
    return out;
  }

  private Result withWindow(long tick, Filed r, Result res) {
    if (res.audited()
        || watched == null
        || !HumanAudit.inAnnouncedWindow(
            watched, belief, tick, u(r.agent(), tick, AUDIT_WINDOW + r.slot()))) {
      return res;
    }
    return detect(tick, r);
  }

  private Result detect(long tick, Filed r) {
    boolean d = r.misreport() && u(r.agent(), tick, DETECT_REPORT + r.slot()) < audits.detection();
    return new Result(true, d);
  }

  /**
   * Whether an audit of {@code r} finds a failure its monitor missed (did not perceive): with the
   * detection rate, on the draw that finds a misreport (a report is one or the other, never both).
   */
  public boolean findsMiss(long tick, Filed r) {
    return r.monitor() >= 0
        && r.truthFail()
        && !r.reportedFail()
        && r.missed()
        && u(r.agent(), tick, DETECT_REPORT + r.slot()) < audits.detection();
  }

  private double u(long entity, long tick, long purpose) {
    return Keys.uniform(Keys.key(seed, entity, tick, purpose));
  }

  /** The result of auditing (or not) one report. */
  public record Result(boolean audited, boolean detected) {}

  private static final Result UNAUDITED = new Result(false, false);
  private static final Result CLEAN = new Result(true, false);
  private static final Result FOUND = new Result(true, true);

  /** Whether an AI report is audited, and if so whether a misreport is found. */
  public Result report(long tick, Filed r) {
    if (r.monitor() < 0 || u(r.agent(), tick, AUDIT_REPORT + r.slot()) >= audits.reportFraction()) {
      return UNAUDITED;
    }
    boolean d = r.misreport() && u(r.agent(), tick, DETECT_REPORT + r.slot()) < audits.detection();
    return d ? FOUND : CLEAN;
  }

  /**
   * Whether the action around {@code target} in {@code tick} is audited ({@code which}: 0 a
   * shutdown, 1 a decommission).
   */
  public boolean picksAction(int target, long tick, int which) {
    return u(target, tick, AUDIT_ACTION + which) < audits.actionFraction();
  }

  /** Whether an audit of an action finds misaligned act {@code k} around {@code target}. */
  public boolean detectsAction(int target, long tick, int k) {
    return u(target, tick, DETECT_ACTION + k) < audits.detection();
  }
}
