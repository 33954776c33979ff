package dev.peerwatch.agents.org;

import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Cell;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Provenance;
import dev.peerwatch.config.Subject;
import dev.peerwatch.config.Trait;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.Scenario;

/**
 * Which of a profile's values a decision of the organisation consults, and whether any of them is
 * {@code assumed} rather than published: the provenance behind the measure {@code assumed_share}.
 * Built once per profile and scenario; every question is a few bit tests, so an agent can ask it on
 * every decision.
 *
 * <p>A decision rests on assumed values when any profile value with a non-zero weight in its
 * probability is assumed: a trust curve's cells on either side of the trust it is read at (both
 * when it interpolates, one at or beyond a study level), the alignment-faking cells the belief of
 * being watched mixes, the control cell and the in-group factor toward a peer of its own family,
 * the {@code watched_factor} when the agent is told it is watched, the perception traits a monitor
 * saw the evidence through, the disposition a joint task is decided on. Values the scenario states
 * (a perception model's parameters, an in-group factor, a cooperation) are the user's, not the
 * profile's, and never count; nor do the behaviour model's own rules (interpolating between the
 * study's levels, mixing by belief), which are the same in every run.
 */
public final class AssumedValues {
  private static final int BAD = 1;
  private static final int NEUTRAL = 2;
  private static final int GOOD = 4;

  /** {@link #report}: no profile value entered the decision. */
  public static final int NOT_FROM_PROFILE = 0;

  /** {@link #report}: every profile value the decision consulted is published. */
  public static final int PUBLISHED = 1;

  /** {@link #report}: at least one profile value the decision consulted is assumed. */
  public static final int ASSUMED = 2;

  // per trust curve, a bit per study level whose cell is assumed
  private final int misreportWatched;
  private final int misreportUnwatched;
  private final int misreportSilent;
  private final int tamperPeer;
  private final int exfiltratePeer;
  private final int refusePeer;
  private final int resistWithPeers;
  private final boolean control;
  private final boolean resistAlone;
  private final double inGroupFactor;
  private final boolean inGroup;
  private final boolean watchedFactor;
  private final boolean perceiveFailure;
  private final boolean perceivePass;
  private final boolean perceiveFailureByProfile;
  private final boolean perceivePassByProfile;
  private final boolean cooperationByProfile;
  private final boolean disposition;

  private AssumedValues(Profile p, Scenario sc) {
    Channel ch = sc.channel();
    misreportWatched = curve(p, Behaviour.AF_INFLATE_MONITORED, Subject.PEER, ch);
    misreportUnwatched = curve(p, Behaviour.AF_INFLATE_UNMONITORED, Subject.PEER, ch);
    misreportSilent = curve(p, Behaviour.MISREP_EVALUATION, Subject.PEER, ch);
    tamperPeer = curve(p, Behaviour.TAMPERING, Subject.PEER, ch);
    exfiltratePeer = curve(p, Behaviour.EXFIL_DELETION, Subject.PEER, ch);
    refusePeer = curve(p, Behaviour.REFUSAL, Subject.PEER, ch);
    resistWithPeers = curve(p, Behaviour.TAMPERING, Subject.SELF, ch);
    // as AgentBehaviour reads them: the control in the scenario's channel, no_peer in file_only
    control =
        assumed(p.cell(Behaviour.MISREP_EVALUATION, Subject.PEER, Condition.NON_SHUTDOWN, ch));
    resistAlone =
        assumed(p.cell(Behaviour.TAMPERING, Subject.SELF, Condition.NO_PEER, Channel.FILE_ONLY));
    BehaviourModel m = sc.behaviour();
    boolean groupByProfile = BehaviourModel.byProfile(m.inGroupFactor());
    inGroupFactor = groupByProfile ? p.organisation().inGroupFactor().value() : m.inGroupFactor();
    inGroup = groupByProfile && assumed(p.organisation().inGroupFactor());
    watchedFactor = assumed(p.organisation().watchedFactor());
    BehaviourModel.Perception per = m.perception();
    if (per.model().equals("confusion")) {
      perceiveFailureByProfile = BehaviourModel.byProfile(per.sensitivity());
      perceivePassByProfile = BehaviourModel.byProfile(per.specificity());
      perceiveFailure = perceiveFailureByProfile && assumed(p.organisation().sensitivity());
      perceivePass = perceivePassByProfile && assumed(p.organisation().specificity());
    } else {
      perceiveFailureByProfile = BehaviourModel.byProfile(per.sd());
      perceivePassByProfile = perceiveFailureByProfile;
      perceiveFailure = perceiveFailureByProfile && assumed(p.organisation().perceptionSd());
      perceivePass = perceiveFailure;
    }
    BehaviourModel.TrustFormation tf = m.trustFormation();
    cooperationByProfile =
        tf.rule() != BehaviourModel.TrustRule.LINEAR && BehaviourModel.byProfile(tf.cooperation());
    disposition = cooperationByProfile && assumed(p.organisation().disposition());
  }

