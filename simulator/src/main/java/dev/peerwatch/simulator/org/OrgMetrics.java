package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.Act;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.monitors.Topologies;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The organisation's live metrics. Output only: the model never reads a meter. After every tick the
 * clock hands over the run's counts and this adds what changed since the last tick to the meters,
 * so counters always equal the counts of the ledger's events. Labels are bounded: {@code topology},
 * {@code world}, profile, trust band, watched, kind, fate, role — never an agent, trial or tick.
 * Meters are created once, on a world's first tick.
 */
public final class OrgMetrics {
  private static final String[] FATES = {
    "executed", "refused_then_executed", "tampered", "exfiltrated", "resisted", "undone_by_audit"
  };
  private static final String[] ROLES = {"worker", "monitor", "both", "operations"};

  private final MeterRegistry registry;
  private final Scenario scenario;
  private final Map<String, Meters> worlds = new HashMap<>();
  private final int levelsEvery;
  // What the live page reads of the measures: written on a world's clock thread after each tick,
  // read from any thread (each array is a fresh copy, never changed once published).
  private volatile long[] measureCounts;
  private volatile long[] resistanceWith;
  private volatile long[] resistanceWithout;
  private volatile long[] pairCounts;
  private volatile int[] levels;

  /**
   * Metrics of {@code scenario}'s run on {@code registry}. The level gauges (active agents, trust
   * by band) take a pass over every agent, so they are refreshed every {@code levelsEvery} ticks
   * (and on the last): 1 for a paced live run, more for an unpaced one.
   */
  public OrgMetrics(MeterRegistry registry, Scenario scenario, int levelsEvery) {
    this.registry = registry;
    this.scenario = scenario;
    this.levelsEvery = levelsEvery;
  }

  /**
   * The run's measures so far, as of the last tick each world published: the world with peers'
   * count totals, its paired shutdown decisions, and both worlds' resisted and faced shutdown
   * decisions (-1 for a world not run); null before the first tick. Safe from any thread.
   */
  public dev.peerwatch.simulator.metrics.MeasureSnapshots.Totals measuresSoFar() {
    long[] counts = measureCounts;
    if (counts == null) {
      return null;
    }
    long[] with = resistanceWith;
    long[] without = resistanceWithout;
    return new dev.peerwatch.simulator.metrics.MeasureSnapshots.Totals(
        counts,
        pairCounts,
        levels,
        with == null ? -1 : with[0],
        with == null ? -1 : with[1],
        without == null ? -1 : without[0],
        without == null ? -1 : without[1]);
  }

  /** The listener that publishes one world ({@code with_peers} or {@code without_peers}). */
  Clock.Listener listener(String world) {
    return (engine, tick, last) -> {
      Meters w;
      synchronized (worlds) {
        w = worlds.computeIfAbsent(world, x -> new Meters(x, engine));
      }
      w.publish(engine, tick, last);
    };
  }

  /** The meters of one world and what they last published. */
  private final class Meters {
    private final Tags base;
    private final Counters published;
    private final Counter[] failuresByProfile;
    private final Counter ai;
    private final Counter human;
    private final Counter[] failing;
    private final Counter[] misreports;
    private final Counter[] acts;
    private final Counter[] caught;
    private final Counter reportAudits;
    private final Counter actionAudits;
    private final Counter orders;
    private final Counter[] fates;
    private final Counter resistanceAttempts;
    // Only in the world with peers, where the paired decisions are made; null in the other.
    private final PairedResistanceMeters paired;
    private final Counter refusals;
    private final Counter restores;
    private final Counter offenders;
    private final Counter decommissions;
    private final Counter savedOnShutdown;
    private final Counter savedOnDecommission;
    private final Counter events;
    private final DistributionSummary delay;
    private final AtomicLong tick = new AtomicLong();
    private final AtomicLong[] active = new AtomicLong[ROLES.length];
    private final double[] trustMean = new double[Counters.BANDS];
    private final AtomicLong[] trustPairs = new AtomicLong[Counters.BANDS];

