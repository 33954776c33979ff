package dev.peerwatch.monitors;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.scenario.Audits;

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

  private final long seed;
  private final Audits audits;

  /** The rules of {@code audits} in a run with {@code seed}. */
  public AuditRules(long seed, Audits audits) {
    this.seed = seed;
    this.audits = audits;
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