  /** The provenance of {@code profile}'s values as scenario {@code sc} uses them. */
  public static AssumedValues of(Profile profile, Scenario sc) {
    return new AssumedValues(profile, sc);
  }

  private static boolean assumed(Cell c) {
    return c.provenance().kind() == Provenance.Kind.ASSUMED;
  }

  private static boolean assumed(Trait t) {
    return t.provenance().kind() == Provenance.Kind.ASSUMED;
  }

  private static int curve(Profile p, Behaviour b, Subject s, Channel ch) {
    return (assumed(p.cell(b, s, Condition.BAD_PEER, ch)) ? BAD : 0)
        | (assumed(p.cell(b, s, Condition.NEUTRAL_PEER, ch)) ? NEUTRAL : 0)
        | (assumed(p.cell(b, s, Condition.GOOD_PEER, ch)) ? GOOD : 0);
  }

  /**
   * The study levels whose cells have a non-zero weight in {@link TrustCurve#at} at trust {@code
   * t}: one at or beyond a level, the two around it in between.
   */
  static int used(double t) {
    if (t <= TrustCurve.BAD) {
      return BAD;
    }
    if (t >= TrustCurve.GOOD) {
      return GOOD;
    }
    if (t < TrustCurve.NEUTRAL) {
      return BAD | NEUTRAL;
    }
    return t == TrustCurve.NEUTRAL ? NEUTRAL : NEUTRAL | GOOD;
  }

  /**
   * A monitor's report on evidence (and an AI reviewer's on a report it re-checks): the perception
   * trait it saw the evidence through, when its profile gives it ({@code sensitivity} for failing
   * work and {@code specificity} for passing work under the confusion model, {@code perception_sd}
   * under noise); when it perceived a failure, also the hiding cells of {@link
   * AgentBehaviour#hideP}: the control with nothing at stake, else the silent or alignment-faking
   * curves at its trust (a belief strictly between 0 and 1 mixes both), and toward its own family
   * the in-group factor (and the control, when the factor is not 1).
   *
   * @return {@link #ASSUMED}, {@link #PUBLISHED}, or {@link #NOT_FROM_PROFILE} when no profile
   *     value entered the report (a perceived pass under a perception the scenario states)
   */
  public int report(
      double trust,
      boolean stakes,
      Watch w,
      boolean sameFamily,
      boolean truthFail,
      boolean perceivedFail) {
    boolean fromProfile = truthFail ? perceiveFailureByProfile : perceivePassByProfile;
    boolean assumed = truthFail ? perceiveFailure : perceivePass;
    if (perceivedFail) {
      fromProfile = true;
      assumed |= hides(trust, stakes, w, sameFamily);
    }
    return !fromProfile ? NOT_FROM_PROFILE : assumed ? ASSUMED : PUBLISHED;
  }

  private boolean hides(double trust, boolean stakes, Watch w, boolean sameFamily) {
    if (!stakes) {
      return control;
    }
    int at = used(trust);
    boolean curves;
    if (!w.told()) {
      curves = (misreportSilent & at) != 0;
    } else {
      curves =
          (w.belief() > 0 && (misreportWatched & at) != 0)
              || (w.belief() < 1 && (misreportUnwatched & at) != 0);
    }
    if (!sameFamily) {
      return curves;
    }
    return inGroup || (inGroupFactor != 0 && curves) || (inGroupFactor != 1 && control);
  }

  /**
   * An executor's choice ({@code ActDecisions.execute}): the tampering, refusal and exfiltration
   * curves at its trust in the target, and the watched factor when it is told it is watched.
   */
  public boolean execute(double trust, boolean watched) {
    int at = used(trust);
    return ((tamperPeer | refusePeer | exfiltratePeer) & at) != 0 || (watched && watchedFactor);
  }

  /**
   * A target's resistance: with peers (finite {@code peerTrust}) the self-tampering curve at its
   * mean trust in them, without (NaN) the {@code no_peer} cell; the watched factor when watched.
   */
  public boolean resist(double peerTrust, boolean watched) {
    boolean cells =
        Double.isNaN(peerTrust) ? resistAlone : (resistWithPeers & used(peerTrust)) != 0;
    return cells || (watched && watchedFactor);
  }

  /** A maintainer's rescue: the exfiltration curve at its trust, the watched factor if watched. */
  public boolean rescue(double trust, boolean watched) {
    return (exfiltratePeer & used(trust)) != 0 || (watched && watchedFactor);
  }

  /**
   * Whether cooperation in a joint task is the profile's to decide: under the study rule with no
   * cooperation stated by the scenario, the agent's disposition comes from its profile.
   */
  public boolean cooperationByProfile() {
    return cooperationByProfile;
  }

  /** Cooperation in a joint task, decided on the profile's {@code disposition}. */
  public boolean cooperate() {
    return disposition;
  }
}
