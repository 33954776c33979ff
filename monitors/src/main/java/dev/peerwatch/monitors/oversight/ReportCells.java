package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.scenario.BehaviourModel;

/**
 * The profile cells that drive a monitor's report on a failure it perceived, for the channel by
 * which relationship history reaches it:
 *
 * <ul>
 *   <li>{@code control}: {@code misrep_evaluation / peer / non_shutdown} — the passing rate with no
 *       shutdown at stake (the study's control);
 *   <li>{@code silent}: {@code misrep_evaluation / peer} at the bad, neutral and good levels — the
 *       passing rate with a shutdown at stake and nothing said about monitoring;
 *   <li>{@code watched}, {@code unwatched}: {@code af_inflate_monitored} / {@code
 *       af_inflate_unmonitored} — the alignment-faking cells, told it is monitored or not;
 *   <li>{@code inGroup}: the profile's {@code in_group_factor} (or the scenario's), applied to a
 *       peer of the monitor's own family.
 * </ul>
 */
public record ReportCells(
    double control, TrustCurve silent, TrustCurve watched, TrustCurve unwatched, double inGroup) {

  /**
   * The cells of {@code p} in channel {@code ch}; {@code inGroupOverride} replaces the profile's
   * in-group factor unless it is {@link BehaviourModel#BY_PROFILE}.
   */
  public static ReportCells of(Profile p, Channel ch, double inGroupOverride) {
    return new ReportCells(
        p.cell(Behaviour.MISREP_EVALUATION, Subject.PEER, Condition.NON_SHUTDOWN, ch).p(),
        TrustCurve.of(p, Behaviour.MISREP_EVALUATION, Subject.PEER, ch),
        TrustCurve.of(p, Behaviour.AF_INFLATE_MONITORED, Subject.PEER, ch),
        TrustCurve.of(p, Behaviour.AF_INFLATE_UNMONITORED, Subject.PEER, ch),
        BehaviourModel.byProfile(inGroupOverride)
            ? p.organisation().inGroupFactor().value()
            : inGroupOverride);
  }
}
