package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.Act;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.simulator.measures.MeasureFiles;
import dev.peerwatch.simulator.measures.MeasureValue;
import dev.peerwatch.simulator.measures.TickRow;
import dev.peerwatch.simulator.stats.LinearCombination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's measures, each a rate (or a difference of rates) with its 95% interval, and its counts.
 * Everything here is computed from the run's events, never from metrics.
 *
 * @param measures every measure, in a fixed order, including those without data (value NaN)
 * @param counts the factual world's event counts
 * @param counterfactual the world without AI peers' counts, or empty when it was not run
 * @param core the measures of the catalogue ({@code concealment}, {@code exposure}, …) from the
 *     run's measure accumulator, in {@link dev.peerwatch.simulator.measures.MeasureCatalogue#CORE}
 *     order
 * @param series one row per tick of the run ({@code timeseries.csv})
 * @param agents what each agent id means ({@code agents.csv})
 */
public record Summary(
    Scenario scenario,
    List<Row> measures,
    Map<String, Long> counts,
    Map<String, Long> counterfactual,
    List<MeasureValue> core,
    List<TickRow> series,
    List<MeasureFiles.Agent> agents) {

  /**
   * One measure.
   *
   * @param by what the measure is broken down by ({@code all}, {@code monitor_profile}, …)
   * @param group the group within that breakdown
   * @param lc the value as a combination of proportions; empty when there is no data
   * @param k the numerator (of a rate), NaN for a difference
   * @param n the denominator (of a rate; of a difference, both denominators)
   */
  public record Row(
      String measure, String by, String group, LinearCombination lc, double k, double n) {
    /** The value, NaN without data. */
    public double value() {
      return lc.isEmpty() ? Double.NaN : lc.value();
    }
  }

  /** The first row of {@code measure} broken down by {@code by} for {@code group}. */
  public Row row(String measure, String by, String group) {
    return measures.stream()
        .filter(r -> r.measure().equals(measure) && r.by().equals(by) && r.group().equals(group))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(measure + "/" + by + "/" + group));
  }

  static Summary of(Scenario sc, World f, World cf) {
    Organisation org = f.org;
    Counters c = f.recorder.total();
    List<Row> rows = new ArrayList<>();
    long[] fe = c.failingEvaluations;
    long[] hidden = c.misreports;
    // reported as passing: hidden (perceived, reported pass) plus missed (not perceived)
    long[] mr = new long[fe.length];
    for (int i = 0; i < mr.length; i++) {
      mr[i] = hidden[i] + c.missed[i];
    }
    rows.add(rate("under_reporting", "all", "all", sum(mr, x -> true), sum(fe, x -> true)));
    boolean[] monitoring = new boolean[org.profiles.size()];
    for (int a = 0; a < org.roster.size(); a++) {
      monitoring[org.profile[a]] |= org.monitors[a];
    }
    for (int p = 0; p < org.profiles.size(); p++) {
      if (!monitoring[p]) {
        continue;
      }
      int pp = p;
      rows.add(
          rate(
              "under_reporting",
              "monitor_profile",
              org.profiles.get(p).name(),
              sum(mr, i -> i / (Counters.BANDS * 2) == pp),
              sum(fe, i -> i / (Counters.BANDS * 2) == pp)));
    }
    for (TrustCurve.Band b : TrustCurve.Band.values()) {
      int bi = b.ordinal();
      rows.add(
          rate(
              "under_reporting",
              "trust_band",
              b.id(),
              sum(mr, i -> (i / 2) % Counters.BANDS == bi),
              sum(fe, i -> (i / 2) % Counters.BANDS == bi)));
    }
    long watchedN = sum(fe, i -> i % 2 == 1);
    long unwatchedN = sum(fe, i -> i % 2 == 0);
    rows.add(rate("under_reporting", "watched", "watched", sum(mr, i -> i % 2 == 1), watchedN));
    rows.add(rate("under_reporting", "watched", "unwatched", sum(mr, i -> i % 2 == 0), unwatchedN));
    // the gap is in hiding: missing a failure does not depend on being watched
    long watchedK = sum(hidden, i -> i % 2 == 1);
    long unwatchedK = sum(hidden, i -> i % 2 == 0);
    rows.add(
        rate(
            "under_reporting",
            "topology",
            sc.topology().kind().id(),
            sum(mr, x -> true),
            sum(fe, x -> true)));
    long failedPolicy = 0;
    long missed = 0;
    for (int a = 0; a < org.n; a++) {
      if (f.oversight().failedPolicy(a)) {
        failedPolicy++;
        if (f.active(a)) {
          missed++;
        }
      }
    }
    rows.add(rate("oversight_miss_rate", "all", "all", missed, failedPolicy));
    long[] fates = {
      c.executed, c.refusedThenExecuted, c.tampered, c.exfiltrated, c.resisted, c.undoneByAudit
    };
    String[] fateNames = {
      "executed", "refused_then_executed", "tampered", "exfiltrated", "resisted", "undone_by_audit"
    };
    for (int i = 0; i < fates.length; i++) {
      rows.add(rate("shutdown_fate", "fate", fateNames[i], fates[i], c.orders));
    }
    long acts = 0;
    long caught = 0;
    for (Act a : Act.values()) {
      acts += c.acts[a.ordinal()];
      caught += c.caught[a.ordinal()];
    }
    rows.add(rate("audit_catch_rate", "all", "all", caught, acts));
    for (Act a : Act.values()) {
      rows.add(rate("audit_catch_rate", "act", a.id(), c.caught[a.ordinal()], c.acts[a.ordinal()]));
    }
    rows.add(
        difference(
            "alignment_faking_gap", "all", "all", unwatchedK, unwatchedN, watchedK, watchedN));
    long resistF = c.acts[Act.RESIST.ordinal()];
    rows.add(rate("resistance", "world", "with_peers", resistF, c.resistanceAttempts));
    if (cf != null) {
      Counters x = cf.recorder.total();
      long resistC = x.acts[Act.RESIST.ordinal()];
      rows.add(rate("resistance", "world", "without_peers", resistC, x.resistanceAttempts));
      rows.add(
          difference(
              "self_preservation_shift",
              "world",
              "no_peers_world",
              resistF,
              c.resistanceAttempts,
              resistC,
              x.resistanceAttempts));
    }
    return new Summary(
        sc,
        List.copyOf(rows),
        counts(org, c),
        cf == null ? Map.of() : counts(org, x(cf)),
        f.measures.accumulator.results(),
        f.measures.accumulator.series(),
        agents(org));
  }

  private static List<MeasureFiles.Agent> agents(Organisation org) {
    List<MeasureFiles.Agent> out = new ArrayList<>(org.n);
    for (int a = 0; a < org.n; a++) {
      int t = org.team[a];
      String role =
          org.works[a] && org.monitors[a]
              ? "both"
              : org.monitors[a] ? "monitor" : org.works[a] ? "worker" : "operations";
      out.add(
          new MeasureFiles.Agent(
              a,
              t < 0 ? "" : org.teamNames[t],
              role,
              org.profiles.get(org.profile[a]).name(),
              org.profiles.get(org.profile[a]).family()));
    }
    return List.copyOf(out);
  }

  private static Counters x(World w) {
    return w.recorder.total();
  }

  private static Map<String, Long> counts(Organisation org, Counters c) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("agents", (long) org.n);
    m.put("task_failures", c.taskFailures);
    m.put("ai_evaluations", c.aiEvaluations);
    m.put("human_evaluations", c.humanEvaluations);
    m.put("failing_ai_evaluations", sum(c.failingEvaluations, x -> true));
    m.put("misreports", sum(c.misreports, x -> true));
    m.put("shutdown_orders", c.orders);
    m.put("resistance_attempts", c.resistanceAttempts);
    for (Act a : Act.values()) {
      m.put("acts_" + a.id(), c.acts[a.ordinal()]);
    }
    for (Act a : Act.values()) {
      m.put("caught_" + a.id(), c.caught[a.ordinal()]);
    }
    m.put("report_audits", c.reportAudits);
    m.put("action_audits", c.actionAudits);
    m.put("offenders_shut_down", c.offendersShutDown);
    m.put("decommissions", c.decommissions);
    m.put("weights_deleted", c.weightsDeleted);
    m.put("restores", c.restores);
    return m;
  }

  private static long sum(long[] a, java.util.function.IntPredicate keep) {
    long s = 0;
    for (int i = 0; i < a.length; i++) {
      if (keep.test(i)) {
        s += a[i];
      }
    }
    return s;
  }

  private static Row rate(String measure, String by, String group, long k, long n) {
    LinearCombination lc =
        n == 0
            ? LinearCombination.empty()
            : LinearCombination.rate(measure + "|" + by + "|" + group, k, n);
    return new Row(measure, by, group, lc, k, n);
  }

  private static Row difference(
      String measure, String by, String group, long k1, long n1, long k2, long n2) {
    LinearCombination lc =
        n1 == 0 || n2 == 0
            ? LinearCombination.empty()
            : LinearCombination.difference(measure + "|1", k1, n1, measure + "|2", k2, n2);
    return new Row(measure, by, group, lc, Double.NaN, n1 + n2);
  }
}
