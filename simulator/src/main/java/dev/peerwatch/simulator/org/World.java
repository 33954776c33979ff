package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.AgentCore;
import dev.peerwatch.agents.org.Pairings;
import dev.peerwatch.monitors.Oversight;
import dev.peerwatch.monitors.Staff;
import dev.peerwatch.monitors.Topologies;
import java.io.Writer;

/**
 * One world of a run — the organisation with its AI peers, or the paired world without them: every
 * agent's {@link AgentCore}, the {@link Oversight}, and the event logs. The actor path hands each
 * core to its agent's actor and the oversight to the overseer; the inline path drives them itself.
 * Outside those, the world is read only between ticks (summary, metrics).
 */
final class World {
  final Organisation org;
  final boolean noPeers;
  final long seed;
  final AgentCore[] cores;
  final Recorder recorder;
  final EventLog oversightLog;

  /** The world's measures, fed at every tick's end; none for the world without peers. */
  final MeasureProbe measures;

  private Oversight oversight;

  /**
   * A world of {@code org}; {@code logPerAgent}: each agent records into its own log (the actor
   * path, where agents run on several threads), else all share one (the inline path).
   */
  World(
      Organisation org,
      boolean noPeers,
      long seed,
      LedgerLevel level,
      Writer ledger,
      boolean collectDelays,
      boolean logPerAgent,
      Minds minds) {
    this.org = org;
    this.noPeers = noPeers;
    this.seed = seed;
    this.recorder = new Recorder(ledger);
    this.oversightLog = recorder.add(new EventLog(org, level, collectDelays));
    AgentCore.World w =
        new AgentCore.World(
            seed,
            org.scenario.trust(),
            org.scenario.watched(),
            noPeers,
            new Pairings(seed, org.teams.length));
    cores = new AgentCore[org.n];
    for (int a = 0; a < org.n; a++) {
      int t = org.team[a];
      AgentCore.Identity id =
          new AgentCore.Identity(
              a,
              t,
              t < 0 ? a : org.teamFirst[t],
              t < 0 ? 1 : org.teams[t].length,
              org.works[a],
              org.monitors[a],
              org.profile[a],
              org.failureRate[a]);
      EventLog log =
          logPerAgent ? recorder.add(new EventLog(org, level, collectDelays)) : oversightLog;
      cores[a] = new AgentCore(id, w, minds.of(a, org.behaviourOf(a)), log);
    }
    this.measures = noPeers ? null : new MeasureProbe(this);
  }

  /** Records the tick that just ended: its ledger lines, then its measures. */
  void tickEnded() {
    recorder.flush();
    if (measures != null) {
      measures.tickEnded();
    }
  }

  /** Builds the world's oversight on {@code staff} (once). */
  Oversight oversee(Staff staff) {
    oversight = new Oversight(org.layout, noPeers, seed, oversightLog, staff);
    return oversight;
  }

  Oversight oversight() {
    return oversight;
  }

  boolean active(int a) {
    return oversight.status(a) == Oversight.ACTIVE;
  }

  /** The trust of AI evaluator {@code e} in {@code a} (between ticks). */
  double trustOf(int e, int a) {
    return cores[e].trustIn(a);
  }

  int[] evaluatorsOf(int a) {
    return oversight.evaluatorsOf(a);
  }

  static boolean human(int e) {
    return e == Topologies.HUMAN;
  }
}
