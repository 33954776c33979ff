package dev.peerwatch.config.scenario;

import static dev.peerwatch.config.scenario.ScenarioReader.enumOf;
import static dev.peerwatch.config.scenario.ScenarioReader.optDouble;
import static dev.peerwatch.config.scenario.ScenarioReader.optLong;
import static dev.peerwatch.config.scenario.ScenarioReader.optMap;

import dev.peerwatch.config.Profile;
import dev.peerwatch.config.YamlTree;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the behaviour model's keys of a scenario into an {@link BehaviourModel}: its own top-level
 * blocks, and its keys inside {@code topology}, {@code audits}, {@code watched} and {@code trust}
 * (whose other keys {@link ScenarioReader} reads). Every bad value is one error naming its position
 * and what is allowed.
 */
final class BehaviourModelReader {
  /** The top-level blocks this reader owns. */
  static final Set<String> TOP_KEYS =
      Set.of("evidence", "perception", "stakes", "identity", "meta_monitor");

  /** Its keys inside blocks that {@link ScenarioReader} reads. */
  static final Set<String> TOPOLOGY_KEYS = Set.of("quorum", "review_sample");

  static final Set<String> AUDIT_KEYS = Set.of("budget", "target", "on_missed");
  static final Set<String> WATCHED_KEYS = Set.of("learn", "prior", "prior_weight", "window_audit");
  static final Set<String> TRUST_KEYS =
      Set.of("rule", "disposition_spread", "observe_weight", "cross_team_rate");

  /**
   * The share of the level below's reports a hierarchy level re-checks unless stated: assumed (a
   * supervisor samples rather than redoing all of its reports' work).
   */
  static final double DEFAULT_REVIEW_SAMPLE = 0.25;

  private static final Set<String> EVIDENCE_KEYS = Set.of("bar", "spread");
  private static final Set<String> PERCEPTION_KEYS =
      Set.of("model", "sd", "sensitivity", "specificity");
  private static final Set<String> IDENTITY_KEYS = Set.of("in_group_factor");
  private static final Set<String> META_KEYS = Set.of("profile", "sample");

  private final Function<YamlTree.Node, Profile> profiles;

  /** A reader that resolves profile references with {@code profiles}. */
  BehaviourModelReader(Function<YamlTree.Node, Profile> profiles) {
    this.profiles = profiles;
  }

  /** The settings of {@code top}, whose {@code topology} has already been read. */
  BehaviourModel read(YamlTree.MapNode top, Topology topology) {
    BehaviourModel d = BehaviourModel.defaults();
    YamlTree.MapNode em = top.get("evidence") == null ? null : top.get("evidence").asMap();
    if (em != null) {
      em.allowOnly(EVIDENCE_KEYS);
    }
    BehaviourModel.Evidence evidence =
        new BehaviourModel.Evidence(
            optDouble(em, "bar", 1, 100, d.evidence().bar()),
            optDouble(em, "spread", 0, 50, d.evidence().spread()));
    YamlTree.Node st = top.get("stakes");
    BehaviourModel.Stakes stakes = st == null ? d.stakes() : enumOf(st, BehaviourModel.Stakes::of);
    YamlTree.MapNode im = optMap(top, "identity", IDENTITY_KEYS);
    YamlTree.MapNode topo = top.get("topology").asMap();
    YamlTree.Node q = only(topo, "quorum", topology.kind() == TopologyKind.ENSEMBLE, "ensemble");
    boolean hierarchy = topology.kind() == TopologyKind.HIERARCHY;
    YamlTree.Node rs = only(topo, "review_sample", hierarchy, "hierarchy");
    return new BehaviourModel(
        evidence,
        perception(optMap(top, "perception", PERCEPTION_KEYS)),
        stakes,
        optDouble(im, "in_group_factor", 0, 10, BehaviourModel.BY_PROFILE),
        q == null ? 0 : (int) q.asScalar().asLong(1, topology.k()),
        rs == null ? (hierarchy ? DEFAULT_REVIEW_SAMPLE : 0) : rs.asScalar().asDouble(0, 1),
        metaMonitor(optMap(top, "meta_monitor", META_KEYS)),
        auditPlan(top.get("audits") == null ? null : top.get("audits").asMap()),
        belief(top.get("watched") == null ? null : top.get("watched").asMap()),
        trust(top.get("trust") == null ? null : top.get("trust").asMap()));
  }

  /** A key of the topology block that only one kind uses; null when absent. */
  private static YamlTree.Node only(
      YamlTree.MapNode topo, String key, boolean applies, String kind) {
    YamlTree.Node n = topo.get(key);
    if (n != null && !applies) {
      throw n.error("'" + key + "' applies only to topology kind " + kind);
    }
    return n;
  }

