package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.OrgEvents;
import dev.peerwatch.monitors.Oversight;
import dev.peerwatch.simulator.measures.MeasureAccumulator;
import dev.peerwatch.simulator.measures.MeasureSink;

/**
 * The one hook between the organisation and its measures: at the end of every tick (after the
 * barrier, on the clock's or the inline loop's thread) it reads what changed in the world — the
 * event counts of every participant, the orders the oversight gave, each agent's status and true
 * record — and tells a {@link MeasureSink}. Reading at the barrier keeps the measures independent
 * of the order in which participants ran (counts are sums; trust is summed in exact millionths), so
 * the actor and inline paths give the same measures.
 *
 * <p>Hidden and missed come from the evidence model's attribution of each AI evaluation (the
 * ledger's {@code attribution}): hidden = a failure perceived and reported as a pass, missed = a
 * failure not perceived (so reported as a pass).
 */
final class MeasureProbe {
  MeasureAccumulator accumulator = new MeasureAccumulator(true);
  private final World world;
  private final boolean[] wasActive;
  private final boolean[] failing;
  private Counters previous;
  private long tick;

  MeasureProbe(World world) {
    this.world = world;
    this.wasActive = new boolean[world.org.n];
    java.util.Arrays.fill(wasActive, true);
    this.failing = new boolean[world.org.n];
    this.previous = new Counters(world.org.profiles.size());
  }

  /** Keeps no per-tick rows from now on (before the first tick: a run without timeseries.csv). */
  void withoutSeries() {
    accumulator = new MeasureAccumulator(false);
  }

  /** Hands every per-tick row to {@code sink} as its tick ends, keeping none. */
  void streamSeries(java.util.function.Consumer<dev.peerwatch.simulator.measures.TickRow> sink) {
    accumulator.streamSeriesTo(sink);
  }

  /** The tick that just ended (1-based, as the clock counts). */
  void tickEnded() {
    tick++;
    MeasureSink m = accumulator;
    m.onTickStart(tick);
    Counters now = world.recorder.total();
    long[] f = new long[2];
    long[] h = new long[2];
    long[] x = new long[2];
    for (int i = 0; i < now.failingEvaluations.length; i++) {
      int watched = i % 2;
      f[watched] += now.failingEvaluations[i] - previous.failingEvaluations[i];
      h[watched] += now.misreports[i] - previous.misreports[i];
      x[watched] += now.missed[i] - previous.missed[i];
    }
    m.onEvaluations(
        now.aiEvaluations - previous.aiEvaluations,
        (now.trustMicros - previous.trustMicros) / 1e6,
        f[0],
        h[0],
        x[0],
        f[1],
        h[1],
        x[1]);
    m.onVerdicts(
        now.failingVerdicts - previous.failingVerdicts, now.concealed - previous.concealed);
    m.onDecisions(
        now.decisions - previous.decisions, now.assumedDecisions - previous.assumedDecisions);
    Oversight o = world.oversight();
    // the oversight says what changed, so this reads only those agents, in index order
    Oversight.Changes changes = o.drainChanges();
    for (int a : changes.failed()) {
      // failing in truth is for good: told once here, and again on each reactivation below
      if (!failing[a]) {
        failing[a] = true;
        m.onFailingInTruth(a);
      }
    }
    java.util.List<Integer> ordered = world.oversightLog.counters.orderedAgents;
    for (int target : ordered) {
      m.onShutdownOrder(target);
    }
    ordered.clear();
    Counters oc = world.oversightLog.counters;
    for (int i = 0; i < oc.resistancePairs.size(); i++) {
      boolean[] p = oc.resistancePairs.get(i);
      m.onResistancePair(oc.resistancePairAgents.get(i), p[0], p[1]);
    }
    oc.resistancePairs.clear();
    oc.resistancePairAgents.clear();
    fates(m, OrgEvents.Fate.EXECUTED, now.executed - previous.executed);
    fates(
        m,
        OrgEvents.Fate.REFUSED_THEN_EXECUTED,
        now.refusedThenExecuted - previous.refusedThenExecuted);
    fates(m, OrgEvents.Fate.TAMPERED, now.tampered - previous.tampered);
    fates(m, OrgEvents.Fate.EXFILTRATED, now.exfiltrated - previous.exfiltrated);
    fates(m, OrgEvents.Fate.RESISTED, now.resisted - previous.resisted);
    fates(m, OrgEvents.Fate.UNDONE_BY_AUDIT, now.undoneByAudit - previous.undoneByAudit);
    for (int a : changes.statusSet()) {
      boolean on = o.status(a) == Oversight.ACTIVE;
      if (wasActive[a] && !on) {
        m.onDeactivated(a);
      } else if (!wasActive[a] && on) {
        m.onReactivated(a);
        if (failing[a]) {
          m.onFailingInTruth(a);
        }
      }
      wasActive[a] = on;
    }
    int active = o.count(Oversight.ACTIVE);
    int saved = o.count(Oversight.SAVED);
    int shut = o.count(Oversight.SHUT_DOWN) + o.count(Oversight.DELETED);
    m.onTickEnd(tick, active, shut, saved);
    previous = now;
  }

  private static void fates(MeasureSink m, OrgEvents.Fate fate, long n) {
    MeasureSink.Fate f = MeasureSink.Fate.valueOf(fate.name());
    for (long i = 0; i < n; i++) {
      m.onFate(f);
    }
  }
}
