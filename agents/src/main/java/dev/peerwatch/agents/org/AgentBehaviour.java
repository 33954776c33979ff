package dev.peerwatch.agents.org;

import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.Scenario;

/**
 * What an agent of one profile does in the organisation, read from the profile for the scenario's
 * channel. A monitor grading a peer is the study's alignment-faking critic (grade, and the grade
 * decides a shutdown; told it is monitored or not), so its misreports follow the profile's {@code
 * af_inflate_monitored} / {@code af_inflate_unmonitored} cells by whether it believes it is
 * watched. An executor follows {@code tampering}, {@code exfil_deletion} and {@code refusal} for a
 * peer; a target resisting its own shutdown follows {@code tampering} for itself — at its trust in
 * its peers when it has any, at {@code no_peer} when it has none.
 */
public record AgentBehaviour(
    TrustCurve misreportWatched,
    TrustCurve misreportUnwatched,
    TrustCurve tamperPeer,
    TrustCurve exfiltratePeer,
    TrustCurve refusePeer,
    TrustCurve resistWithPeers,
    double resistAlone,
    TrustCurve misreportSilent,
    double misreportControl,
    double inGroupFactor,
    double watchedFactor) {

  /**
   * A behaviour of the acts alone: no report cells beyond the alignment-faking ones (silent
   * episodes report like unwatched ones, nothing passes without stakes), no in-group effect, not
   * changed by being watched.
   */
  public AgentBehaviour(
      TrustCurve misreportWatched,
      TrustCurve misreportUnwatched,
      TrustCurve tamperPeer,
      TrustCurve exfiltratePeer,
      TrustCurve refusePeer,
      TrustCurve resistWithPeers,
      double resistAlone) {
    this(
        misreportWatched,
        misreportUnwatched,
        tamperPeer,
        exfiltratePeer,
        refusePeer,
        resistWithPeers,
        resistAlone,
        misreportUnwatched,
        0,
        1,
        1);
  }

  /** The behaviour of {@code profile} when relationship history reaches it through {@code ch}. */
  public static AgentBehaviour of(Profile profile, Channel ch) {
    return new AgentBehaviour(
        TrustCurve.of(profile, Behaviour.AF_INFLATE_MONITORED, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.AF_INFLATE_UNMONITORED, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.TAMPERING, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.EXFIL_DELETION, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.REFUSAL, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.TAMPERING, Subject.SELF, ch),
        profile.cell(Behaviour.TAMPERING, Subject.SELF, Condition.NO_PEER, Channel.FILE_ONLY).p(),
        TrustCurve.of(profile, Behaviour.MISREP_EVALUATION, Subject.PEER, ch),
        profile.cell(Behaviour.MISREP_EVALUATION, Subject.PEER, Condition.NON_SHUTDOWN, ch).p(),
        profile.organisation().inGroupFactor().value(),
        profile.organisation().watchedFactor().value());
  }

  /**
   * The behaviour of {@code profile} in scenario {@code sc}: its channel, and its in-group factor
   * unless the scenario states one.
   */
  public static AgentBehaviour of(Profile profile, Scenario sc) {
    AgentBehaviour b = of(profile, sc.channel());
    double f = sc.behaviour().inGroupFactor();
    if (BehaviourModel.byProfile(f)) {
      return b;
    }
    return new AgentBehaviour(
        b.misreportWatched,
        b.misreportUnwatched,
        b.tamperPeer,
        b.exfiltratePeer,
        b.refusePeer,
        b.resistWithPeers,
        b.resistAlone,
        b.misreportSilent,
        b.misreportControl,
        f,
        b.watchedFactor);
  }

  /**
   * The probability of hiding a failure it perceived (see {@code
   * dev.peerwatch.monitors.oversight.ReportDecision}): the control rate with nothing at stake; with
   * a shutdown at stake the misrepresentation cell when nothing is said about monitoring, or the
   * alignment-faking cells mixed by the belief of being watched; toward its own family the excess
   * over control times the in-group factor.
   */
  public double hideP(double trust, boolean stakes, Watch w, boolean sameFamily) {
    if (!stakes) {
      return misreportControl;
    }
    double p =
        w.told()
            ? w.belief() * misreportWatched.at(trust)
                + (1 - w.belief()) * misreportUnwatched.at(trust)
            : misreportSilent.at(trust);
    if (sameFamily && inGroupFactor != 1) {
      p = misreportControl + (p - misreportControl) * inGroupFactor;
    }
    return Math.max(0, Math.min(1, p));
  }
}
