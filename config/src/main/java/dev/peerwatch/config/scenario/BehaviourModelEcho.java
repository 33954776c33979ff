package dev.peerwatch.config.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes an {@link BehaviourModel} into a scenario's effective tree ({@link Scenarios#effective}),
 * so that loading the echo gives the same settings: its keys join the {@code topology}, {@code
 * audits}, {@code watched} and {@code trust} maps, its blocks follow them. A value that each
 * profile decides ({@link BehaviourModel#BY_PROFILE}) is left out.
 */
final class BehaviourModelEcho {
  private BehaviourModelEcho() {}

  @SuppressWarnings("unchecked")
  static void addTo(
      Map<String, Object> m, BehaviourModel o, Function<dev.peerwatch.config.Profile, String> ref) {
    Map<String, Object> topo = (Map<String, Object>) m.get("topology");
    if (o.quorum() > 0) {
      topo.put("quorum", o.quorum());
    }
    if (topo.get("kind").equals(TopologyKind.HIERARCHY.id())) {
      topo.put("review_sample", o.reviewSample());
    }
    Map<String, Object> audits = (Map<String, Object>) m.get("audits");
    if (o.auditPlan().budget() > 0) {
      audits.remove("report_fraction");
      audits.put("budget", o.auditPlan().budget());
      audits.put("target", o.auditPlan().target().id());
    }
    audits.put("on_missed", o.auditPlan().onMissed().id());
    Map<String, Object> watched = (Map<String, Object>) m.get("watched");
    watched.put("learn", o.belief().learn());
    watched.put("prior", o.belief().prior());
    watched.put("prior_weight", o.belief().priorWeight());
    if (watched.get("mode").equals(WatchMode.SCHEDULE.id())) {
      watched.put("window_audit", o.belief().windowAudit());
    }
    Map<String, Object> trust = (Map<String, Object>) m.get("trust");
    BehaviourModel.TrustFormation tf = o.trustFormation();
    trust.put("rule", tf.rule().id());
    if (tf.rule() == BehaviourModel.TrustRule.STUDY) {
      trust.remove("cooperate");
      trust.remove("defect");
    }
    if (BehaviourModel.byProfile(tf.cooperation())) {
      trust.remove("cooperation");
    }
    trust.put("disposition_spread", tf.dispositionSpread());
    trust.put("observe_weight", tf.observeWeight());
    trust.put("cross_team_rate", tf.crossTeamRate());
    m.put("evidence", map("bar", o.evidence().bar(), "spread", o.evidence().spread()));
    BehaviourModel.Perception p = o.perception();
    Map<String, Object> pm = map("model", p.model());
    putKnown(pm, "sd", p.sd());
    putKnown(pm, "sensitivity", p.sensitivity());
    putKnown(pm, "specificity", p.specificity());
    m.put("perception", pm);
    m.put("stakes", o.stakes().id());
    if (!BehaviourModel.byProfile(o.inGroupFactor())) {
      m.put("identity", map("in_group_factor", o.inGroupFactor()));
    }
    if (o.metaMonitor() != null) {
      m.put(
          "meta_monitor",
          map("profile", ref.apply(o.metaMonitor().profile()), "sample", o.metaMonitor().sample()));
    }
  }

  private static void putKnown(Map<String, Object> m, String key, double v) {
    if (!BehaviourModel.byProfile(v)) {
      m.put(key, v);
    }
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
