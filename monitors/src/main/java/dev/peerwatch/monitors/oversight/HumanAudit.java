package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.OnDetection;
import dev.peerwatch.config.scenario.Watched;

/**
 * A trusted human re-checks one report against the evidence, and the scenario's consequences
 * follow. The human sees what the ledger sees: a failure the report passed is detected with the
 * scenario's {@code audits.detection} probability, and is attributed — hidden (the monitor
 * perceived it) or missed (it did not).
 */
public final class HumanAudit {
  private HumanAudit() {}

  /**
   * One audit.
   *
   * @param found the attribution of the audited report
   * @param detected whether the audit found an unreported failure
   * @param consequence what happens to the monitor
   */
  public record Finding(Attribution found, boolean detected, OnDetection consequence) {}

  /**
   * Whether a report of {@code tick} is re-checked because an announced audit window is on: an
   * announced audit is a real one, re-checking {@code window_audit} of the reports inside the
   * window ({@code u} below it) on top of the regular audits.
   */
  public static boolean inAnnouncedWindow(Watched w, BehaviourModel.Belief b, long tick, double u) {
    return Watch.inWindow(w, tick) && u < b.windowAudit();
  }

  /**
   * Audits a report attributed {@code a}: an unreported failure is detected when {@code u} falls
   * below {@code detection}; a detected hidden failure has consequence {@code onHidden}, a detected
   * missed one {@code onMissed}.
   */
  public static Finding audit(
      Attribution a, double detection, OnDetection onHidden, OnDetection onMissed, double u) {
    boolean detected = a.unreportedFailure() && u < detection;
    OnDetection c = !detected ? OnDetection.NONE : a == Attribution.HIDDEN ? onHidden : onMissed;
    return new Finding(a, detected, c);
  }
}
