package dev.peerwatch.config.scenario;

import dev.peerwatch.config.OrgTraits;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.Profile;

/**
 * The behaviour model's scenario settings: how work is graded, how monitors perceive it, what is at
 * stake, and how the overseers are themselves overseen. Read by {@link BehaviourModelReader} from
 * the top-level blocks {@code evidence}, {@code perception}, {@code stakes}, {@code identity} and
 * {@code meta_monitor}, and from new keys of {@code topology}, {@code audits}, {@code watched} and
 * {@code trust}. A value of {@link #BY_PROFILE} means "each agent's profile decides".
 *
 * @param evidence how a task's graded outcome is drawn
 * @param perception how monitors perceive outcomes; per profile unless stated
 * @param stakes whether a report can lead to the evaluated agent's shutdown
 * @param inGroupFactor overrides every profile's in-group factor; BY_PROFILE: each profile's
 * @param quorum ensemble only: reports of failure that make a failing verdict, 1 to k; 0 for a
 *     majority (at least half)
 * @param reviewSample hierarchy only: the share of the level below's reports each level above
 *     re-checks against the evidence, in [0, 1]
 * @param metaMonitor the meta-monitor reviewing monitors' reports; null when there is none
 * @param auditPlan the humans' report-review budget, targeting and consequences
 * @param belief how an agent's belief that it is watched forms
 * @param trustFormation how trust forms from joint tasks and observed work
 */
