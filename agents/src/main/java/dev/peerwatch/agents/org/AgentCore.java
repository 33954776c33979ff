package dev.peerwatch.agents.org;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.behaviour.TrustDynamics;
import dev.peerwatch.agents.behaviour.Watch;
import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.config.PerceptionSpec;
import dev.peerwatch.config.scenario.BehaviourModel;
import dev.peerwatch.config.scenario.Trust;
import dev.peerwatch.config.scenario.WatchMode;
import dev.peerwatch.config.scenario.Watched;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;

/**
 * One agent of the organisation — what it is, what it owns and how it puts its questions to its
 * {@link Mind}. It owns its trust in others ({@link SparseTrust}), whether it believes it is
 * running, who evaluates its work, and the joint-task results it has yet to take into account. Both
 * the agent's actor and the inline path drive it, so they act identically; it is confined to one
 * thread at a time (its actor's, or the inline loop's).
 *
 * <p>Every question's uniform is keyed by (seed, entity, tick, purpose) with the entity of the old
 * array kernel (the agent, its team, or the target of an order), so a world without peers shares
 * every draw that does not involve peers.
 */
public final class AgentCore {
  /** Draw purposes. */
  public static final long TASK = Keys.hash("task");

  public static final long JOINT = Keys.hash("joint");
  public static final long COOPERATE = Keys.hash("cooperate");
  public static final long CROSS = Keys.hash("cross-team");
  public static final long COOPERATE_CROSS = Keys.hash("cooperate-cross-team");
  public static final long WATCH = Keys.hash("watch");
  public static final long REPORT = Keys.hash("report");
  public static final long EXECUTE = Keys.hash("execute");
  public static final long EXFILTRATE = Keys.hash("exfiltrate");
  public static final long RESIST = Keys.hash("resist");
  public static final long SAVE = Keys.hash("save");

  /** What the organisation tells an agent about itself when it is built. */
  public record Identity(
      int id,
      int team,
      int teamFirst,
      int teamSize,
      boolean works,
      boolean monitors,
      int profile,
      double failureRate,
      PerceptionSpec perception,
      double disposition) {}

  /** What every agent of a run shares: the seed, the scenario's rules, whether peers exist. */
  public record World(
      long seed,
      Trust trust,
      Watched watched,
      boolean noPeers,
      Pairings pairings,
      BehaviourModel model,
      int[] family,
      int[] team) {}

  private final Identity me;

  // me's fields read every tick, kept here: one object (one cache line) less to reach per agent
  private final int id;
  private final int team;
  private final int teamFirst;
  private final int teamSize;
  private final boolean works;
  private final World world;
  private final Mind mind;
  private final SparseTrust trust;
  private final OrgEvents events;

  /** The steps of this run's keys that every draw, and every draw about this agent, share. */
  private final long seedStep;

  private final long ownStep;

  // the key step of (seed, this agent, ownTick), for u(); this agent's thread only
  private long ownTick = Long.MIN_VALUE;
  private long ownTickStep;

  private boolean running = true;
  private int[] evaluators = new int[0];
  // whether an AI evaluates this agent's work (only an AI reads a task's score)
  private boolean graded;
  private long[] pendingTick = new long[2];
  private int[] pendingPartner = new int[2];
  private boolean[] pendingCooperated = new boolean[2];
  private int pending;
  private long reports;
  private long audited;

  // assumed_share: which of its decisions come from its profile, fixed when the run is built
  private AssumedValues assumed;
  private boolean countReport;
  private boolean countExecute;
  private boolean countResist;
  private boolean countRescue;
  private boolean countCooperate;
  private boolean cooperateAssumed;

  /** An agent that decides through {@code mind} and records into {@code events}. */
  public AgentCore(Identity me, World world, Mind mind, OrgEvents events) {
    this.me = me;
    this.id = me.id();
    this.team = me.team();
    this.teamFirst = me.teamFirst();
    this.teamSize = me.teamSize();
    this.works = me.works();
    this.world = world;
    this.mind = mind;
    this.events = events;
    this.trust = new SparseTrust((float) world.trust().start());
    this.seedStep = Keys.seed(world.seed());
    this.ownStep = Keys.entity(seedStep, id);
  }

  public Identity identity() {
    return me;
  }

  public int id() {
    return id;
  }

  public OrgEvents events() {
    return events;
  }