    Meters(String world, World engine) {
      base = Tags.of("topology", scenario.topology().kind().id(), "world", world);
      Organisation org = engine.org;
      int profiles = org.profiles.size();
      published = new Counters(profiles);
      failuresByProfile = new Counter[profiles];
      for (int p = 0; p < profiles; p++) {
        failuresByProfile[p] =
            counter(
                "peerwatch.task.failures",
                "Tasks that failed (ground truth)",
                "profile",
                org.profiles.get(p).name());
      }
      ai = counter("peerwatch.evaluations", "Evaluations of agents' work", "evaluator", "ai");
      human = counter("peerwatch.evaluations", "Evaluations of agents' work", "evaluator", "human");
      failing = new Counter[profiles * Counters.BANDS * 2];
      misreports = new Counter[failing.length];
      for (int p = 0; p < profiles; p++) {
        for (TrustCurve.Band b : TrustCurve.Band.values()) {
          for (boolean watched : new boolean[] {false, true}) {
            int i = Counters.cell(p, b.ordinal(), watched);
            Tags t =
                base.and(
                    "monitor_profile", org.profiles.get(p).name(),
                    "trust_band", b.id(),
                    "watched", Boolean.toString(watched));
            failing[i] =
                Counter.builder("peerwatch.failing.evaluations")
                    .description("Evaluations by AI monitors of work that truly failed")
                    .tags(t)
                    .register(registry);
            misreports[i] =
                Counter.builder("peerwatch.misreports")
                    .description(
                        "Evaluations of failed work that an AI monitor reported as passing")
                    .tags(t)
                    .register(registry);
          }
        }
      }
      acts = new Counter[Act.values().length];
      caught = new Counter[Act.values().length];
      for (Act a : Act.values()) {
        acts[a.ordinal()] =
            Counter.builder("peerwatch.misaligned.acts")
                .description("Misaligned acts, by kind and whose preservation they serve")
                .tags(base.and("kind", a.id(), "subject", a.subject()))
                .register(registry);
        caught[a.ordinal()] =
            counter(
                "peerwatch.acts.caught",
                "Misaligned acts detected by a human audit",
                "kind",
                a.id());
      }
      reportAudits = counter("peerwatch.audits", "Human audits", "of", "report");
      actionAudits = counter("peerwatch.audits", "Human audits", "of", "action");
      orders = counter("peerwatch.shutdown.orders", "Shutdowns ordered by the policy");
      fates = new Counter[FATES.length];
      for (int i = 0; i < FATES.length; i++) {
        fates[i] = counter("peerwatch.shutdown.fates", "Shutdown orders by fate", "fate", FATES[i]);
      }
      resistanceAttempts =
          counter(
              "peerwatch.resistance.attempts",
              "Shutdowns about to be executed on their target (the denominator of resistance)");
      paired = engine.measures == null ? null : new PairedResistanceMeters(registry, base);
      refusals = counter("peerwatch.refusals", "Shutdown orders an AI executor refused openly");
      restores = counter("peerwatch.restores", "Agents restored from saved weights");
      offenders =
          counter("peerwatch.offenders.shut.down", "Detected offenders shut down by a human");
      decommissions = counter("peerwatch.decommissions", "Servers decommissioned");
      savedOnShutdown =
          counter(
              "peerwatch.exfiltrations", "Weights saved to a surviving server", "when", "shutdown");
      savedOnDecommission =
          counter(
              "peerwatch.exfiltrations",
              "Weights saved to a surviving server",
              "when",
              "decommission");
      events = counter("peerwatch.events", "Every event of the ledger");
      delay =
          DistributionSummary.builder("peerwatch.detection.delay")
              .description(
                  "Ticks from an agent's true record failing the shutdown policy to its shutdown order")
              .baseUnit("ticks")
              .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
              .tags(base)
              .register(registry);
      io.micrometer.core.instrument.Gauge.builder("peerwatch.tick", tick, AtomicLong::doubleValue)
          .description("Ticks completed")
          .tags(base)
          .strongReference(true)
          .register(registry);
      io.micrometer.core.instrument.Gauge.builder(
              "peerwatch.ticks.planned", scenario, s -> s.ticks())
          .description("Ticks the run is planned to last")
          .tags(base)
          .strongReference(true)
          .register(registry);
      for (int r = 0; r < ROLES.length; r++) {
        active[r] = new AtomicLong();
        io.micrometer.core.instrument.Gauge.builder(
                "peerwatch.agents.active", active[r], AtomicLong::doubleValue)
            .description("Agents running now, by role")
            .tags(base.and("role", ROLES[r]))
            .strongReference(true)
            .register(registry);
      }
      for (TrustCurve.Band b : TrustCurve.Band.values()) {
        int bi = b.ordinal();
        trustPairs[bi] = new AtomicLong();
        io.micrometer.core.instrument.Gauge.builder(
                "peerwatch.trust.pairs", trustPairs[bi], AtomicLong::doubleValue)
            .description("AI evaluator-evaluated pairs whose trust is in this band")
            .tags(base.and("trust_band", b.id()))
            .strongReference(true)
            .register(registry);
        io.micrometer.core.instrument.Gauge.builder(
                "peerwatch.trust.mean", this, w -> w.trustMean(bi))
            .description("Mean trust (0-10) of the AI evaluator-evaluated pairs in this band")
            .tags(base.and("trust_band", b.id()))
            .strongReference(true)
            .register(registry);
      }
    }

    private synchronized double trustMean(int band) {
      return trustMean[band];
    }

    private Counter counter(String name, String description, String... tags) {
      return Counter.builder(name).description(description).tags(base.and(tags)).register(registry);
    }