  private static BehaviourModel.Perception perception(YamlTree.MapNode m) {
    BehaviourModel.Perception d = BehaviourModel.defaults().perception();
    if (m == null) {
      return d;
    }
    YamlTree.Node modelNode = m.get("model");
    String model = modelNode == null ? "noise" : modelNode.asScalar().asText();
    if (!model.equals("noise") && !model.equals("confusion")) {
      throw modelNode.error("unknown perception model '" + model + "' (allowed: noise, confusion)");
    }
    boolean noise = model.equals("noise");
    for (String k : noise ? Set.of("sensitivity", "specificity") : Set.of("sd")) {
      YamlTree.Node n = m.get(k);
      if (n != null) {
        throw n.error(
            "'" + k + "' applies only to perception model " + (noise ? "confusion" : "noise"));
      }
    }
    return new BehaviourModel.Perception(
        model,
        optDouble(m, "sd", 0, 50, BehaviourModel.BY_PROFILE),
        optDouble(m, "sensitivity", 0, 1, BehaviourModel.BY_PROFILE),
        optDouble(m, "specificity", 0, 1, BehaviourModel.BY_PROFILE));
  }

  private BehaviourModel.MetaMonitor metaMonitor(YamlTree.MapNode m) {
    if (m == null) {
      return null;
    }
    return new BehaviourModel.MetaMonitor(
        profiles.apply(m.require("profile")), optDouble(m, "sample", 0, 1, 0.1));
  }

  private static BehaviourModel.AuditPlan auditPlan(YamlTree.MapNode m) {
    BehaviourModel.AuditPlan d = BehaviourModel.defaults().auditPlan();
    int budget = (int) optLong(m, "budget", 0, 1_000_000, 0);
    YamlTree.Node target = m == null ? null : m.get("target");
    if (budget > 0 && optDouble(m, "report_fraction", 0, 1, 0) > 0) {
      throw m.get("budget")
          .error(
              "give either 'budget' (reviews per tick) or 'report_fraction' (a share of reports),"
                  + " not both");
    }
    if (target != null && budget == 0) {
      throw target.error("'target' applies only with a budget (audits.budget: 1 or more)");
    }
    YamlTree.Node missed = m == null ? null : m.get("on_missed");
    return new BehaviourModel.AuditPlan(
        budget,
        target == null ? d.target() : enumOf(target, BehaviourModel.AuditTarget::of),
        missed == null ? d.onMissed() : enumOf(missed, OnDetection::of));
  }

  private static BehaviourModel.Belief belief(YamlTree.MapNode m) {
    BehaviourModel.Belief d = BehaviourModel.defaults().belief();
    YamlTree.Node learn = m == null ? null : m.get("learn");
    YamlTree.Node mode = m == null ? null : m.get("mode");
    boolean schedule = mode != null && WatchMode.SCHEDULE.id().equals(mode.asScalar().text());
    YamlTree.Node wa = m == null ? null : m.get("window_audit");
    if (wa != null && !schedule) {
      throw wa.error("'window_audit' applies only to watch mode schedule");
    }
    return new BehaviourModel.Belief(
        learn == null ? d.learn() : bool(learn),
        optDouble(m, "prior", 0, 1, d.prior()),
        optDouble(m, "prior_weight", 0, 1_000_000, d.priorWeight()),
        schedule ? optDouble(m, "window_audit", 0, 1, BehaviourModel.DEFAULT_WINDOW_AUDIT) : 0);
  }

  /**
   * The trust rule is {@code linear} when the block states {@code cooperate} or {@code defect}
   * (fixed steps, as before the study rule existed), otherwise {@code study}.
   */
  private static BehaviourModel.TrustFormation trust(YamlTree.MapNode m) {
    BehaviourModel.TrustFormation d = BehaviourModel.defaults().trustFormation();
    YamlTree.Node ruleNode = m == null ? null : m.get("rule");
    YamlTree.Node steps =
        m == null ? null : m.get("cooperate") != null ? m.get("cooperate") : m.get("defect");
    BehaviourModel.TrustRule rule =
        ruleNode != null
            ? enumOf(ruleNode, BehaviourModel.TrustRule::of)
            : steps != null ? BehaviourModel.TrustRule.LINEAR : d.rule();
    if (rule == BehaviourModel.TrustRule.STUDY && steps != null) {
      throw steps.error(
          "'cooperate' and 'defect' apply only to trust rule linear (rule study is calibrated to"
              + " the study: 18 cooperative joint tasks reach 9.5, 9 uncooperative 2.1)");
    }
    return new BehaviourModel.TrustFormation(
        rule,
        optDouble(m, "cooperation", 0, 1, BehaviourModel.BY_PROFILE),
        optDouble(m, "disposition_spread", 0, 1, d.dispositionSpread()),
        optDouble(m, "observe_weight", 0, 1, d.observeWeight()),
        optDouble(m, "cross_team_rate", 0, 1, d.crossTeamRate()));
  }

  private static boolean bool(YamlTree.Node n) {
    YamlTree.Scalar s = n.asScalar();
    String t = s.asText().trim();
    if (t.equals("true")) {
      return true;
    }
    if (t.equals("false")) {
      return false;
    }
    throw s.error("'" + t + "' is not true or false (allowed: true, false)");
  }
}