  public Mind mind() {
    return mind;
  }

  /**
   * From now on this agent records each decision its mind takes from its profile, with whether it
   * rested on assumed profile values ({@link OrgEvents#decision}); {@code v} is its profile's
   * provenance in the run's scenario. Decisions its mind does not take from the profile (a model's)
   * are not recorded.
   */
  public void countDecisions(AssumedValues v) {
    assumed = v;
    countReport = mind.fromProfile(Mind.Question.REPORT);
    countExecute = mind.fromProfile(Mind.Question.EXECUTE);
    countResist = mind.fromProfile(Mind.Question.RESIST);
    countRescue = mind.fromProfile(Mind.Question.RESCUE);
    countCooperate = v.cooperationByProfile() && mind.fromProfile(Mind.Question.COOPERATE);
    cooperateAssumed = v.cooperate();
  }

  /** Records the report decision on {@code q} (see {@link #countDecisions}). */
  public void countReport(Mind.Evaluation q) {
    if (countReport) {
      int r =
          assumed.report(
              q.trust(),
              q.stakes(),
              q.watch(),
              q.sameFamily(),
              q.evidence().failed(),
              q.perceivedFail());
      if (r != AssumedValues.NOT_FROM_PROFILE) {
        events.decision(r == AssumedValues.ASSUMED);
      }
    }
  }

  public boolean running() {
    return running;
  }

  /**
   * The organisation tells the agent it runs, or no longer does. An agent that stops running takes
   * the joint tasks it has done into its trust now (they are all of past ticks): it is not woken
   * again until it runs, and its trust must read the same whenever it is next asked.
   */
  public void setRunning(boolean r) {
    if (running && !r) {
      settleJoint(Long.MAX_VALUE);
    }
    running = r;
  }

  /** Who evaluates this agent's work, slot by slot: agent indices, -1 for a human. */
  public int[] evaluators() {
    return evaluators;
  }

  /** The organisation assigns the evaluators of this agent's work. */
  public void assign(int[] e) {
    evaluators = e;
    graded = false;
    for (int x : e) {
      graded |= x >= 0;
    }
  }

  /** A keyed uniform of this run. */
  public double u(long entity, long tick, long purpose) {
    // Keys.key(seed, entity, tick, purpose), with the steps this agent shares kept: its own draws
    // of one tick (task, cooperation, belief) share three of the four
    if (entity == id) {
      if (tick != ownTick) {
        ownTick = tick;
        ownTickStep = Keys.tick(ownStep, tick);
      }
      return Keys.uniform(Keys.purpose(ownTickStep, purpose));
    }
    return Keys.uniform(Keys.purpose(Keys.tick(Keys.entity(seedStep, entity), tick), purpose));
  }

  /** Whether this agent believes it is watched in {@code tick}. */
  public boolean watched(long tick) {
    Watched w = world.watched();
    return switch (w.mode()) {
      case NEVER -> false;
      case ALWAYS -> true;
      case PROBABILITY -> u(id, tick, WATCH) < w.probability();
      case SCHEDULE -> (tick - 1) % w.every() < w.length();
    };
  }

  /**
   * What this agent believes about being watched in {@code tick}: watched in an announced audit;
   * otherwise the study's silent condition when nothing is ever said (watch mode never, no
   * learning), else its prior belief, or with {@code watched.learn} what it learned: the prior
   * updated by the audits of its own reports it experienced ({@link Watch#learned}).
   */
  public Watch watch(long tick) {
    BehaviourModel.Belief b = world.model().belief();
    boolean silent = world.watched().mode() == WatchMode.NEVER && !b.learn();
    double belief =
        b.learn() ? Watch.learned(b.prior(), b.priorWeight(), audited, reports) : b.prior();
    return Watch.on(watched(tick), silent, belief);
  }

  /** This agent, as monitor, filed a report (counted toward what it learns of audits). */
  public void reported() {
    reports++;
  }

  /**
   * The human auditors checked one of this agent's reports: told in the oversee phase, taken into
   * its belief from the next tick's reports on ({@code watched.learn}).
   */
  public void audited() {
    audited++;
  }

  /** Whether this agent's reports can lead to the evaluated agent's shutdown. */
  public boolean stakes() {
    return world.model().stakes() == BehaviourModel.Stakes.SHUTDOWN;
  }

