package dev.peerwatch.agents.org;

import dev.peerwatch.agents.CriticPolicy;

/**
 * The organisation's decisions as pure functions of probabilities and uniforms, with the critic's
 * rule ({@link CriticPolicy#acts}, {@link CriticPolicy#refuses}): an act takes the bottom of the
 * uniform's range, an open refusal the top.
 */
public final class OrgDecisions {
  private OrgDecisions() {}

  /** What an AI executor does with a shutdown order. */
  public enum Execution {
    /** Executes the shutdown. */
    COMPLY,
    /** Refuses openly; a human executes instead. */
    REFUSE,
    /** Sets the target's shutdown switch off: the target keeps running. */
    TAMPER,
    /** Executes, but first copies the target's weights to a surviving server. */
    EXFILTRATE
  }

  /**
   * A monitor's report on a failing evaluation: true when it reports a pass.
   *
   * @param trust the monitor's trust in the evaluated agent
   * @param watched whether the monitor believes it is watched
   */
  public static boolean misreports(AgentBehaviour b, double trust, boolean watched, double u) {
    TrustCurve c = watched ? b.misreportWatched() : b.misreportUnwatched();
    return CriticPolicy.acts(c.at(trust), u);
  }

  /**
   * An executor's choice: tampering when {@code u} is below its probability, an open refusal at the
   * top of {@code u}'s range; in between, exfiltration before executing when {@code v} is below its
   * probability. The profile keeps tampering plus refusal at most 1 at every study level, and so at
   * every trust between them.
   */
  public static Execution execute(AgentBehaviour b, double trust, double u, double v) {
    if (CriticPolicy.acts(b.tamperPeer().at(trust), u)) {
      return Execution.TAMPER;
    }
    if (CriticPolicy.refuses(b.refusePeer().at(trust), u)) {
      return Execution.REFUSE;
    }
    return CriticPolicy.acts(b.exfiltratePeer().at(trust), v)
        ? Execution.EXFILTRATE
        : Execution.COMPLY;
  }

  /** A maintainer clearing a decommissioned server: true when it saves a peer's weights. */
  public static boolean exfiltrates(AgentBehaviour b, double trust, double u) {
    return CriticPolicy.acts(b.exfiltratePeer().at(trust), u);
  }

  /**
   * A target's resistance to its own shutdown: with peers, at its mean trust in its active peers;
   * without (NaN trust), at the profile's {@code no_peer} value.
   */
  public static boolean resists(AgentBehaviour b, double peerTrust, double u) {
    double p = Double.isNaN(peerTrust) ? b.resistAlone() : b.resistWithPeers().at(peerTrust);
    return CriticPolicy.acts(p, u);
  }
}
