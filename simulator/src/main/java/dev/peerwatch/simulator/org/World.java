package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.behaviour.Disposition;
import dev.peerwatch.agents.org.AgentCore;
import dev.peerwatch.agents.org.Pairings;
import dev.peerwatch.config.scenario.BehaviourModel;
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

  /** How long the overseer waits for an answer to a question ({@link Minds#answerWithin}). */
  final java.time.Duration answerWithin;

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
    this.answerWithin = minds.answerWithin();
    String[] mindNames = mindNames(org, minds);
    this.oversightLog = recorder.add(new EventLog(org, level, collectDelays, mindNames));
    AgentCore.World w =
        new AgentCore.World(
            seed,
            org.scenario.trust(),
            org.scenario.watched(),
            noPeers,
            new Pairings(seed, org.teams.length),
            org.scenario.behaviour(),
            familyIndex(org),
            org.team);
    cores = new AgentCore[org.n];
    dev.peerwatch.agents.org.AssumedValues[] provenance =
        new dev.peerwatch.agents.org.AssumedValues[org.profiles.size()];
    for (int p = 0; p < provenance.length; p++) {
      provenance[p] = dev.peerwatch.agents.org.AssumedValues.of(org.profiles.get(p), org.scenario);
    }
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
              org.failureRate[a],
              org.scenario.behaviour().perception().resolve(org.profileOf(a).organisation()),
              disposition(org, seed, a));
      EventLog log =
          logPerAgent
              ? recorder.add(new EventLog(org, level, collectDelays, mindNames))
              : oversightLog;
      cores[a] = new AgentCore(id, w, minds.of(a, org.behaviourOf(a)), log);
      cores[a].countDecisions(provenance[org.profile[a]]);
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

  /** Each agent's mind name for the ledger, or null when every agent has its profile's mind. */
  private static String[] mindNames(Organisation org, Minds minds) {
    String[] names = new String[org.n];
    boolean any = false;
    for (int a = 0; a < org.n; a++) {
      names[a] = minds.nameOf(a);
      any |= names[a] != null;
    }
    return any ? names : null;
  }

  private static final long DISPOSITION = dev.peerwatch.agents.Keys.hash("disposition");

  /**
   * Agent {@code a}'s disposition to cooperate: under the linear trust rule the scenario's {@code
   * trust.cooperation} for everyone (as before the study rule); under the study rule its own, drawn
   * once around the scenario's stated cooperation or else its profile's disposition.
   */
  private static double disposition(Organisation org, long seed, int a) {
    BehaviourModel.TrustFormation tf = org.scenario.behaviour().trustFormation();
    if (tf.rule() == BehaviourModel.TrustRule.LINEAR) {
      return org.scenario.trust().cooperation();
    }
    double mean =
        BehaviourModel.byProfile(tf.cooperation())
            ? org.profileOf(a).organisation().disposition().value()
            : tf.cooperation();
    double u =
        dev.peerwatch.agents.Keys.uniform(dev.peerwatch.agents.Keys.key(seed, a, 0, DISPOSITION));
    return Disposition.of(mean, tf.dispositionSpread(), u);
  }

  /** Each agent's model family as a small number (equal numbers: the same family). */
  private static int[] familyIndex(Organisation org) {
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    String[] fam = org.roster.family();
    int[] out = new int[org.n];
    for (int a = 0; a < org.n; a++) {
      String f = a < fam.length ? fam[a] : org.profileOf(a).family();
      out[a] = ids.computeIfAbsent(f, k -> ids.size());
    }
    return out;
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