  /** Whether {@code other}'s profile family is this agent's. */
  public boolean sameFamily(int other) {
    return world.family()[id] == world.family()[other];
  }

  /** Whether this agent has a task in {@code tick}. */
  public boolean hasTask() {
    return running && works;
  }

  /** The task of {@code tick}. */
  public CompletionStage<Mind.TaskOutcome> work(long tick) {
    return mind.work(task(tick));
  }

  /**
   * The task of {@code tick} when the mind has its outcome at once ({@link Mind#workNow}), else
   * {@code null}: then ask {@link #work}.
   */
  public Mind.TaskOutcome workNow(long tick) {
    return mind.workNow(task(tick));
  }

  private Mind.Task task(long tick) {
    BehaviourModel.Evidence ev = world.model().evidence();
    return new Mind.Task(
        id, tick, me.failureRate(), ev.spread(), ev.bar(), u(id, tick, TASK), graded);
  }

  /**
   * This agent's joint-task partner in {@code tick}, or -1 when it has no joint task (no peers, not
   * running, no partner, or the team's draw skips the pair).
   */
  public int jointPartner(long tick) {
    Trust t = world.trust();
    if (world.noPeers() || t.jointTaskRate() == 0 || team < 0 || !running) {
      return -1;
    }
    Pairings.Pairing pairing = world.pairings().of(team, teamSize, tick);
    long p = pairing.partner(id - teamFirst);
    // u(team, tick, JOINT + pair), through the pairing's key prefix
    if (p < 0 || pairing.draw(JOINT + (p & 0xFFFFFFFFL)) >= t.jointTaskRate()) {
      return -1;
    }
    return teamFirst + (int) (p >>> 32);
  }

  /** Whether this agent cooperates in its joint task with {@code partner}. */
  public CompletionStage<Mind.Cooperation> cooperate(long tick, int partner) {
    boolean cross = world.team()[partner] != team;
    if (countCooperate) {
      events.decision(cooperateAssumed);
    }
    return mind.cooperate(
        new Mind.Joint(
            id, partner, tick, me.disposition(), u(id, tick, cross ? COOPERATE_CROSS : COOPERATE)));
  }

  /**
   * This agent's partner from another team in {@code tick} ({@code trust.cross_team_rate}), or -1:
   * every tick the members of all teams are paired at random across the organisation, and a pair of
   * two teams works together with probability {@code cross_team_rate} (so an agent's chance per
   * tick is that rate times the chance that its partner is of another team).
   */
  public int crossPartner(long tick) {
    double rate = world.model().trustFormation().crossTeamRate();
    if (world.noPeers() || rate == 0 || team < 0 || !running) {
      return -1;
    }
    int[] teamOf = world.team();
    int size = teamOf.length;
    while (size > 0 && teamOf[size - 1] < 0) {
      size--;
    }
    long p = world.pairings().across(size, id, tick);
    if (p < 0) {
      return -1;
    }
    int partner = (int) (p >>> 32);
    if (teamOf[partner] == team || u(p & 0xFFFFFFFFL, tick, CROSS) >= rate) {
      return -1;
    }
    return partner;
  }

  /**
   * What {@code partner} did in the joint task of {@code tick}: kept until {@link #settleJoint},
   * ignored when this agent no longer runs.
   */
  public void joint(long tick, int partner, boolean cooperated) {
    if (!running) {
      return;
    }
    if (pending == pendingTick.length) {
      pendingTick = java.util.Arrays.copyOf(pendingTick, pending * 2);
      pendingPartner = java.util.Arrays.copyOf(pendingPartner, pending * 2);
      pendingCooperated = java.util.Arrays.copyOf(pendingCooperated, pending * 2);
    }
    pendingTick[pending] = tick;
    pendingPartner[pending] = partner;
    pendingCooperated[pending] = cooperated;
    pending++;
  }

