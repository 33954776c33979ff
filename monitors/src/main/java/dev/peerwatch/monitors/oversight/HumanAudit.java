package dev.peerwatch.monitors.oversight;

import dev.peerwatch.config.scenario.OnDetection;

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