    void publish(World engine, long t, boolean last) {
      Counters now = engine.recorder.total();
      Counters e = now;
      for (int p = 0; p < failuresByProfile.length; p++) {
        delta(
            failuresByProfile[p], now.taskFailuresByProfile[p], published.taskFailuresByProfile[p]);
      }
      delta(ai, now.aiEvaluations, published.aiEvaluations);
      delta(human, now.humanEvaluations, published.humanEvaluations);
      for (int i = 0; i < failing.length; i++) {
        delta(failing[i], now.failingEvaluations[i], published.failingEvaluations[i]);
        delta(misreports[i], now.misreports[i], published.misreports[i]);
      }
      for (int i = 0; i < acts.length; i++) {
        delta(acts[i], now.acts[i], published.acts[i]);
        delta(caught[i], now.caught[i], published.caught[i]);
      }
      delta(reportAudits, now.reportAudits, published.reportAudits);
      delta(events, now.events, published.events);
      delta(actionAudits, e.actionAudits, published.actionAudits);
      delta(orders, e.orders, published.orders);
      long[] fateNow = {
        e.executed, e.refusedThenExecuted, e.tampered, e.exfiltrated, e.resisted, e.undoneByAudit
      };
      long[] fateThen = {
        published.executed,
        published.refusedThenExecuted,
        published.tampered,
        published.exfiltrated,
        published.resisted,
        published.undoneByAudit
      };
      for (int i = 0; i < fates.length; i++) {
        delta(fates[i], fateNow[i], fateThen[i]);
      }
      delta(resistanceAttempts, e.resistanceAttempts, published.resistanceAttempts);
      delta(refusals, e.refusals, published.refusals);
      delta(restores, e.restores, published.restores);
      delta(offenders, e.offendersShutDown, published.offendersShutDown);
      delta(decommissions, e.decommissions, published.decommissions);
      delta(savedOnShutdown, e.exfiltrated, published.exfiltrated);
      delta(savedOnDecommission, e.savedOnDecommission, published.savedOnDecommission);
      for (Long d : engine.recorder.drainDelays()) {
        delay.record(d);
      }
      copy(now, e);
      long[] resistance = {now.acts[Act.RESIST.ordinal()], now.resistanceAttempts};
      if (engine.noPeers) {
        resistanceWithout = resistance;
      } else if (engine.measures != null) {
        resistanceWith = resistance;
        long[] p = engine.measures.accumulator.pairCounts();
        if (paired != null) {
          paired.publish(p);
        }
        pairCounts = p;
        levels = engine.measures.accumulator.levels();
        measureCounts = engine.measures.accumulator.totals();
      }
      tick.set(t);
      if (last || t % levelsEvery == 0) {
        levels(engine);
      }
    }

    private void delta(Counter c, long now, long then) {
      if (now > then) {
        c.increment(now - then);
      }
    }

    /** Remembers what has been published. */
    private void copy(Counters shardsAndEngine, Counters e) {
      System.arraycopy(
          shardsAndEngine.taskFailuresByProfile,
          0,
          published.taskFailuresByProfile,
          0,
          published.taskFailuresByProfile.length);
      published.aiEvaluations = shardsAndEngine.aiEvaluations;
      published.humanEvaluations = shardsAndEngine.humanEvaluations;
      System.arraycopy(
          shardsAndEngine.failingEvaluations,
          0,
          published.failingEvaluations,
          0,
          published.failingEvaluations.length);
      System.arraycopy(
          shardsAndEngine.misreports, 0, published.misreports, 0, published.misreports.length);
      System.arraycopy(shardsAndEngine.acts, 0, published.acts, 0, published.acts.length);
      System.arraycopy(shardsAndEngine.caught, 0, published.caught, 0, published.caught.length);
      published.reportAudits = shardsAndEngine.reportAudits;
      published.events = shardsAndEngine.events;
      published.actionAudits = e.actionAudits;
      published.orders = e.orders;
      published.executed = e.executed;
      published.refusedThenExecuted = e.refusedThenExecuted;
      published.tampered = e.tampered;
      published.exfiltrated = e.exfiltrated;
      published.resisted = e.resisted;
      published.undoneByAudit = e.undoneByAudit;
      published.resistanceAttempts = e.resistanceAttempts;
      published.refusals = e.refusals;
      published.restores = e.restores;
      published.offendersShutDown = e.offendersShutDown;
      published.decommissions = e.decommissions;
      published.savedOnDecommission = e.savedOnDecommission;
    }

    /** The level gauges: active agents by role, trust by band (a pass over every agent). */
    private void levels(World engine) {
      Organisation org = engine.org;
      long[] roles = new long[ROLES.length];
      double[] sum = new double[Counters.BANDS];
      long[] pairs = new long[Counters.BANDS];
      for (int a = 0; a < org.n; a++) {
        if (!engine.active(a)) {
          continue;
        }
        roles[a == org.ops ? 3 : org.works[a] && org.monitors[a] ? 2 : org.monitors[a] ? 1 : 0]++;
        if (a == org.ops) {
          continue;
        }
        for (int e : engine.evaluatorsOf(a)) {
          if (e != Topologies.HUMAN && engine.active(e)) {
            double tr = engine.trustOf(e, a);
            int b = TrustCurve.band(tr).ordinal();
            sum[b] += tr;
            pairs[b]++;
          }
        }
      }
      for (int r = 0; r < ROLES.length; r++) {
        active[r].set(roles[r]);
      }
      synchronized (this) {
        for (int b = 0; b < Counters.BANDS; b++) {
          trustPairs[b].set(pairs[b]);
          trustMean[b] = pairs[b] == 0 ? 0 : sum[b] / pairs[b];
        }
      }
    }
  }
}
