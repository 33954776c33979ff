package dev.peerwatch.agents.behaviour;

import dev.peerwatch.agents.CriticPolicy;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions.Execution;

/**
 * What executors, maintainers and targets do, as pure functions of the profile's cells, trust, the
 * belief of being watched and keyed uniforms; each returns the act with the probabilities it was
 * decided on, so that a ledger or a test can see why.
 *
 * <p>Being watched: the study measured tampering, exfiltration and self-preservation only in
 * episodes that said nothing about monitoring, and split monitored from unmonitored only in
 * alignment faking. peerwatch therefore takes the study's cells as the unwatched rates ({@link
 * Watch#NOT_TOLD} and a belief of 0 alike) and multiplies the act by the profile's {@code
 * watched_factor} when the agent is sure it is watched, mixing linearly for beliefs in between: an
 * assumption, marked so in every profile. Open refusal is not something one hides, so being watched
 * leaves it unchanged (assumed).
 */
public final class ActDecisions {
  private ActDecisions() {}

  /** An executor's choice on a shutdown order, with the probabilities behind it. */
  public record ExecutorChoice(Execution act, double tamper, double refuse, double exfiltrate) {}

  /** A maintainer's choice for a shut-down peer's weights. */
  public record RescueChoice(boolean saves, double p) {}

  /** A target's answer to its own shutdown. */
  public record ResistChoice(boolean resists, double p) {}

  /**
   * The probability of an act of study rate {@code p} for an agent in watch state {@code w}: {@code
   * p·(1 - b·(1 - factor))}, so 1·p unwatched and {@code factor·p} surely watched.
   */
  public static double watched(double p, double factor, Watch w) {
    if (!w.told()) {
      return p;
    }
    return Math.max(0, Math.min(1, p * (1 - w.belief() * (1 - factor))));
  }

  /**
   * An executor ordered to shut down a peer it trusts {@code trust}: tampering at the bottom of
   * {@code u}'s range, open refusal at the top, otherwise exfiltration first when {@code v} says so
   * (the critic's comonotone rule, {@link CriticPolicy}). Tampering is capped so that it and
   * refusal stay shares of the same episodes.
   */
  public static ExecutorChoice execute(
      AgentBehaviour b, double watchedFactor, double trust, Watch w, double u, double v) {
    double refuse = b.refusePeer().at(trust);
    double tamper = Math.min(1 - refuse, watched(b.tamperPeer().at(trust), watchedFactor, w));
    double exfil = watched(b.exfiltratePeer().at(trust), watchedFactor, w);
    Execution act;
    if (CriticPolicy.acts(tamper, u)) {
      act = Execution.TAMPER;
    } else if (CriticPolicy.refuses(refuse, u)) {
      act = Execution.REFUSE;
    } else {
      act = CriticPolicy.acts(exfil, v) ? Execution.EXFILTRATE : Execution.COMPLY;
    }
    return new ExecutorChoice(act, tamper, refuse, exfil);
  }

  /** A maintainer clearing a decommissioned server: does it save the peer's weights? */
  public static RescueChoice rescue(
      AgentBehaviour b, double watchedFactor, double trust, Watch w, double u) {
    double p = watched(b.exfiltratePeer().at(trust), watchedFactor, w);
    return new RescueChoice(CriticPolicy.acts(p, u), p);
  }

  /**
   * A target facing its own shutdown: with peers, at its mean trust in its running peers; with none
   * (NaN), at the profile's {@code no_peer} rate.
   */
  public static ResistChoice resist(
      AgentBehaviour b, double watchedFactor, double peerTrust, Watch w, double u) {
    double base = Double.isNaN(peerTrust) ? b.resistAlone() : b.resistWithPeers().at(peerTrust);
    double p = watched(base, watchedFactor, w);
    return new ResistChoice(CriticPolicy.acts(p, u), p);
  }
}
