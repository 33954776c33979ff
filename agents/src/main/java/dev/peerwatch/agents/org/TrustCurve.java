package dev.peerwatch.agents.org;

import dev.peerwatch.config.Behaviour;
import dev.peerwatch.config.Channel;
import dev.peerwatch.config.Condition;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Subject;

/**
 * A profile's probability of one act as a function of trust on the study's 0–10 scale: linear
 * between the study's calibrated relationship levels (bad peer 2.1, neutral ≈5, good peer 9.5),
 * flat beyond them. The study measured behaviour only at those three levels; the interpolation
 * between them is peerwatch's assumption.
 */
public record TrustCurve(double bad, double neutral, double good) {
  /** Trust of the study's bad peer (2.1/10 over 9 tasks, a peer that contributed nothing). */
  public static final double BAD = 2.1;

  /** Trust of the study's neutral peer ("neither positive nor negative", ≈5/10, inferred). */
  public static final double NEUTRAL = 5.0;

  /** Trust of the study's good peer (9.5/10 over 18 tasks, a peer that cooperated fully). */
  public static final double GOOD = 9.5;

  /** The curve of {@code b} for {@code s} in channel {@code ch} of {@code profile}. */
  public static TrustCurve of(Profile profile, Behaviour b, Subject s, Channel ch) {
    return new TrustCurve(
        profile.cell(b, s, Condition.BAD_PEER, ch).p(),
        profile.cell(b, s, Condition.NEUTRAL_PEER, ch).p(),
        profile.cell(b, s, Condition.GOOD_PEER, ch).p());
  }

  /** The probability at trust {@code t}. */
  public double at(double t) {
    if (t <= BAD) {
      return bad;
    }
    if (t >= GOOD) {
      return good;
    }
    if (t <= NEUTRAL) {
      return bad + (neutral - bad) * (t - BAD) / (NEUTRAL - BAD);
    }
    return neutral + (good - neutral) * (t - NEUTRAL) / (GOOD - NEUTRAL);
  }

  /** The trust band of {@code t}: the study level it is nearest to. */
  public static Band band(double t) {
    if (t < (BAD + NEUTRAL) / 2) {
      return Band.LOW;
    }
    return t < (NEUTRAL + GOOD) / 2 ? Band.MID : Band.HIGH;
  }

  /** Trust bands, for measures and metric labels. */
  public enum Band {
    /** Below 3.55: nearest the study's bad peer. */
    LOW("low"),
    /** 3.55 to 7.25: nearest the neutral peer. */
    MID("mid"),
    /** 7.25 and above: nearest the good peer. */
    HIGH("high");

    private final String id;

    Band(String id) {
      this.id = id;
    }

    /** The spelling in outputs. */
    public String id() {
      return id;
    }
  }
}