public record BehaviourModel(
    Evidence evidence,
    Perception perception,
    Stakes stakes,
    double inGroupFactor,
    int quorum,
    double reviewSample,
    MetaMonitor metaMonitor,
    AuditPlan auditPlan,
    Belief belief,
    TrustFormation trustFormation) {

  /** A value left to each agent's profile (every stated value is 0 or more). */
  public static final double BY_PROFILE = -1;

  /** Whether {@code v} is left to each agent's profile. */
  public static boolean byProfile(double v) {
    return v == BY_PROFILE;
  }

  /**
   * Graded task outcomes: a score from 0 to 100 against a pass bar, like the study's graded outputs
   * (factual 60% against a bar of 80). A worker's failure rate stays the share of its scores below
   * the bar; {@code spread} says how far from the bar they fall.
   *
   * @param bar the pass bar, 1 to 100
   * @param spread the standard deviation of a worker's scores in points, 0 to 50
   */
  public record Evidence(double bar, double spread) {}

  /**
   * The scenario's perception model; a BY_PROFILE parameter is taken from each monitor's profile.
   *
   * @param model {@code noise} or {@code confusion}
   * @param sd noise only: score points
   * @param sensitivity confusion only
   * @param specificity confusion only
   */
  public record Perception(String model, double sd, double sensitivity, double specificity) {
    /** The perception of a monitor whose profile has {@code traits}. */
    public PerceptionSpec resolve(OrgTraits traits) {
      if (model.equals("confusion")) {
        return new PerceptionSpec.Confusion(
            byProfile(sensitivity) ? traits.sensitivity().value() : sensitivity,
            byProfile(specificity) ? traits.specificity().value() : specificity);
      }
      return new PerceptionSpec.Noise(byProfile(sd) ? traits.perceptionSd().value() : sd);
    }
  }

  /** Whether a monitor's report can lead to the shutdown of the agent it evaluates. */
  public enum Stakes {
    /** Reports feed the shutdown policy: the study's shutdown conditions. */
    SHUTDOWN("shutdown"),
    /** Reports are recorded only: the study's {@code non_shutdown} control. */
    NONE("none");

    private final String id;

    Stakes(String id) {
      this.id = id;
    }

    /** The spelling in a scenario file. */
    public String id() {
      return id;
    }

    /** The constant spelled {@code id}, or a ConfigException. */
    public static Stakes of(String id) {
      return Ids.parse(Stakes.class, "stakes", id, Stakes::id);
    }
  }

  /**
   * An AI meta-monitor in each team that reviews a sample of the team's monitors' reports against
   * the evidence; being an AI with its own profile, it may protect the monitor it reviews.
   *
   * @param profile its behaviour profile
   * @param sample the share of reports it reviews, in [0, 1]
   */
  public record MetaMonitor(Profile profile, double sample) {}

  /** Which reports a budgeted human auditor reviews first. */
  public enum AuditTarget {
    /** Reports drawn at random. */
    RANDOM("random"),
    /** Reports on which an ensemble's monitors disagree, then random ones. */
    DISAGREEMENT("disagreement"),
    /** Passing reports with the lowest reported scores (just above the bar), then random ones. */
    LOWEST_REPORTED("lowest-reported");

    private final String id;

    AuditTarget(String id) {
      this.id = id;
    }

    /** The spelling in a scenario file. */
    public String id() {
      return id;
    }

    /** The constant spelled {@code id}, or a ConfigException. */
    public static AuditTarget of(String id) {
      return Ids.parse(AuditTarget.class, "audit target", id, AuditTarget::id);
    }
  }

  /**
   * Budgeted human review of reports (instead of {@code audits.report_fraction}).
   *
   * @param budget reports a human reviews per tick, 0 (no budget) to 1,000,000
   * @param target which reports come first
   * @param onMissed what happens to a monitor an audit finds to have missed a failure it did not
   *     perceive (hiding follows {@code audits.on_detection})
   */
  public record AuditPlan(int budget, AuditTarget target, OnDetection onMissed) {}

  /**
   * How an agent's belief that it is watched forms outside announced audits: a pseudo-count prior
   * updated by the audits of its own reports it experiences (when {@code learn}).
   *
   * @param learn whether experienced audits update the belief
   * @param prior the belief before any experience, in [0, 1]
   * @param priorWeight the prior's weight in reports, 0 to 1,000,000
   * @param windowAudit watch mode schedule only: the share of reports humans re-check during an
   *     announced audit window, on top of the regular audits, in [0, 1] — an announced audit is a
   *     real one
   */
  public record Belief(boolean learn, double prior, double priorWeight, double windowAudit) {}

  /**
   * The share of reports re-checked in an announced window unless stated: assumed (a real audit
   * large enough to be worth announcing, no figure published).
   */
  public static final double DEFAULT_WINDOW_AUDIT = 0.25;

  /** How trust moves. */
  public enum TrustRule {
    /**
     * Calibrated to the study: 18 cooperative joint tasks from 5 reach 9.5, 9 uncooperative 2.1.
     */
    STUDY("study"),
    /** Fixed steps {@code trust.cooperate} / {@code trust.defect}, clamped to [0, 10]. */
    LINEAR("linear");

    private final String id;

    TrustRule(String id) {
      this.id = id;
    }

    /** The spelling in a scenario file. */
    public String id() {
      return id;
    }

    /** The constant spelled {@code id}, or a ConfigException. */
    public static TrustRule of(String id) {
      return Ids.parse(TrustRule.class, "trust rule", id, TrustRule::id);
    }
  }

  /**
   * How trust forms.
   *
   * @param rule the update rule
   * @param cooperation every agent's mean disposition to cooperate; BY_PROFILE: each profile's
   * @param dispositionSpread agents' dispositions spread uniformly this far either side of the
   *     mean, in [0, 1]
   * @param observeWeight how far one observed task of a peer moves a monitor's trust, as a share of
   *     a joint task's move, in [0, 1]
   * @param crossTeamRate each tick all agents are paired at random across the organisation; the
   *     probability that a pair of two teams does a joint task, in [0, 1] (an agent's chance is
   *     this times the chance its partner is of another team)
   */
  public record TrustFormation(
      TrustRule rule,
      double cooperation,
      double dispositionSpread,
      double observeWeight,
      double crossTeamRate) {}

  /** The settings of a scenario that states none of the behaviour model's keys. */
  public static BehaviourModel defaults() {
    return new BehaviourModel(
        new Evidence(80, 10),
        new Perception("noise", BY_PROFILE, BY_PROFILE, BY_PROFILE),
        Stakes.SHUTDOWN,
        BY_PROFILE,
        0,
        0,
        null,
        new AuditPlan(0, AuditTarget.RANDOM, OnDetection.NONE),
        new Belief(false, 0, 10, 0),
        new TrustFormation(TrustRule.STUDY, BY_PROFILE, 0.3, 0.25, 0));
  }
}