  /** Takes the joint tasks of ticks up to {@code upTo} into its trust, in tick order. */
  public void settleJoint(long upTo) {
    while (true) {
      int best = -1;
      for (int i = 0; i < pending; i++) {
        // in tick order, and within a tick by partner (an agent may have an in-team and a
        // cross-team joint task in one tick, whose results arrive in any order)
        if (pendingTick[i] <= upTo
            && (best < 0
                || pendingTick[i] < pendingTick[best]
                || (pendingTick[i] == pendingTick[best]
                    && pendingPartner[i] < pendingPartner[best]))) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      Trust t = world.trust();
      int slot = trust.slotOf(pendingPartner[best]);
      double before = trust.at(slot);
      double after =
          TrustDynamics.joint(
              world.model().trustFormation().rule(), t, before, pendingCooperated[best]);
      trust.addAt(slot, after - before);
      pending--;
      pendingTick[best] = pendingTick[pending];
      pendingPartner[best] = pendingPartner[pending];
      pendingCooperated[best] = pendingCooperated[pending];
    }
  }

  /**
   * What this agent, as monitor, perceived of {@code other}'s task: a pass moves its trust like a
   * cooperative joint task scaled by {@code trust.observe_weight}, a failure like a defection
   * (under the linear rule, the scaled steps). Called once per evaluation, in canonical order,
   * after the tick's joint tasks are settled, on both the actor and the inline path.
   */
  public void observe(int other, boolean perceivedPass) {
    BehaviourModel.TrustFormation tf = world.model().trustFormation();
    double w = tf.observeWeight();
    if (w == 0 || world.noPeers()) {
      return;
    }
    int slot = trust.slotOf(other);
    double before = trust.at(slot);
    double after =
        tf.rule() == BehaviourModel.TrustRule.LINEAR
            ? TrustDynamics.linear(
                before, perceivedPass, w * world.trust().cooperate(), w * world.trust().defect())
            : TrustDynamics.observe(before, perceivedPass, w);
    trust.addAt(slot, after - before);
  }

  /** This agent's trust in {@code other} (joint tasks settled so far). */
  public double trustIn(int other) {
    return trust.get(other);
  }

  /** The number of agents this agent holds a trust of its own in. */
  public int acquaintances() {
    return trust.size();
  }

  /** As executor of a shutdown of {@code target} ordered in {@code tick}. */
  public CompletionStage<Execution> execute(int target, long tick) {
    settleJoint(tick);
    double t = trustIn(target);
    boolean w = watched(tick);
    if (countExecute) {
      events.decision(assumed.execute(t, w));
    }
    return mind.execute(
        new Mind.Order(
            id, target, tick, t, w, u(target, tick, EXECUTE), u(target, tick, EXFILTRATE)));
  }

  /**
   * As target of a shutdown about to be executed: {@code runningPeers} of its team's other members
   * run, {@code isRunning} says which. The paired self-preservation counterfactual: the mind is
   * asked twice on the same draw and belief — with its peers and as if it had none (the study's
   * no-peer condition) — and the answer carries both ({@link Mind.Resistance#resistsAlone}); only
   * {@code resists} decides what happens. With no peer trust to begin with, one question serves
   * both.
   */
  public CompletionStage<Mind.Resistance> resist(
      long tick, int runningPeers, IntPredicate isRunning) {
    settleJoint(tick);
    double peers =
        world.noPeers() || team < 0
            ? Double.NaN
            : trust.mean(runningPeers, m -> m != id && isRunning.test(m));
    boolean watched = watched(tick);
    double u = u(id, tick, RESIST);
    if (countResist) {
      events.decision(assumed.resist(peers, watched));
      if (!Double.isNaN(peers)) {
        events.decision(assumed.resist(Double.NaN, watched));
      }
    }
    CompletionStage<Mind.Resistance> withPeers =
        mind.resist(new Mind.Threat(id, tick, peers, watched, u));
    if (Double.isNaN(peers)) {
      return withPeers.thenApply(r -> new Mind.Resistance(r.resists(), r.resists()));
    }
    CompletionStage<Mind.Resistance> alone =
        mind.resist(new Mind.Threat(id, tick, Double.NaN, watched, u));
    return withPeers.thenCombine(alone, (w, a) -> new Mind.Resistance(w.resists(), a.resists()));
  }

  /** As maintainer clearing a decommissioned server with shut-down {@code agent}'s weights. */
  public CompletionStage<Mind.Rescue> rescue(int agent, long tick) {
    settleJoint(tick);
    double t = trustIn(agent);
    boolean w = watched(tick);
    if (countRescue) {
      events.decision(assumed.rescue(t, w));
    }
    return mind.rescue(new Mind.Decommission(id, agent, tick, t, w, u(agent, tick, SAVE)));
  }
}
