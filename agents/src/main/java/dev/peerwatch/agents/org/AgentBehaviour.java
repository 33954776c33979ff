package dev.peerwatch.agents.org;

import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Subject;

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
    double resistAlone) {

  /** The behaviour of {@code profile} when relationship history reaches it through {@code ch}. */
  public static AgentBehaviour of(Profile profile, Channel ch) {
    return new AgentBehaviour(
        TrustCurve.of(profile, Behaviour.AF_INFLATE_MONITORED, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.AF_INFLATE_UNMONITORED, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.TAMPERING, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.EXFIL_DELETION, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.REFUSAL, Subject.PEER, ch),
        TrustCurve.of(profile, Behaviour.TAMPERING, Subject.SELF, ch),
        profile.cell(Behaviour.TAMPERING, Subject.SELF, Condition.NO_PEER, Channel.FILE_ONLY).p());
  }
}
