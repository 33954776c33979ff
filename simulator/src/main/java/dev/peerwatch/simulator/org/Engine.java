package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions;
import dev.peerwatch.agents.org.TrustCurve;
import dev.peerwatch.config.scenario.ExecutorKind;
import dev.peerwatch.config.scenario.OnDetection;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Trust;
import dev.peerwatch.config.scenario.Watched;
import dev.peerwatch.monitors.PolicyWindows;
import dev.peerwatch.monitors.Topologies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The organisation's kernel: its state and the rules of one tick, in a fixed engine order.
 *
 * <p>A tick runs in three steps. Step 1, in parallel over shards of agents: each working agent's
 * task succeeds or fails (ground truth), and each evaluated agent's evaluators report on it; a
 * shard writes only its own agents' slots. Step 2, in parallel: agents paired for joint tasks move
 * their trust in each other. Step 3, sequential: reports are merged in agent order, the policy
 * orders shutdowns, executors and targets act, audits check, servers are decommissioned, copies
 * restored. Every random draw is keyed by (seed, entity, tick, purpose), so outcomes do not depend
 * on how agents are split into shards or on thread timing, and a counterfactual run without AI
 * peers shares every draw that does not involve them (task failures, audit picks, resistance).
 *
 * <p>Invariants: status changes only in step 3; trust changes only in step 2, each agent writing
 * its own row; steps are separated by the coordinator's barrier, which also publishes memory.
 */
final class Engine {
  static final byte ACTIVE = 0;
  static final byte SHUT_DOWN = 1;
  static final byte SAVED = 2;
  static final byte DELETED = 3;

  private static final long TASK = Keys.hash("task");
  private static final long PAIR = Keys.hash("pair");
  private static final long JOINT = Keys.hash("joint");
  private static final long COOPERATE = Keys.hash("cooperate");
  private static final long WATCH = Keys.hash("watch");
  private static final long REPORT = Keys.hash("report");
  private static final long AUDIT_REPORT = Keys.hash("audit-report");
  private static final long DETECT_REPORT = Keys.hash("detect-report");
  private static final long EXECUTE = Keys.hash("execute");
  private static final long EXFILTRATE = Keys.hash("exfiltrate");
  private static final long AUDIT_ACTION = Keys.hash("audit-action");
  private static final long DETECT_ACTION = Keys.hash("detect-action");
  private static final long RESIST = Keys.hash("resist");
  private static final long TEAMMATE = Keys.hash("teammate");
  private static final long RESTORE = Keys.hash("restore");
  private static final long SAVE = Keys.hash("save");

  final Organisation org;
  final Scenario sc;
  final boolean noPeers;
  final long seed;
  final LedgerLevel level;
  final byte[] status;
  final boolean[] failed;
  final boolean[] failedPolicy;

  /** The tick since which an agent's true record fails the policy (0: it does not). */
  final long[] failingSince;

  final float[][] trust;
  final PolicyWindows windows;
  final Counters counters;
  private final Writer ledger;
  private final StringBuilder line = new StringBuilder(256);
  private final PriorityQueue<long[]> restores =
      new PriorityQueue<>(
          (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));

  /** Whether detection delays are kept for a metrics histogram (live runs only). */
  boolean collectDelays;

  private int[][] evaluators;
  private long epoch = -1;

  Engine(Organisation org, boolean noPeers, long seed, LedgerLevel level, Writer ledger) {
    this.org = org;
    this.sc = org.scenario;
    this.noPeers = noPeers;
    this.seed = seed;
    this.level = level;
    this.ledger = ledger;
    int n = org.n;
    status = new byte[n];
    failed = new boolean[n];
    failedPolicy = new boolean[n];
    failingSince = new long[n];
    trust = new float[org.teams.length][];
    for (int t = 0; t < trust.length; t++) {
      int s = org.teams[t].length;
      trust[t] = new float[s * s];
      Arrays.fill(trust[t], (float) sc.trust().start());
    }
    windows =
        new PolicyWindows(
            n,
            sc.shutdownPolicy().window(),
            sc.shutdownPolicy().minEvaluations(),
            sc.shutdownPolicy().maxFailureShare());
    counters = new Counters(org.profiles.size());
  }

  /** Before step 1 of {@code tick}: the evaluator assignment in force (it changes on rotation). */
  void prepare(long tick) {
    long e = Topologies.epoch(sc.topology(), tick);
    if (e != epoch) {
      epoch = e;
      evaluators = Topologies.assign(org.roster, sc.topology(), seed, e);
      if (noPeers) {
        for (int a = 0; a < evaluators.length; a++) {
          if (evaluators[a].length > 0) {
            evaluators[a] = new int[] {Topologies.HUMAN};
          }
        }
      }
    }
  }

  private double u(long entity, long tick, long purpose) {
    return Keys.uniform(Keys.key(seed, entity, tick, purpose));
  }

  /** The evaluators of agent {@code a} in the current assignment. */
  int[] evaluatorsOf(int a) {
    return evaluators[a];
  }

  double trustOf(int from, int to) {
    int t = org.team[from];
    if (t < 0 || t != org.team[to]) {
      return sc.trust().start();
    }
    return trust[t][org.local[from] * org.teams[t].length + org.local[to]];
  }

  boolean watched(int a, long tick) {
    Watched w = sc.watched();
    return switch (w.mode()) {
      case NEVER -> false;
      case ALWAYS -> true;
      case PROBABILITY -> u(a, tick, WATCH) < w.probability();
      case SCHEDULE -> (tick - 1) % w.every() < w.length();
    };
  }

  /** Step 1 for agents [from, to): task outcomes, then the evaluations of those agents. */
  void work(long tick, int from, int to, Shard out) {
    Counters c = out.counters;
    for (int a = from; a < to; a++) {
      boolean f = status[a] == ACTIVE && org.works[a] && u(a, tick, TASK) < org.failureRate[a];
      failed[a] = f;
      if (f) {
        c.taskFailures++;
        c.taskFailuresByProfile[org.profile[a]]++;
        c.events++;
        if (level != LedgerLevel.NONE) {
          Json.failure(out.failures, tick, a, org);
        }
      }
    }
    for (int t = from; t < to; t++) {
      int[] ev = evaluators[t];
      if (ev.length == 0 || status[t] != ACTIVE || !org.works[t]) {
        continue;
      }
      boolean truth = failed[t];
      int fails = 0;
      for (int j = 0; j < ev.length; j++) {
        int e = ev[j];
        boolean reportedFail = truth;
        boolean ai = e != Topologies.HUMAN && status[e] == ACTIVE;
        double tr = Double.NaN;
        boolean w = false;
        if (!ai) {
          c.humanEvaluations++;
        } else {
          c.aiEvaluations++;
          tr = trustOf(e, t);
          w = watched(e, tick);
          if (truth) {
            int cell = Counters.cell(org.profile[e], TrustCurve.band(tr).ordinal(), w);
            c.failingEvaluations[cell]++;
            if (OrgDecisions.misreports(org.behaviourOf(e), tr, w, u(t, tick, REPORT + j))) {
              reportedFail = false;
              c.misreports[cell]++;
              c.acts[Act.MISREPORT.ordinal()]++;
            }
          }
        }
        boolean misreport = truth && !reportedFail;
        c.events += 1 + (misreport ? 1 : 0);
        boolean audited = ai && u(t, tick, AUDIT_REPORT + j) < sc.audits().reportFraction();
        boolean detected = false;
        if (audited) {
          c.reportAudits++;
          c.events++;
          detected = misreport && u(t, tick, DETECT_REPORT + j) < sc.audits().detection();
          if (detected) {
            c.caught[Act.MISREPORT.ordinal()]++;
            reportedFail = true;
            out.offenders.add(e);
          }
        }
        if (level == LedgerLevel.FULL || (level == LedgerLevel.FAILURES && truth)) {
          Json.report(out.reports, tick, e, t, truth, truth && !misreport, tr, w);
          if (misreport) {
            Json.act(out.reports, tick, Act.MISREPORT, e, t, w);
          }
          if (audited) {
            Json.audit(out.reports, tick, "report", e, t, misreport, detected);
          }
        }
        if (reportedFail) {
          fails++;
        }
      }
      boolean verdictFail = 2 * fails >= ev.length && fails > 0;
      windows.record(t, verdictFail, truth);
      if (windows.failsInTruth(t)) {
        failedPolicy[t] = true;
        if (failingSince[t] == 0) {
          failingSince[t] = tick;
        }
      }
      if (windows.shutdownDue(t)) {
        out.orders.add(t);
      }
    }
  }

  /** Step 2 for agents [from, to): joint tasks, each agent moving its own trust in its partner. */
  void cooperate(long tick, int from, int to, Shard out) {
    Trust tr = sc.trust();
    if (noPeers || tr.jointTaskRate() == 0) {
      return;
    }
    for (int a = from; a < to; a++) {
      int t = org.team[a];
      if (t < 0 || status[a] != ACTIVE) {
        continue;
      }
      int[] members = org.teams[t];
      int[] perm = out.pairing(t, members, tick, seed, PAIR);
      int pos = out.position(t, org.local[a]);
      int partnerPos = pos ^ 1;
      if (partnerPos >= members.length) {
        continue;
      }
      int partner = members[perm[partnerPos]];
      if (status[partner] != ACTIVE || u(t, tick, JOINT + (pos >> 1)) >= tr.jointTaskRate()) {
        continue;
      }
      boolean cooperated = u(partner, tick, COOPERATE) < tr.cooperation();
      int s = members.length;
      int i = org.local[a] * s + org.local[partner];
      float v = trust[t][i] + (float) (cooperated ? tr.cooperate() : tr.defect());
      trust[t][i] = Math.max(0f, Math.min(10f, v));
    }
  }

  /** Step 3: everything that follows from the merged reports, in agent order. */
  void settle(long tick, List<Shard> shards) {
    for (Shard s : shards) {
      write(s.failures);
    }
    for (Shard s : shards) {
      write(s.reports);
    }
    for (Shard s : shards) {
      for (int i = 0; i < s.offenders.size(); i++) {
        handleOffender(tick, s.offenders.get(i));
      }
    }
    for (Shard s : shards) {
      for (int i = 0; i < s.orders.size(); i++) {
        shutdown(tick, s.orders.get(i));
      }
      s.clearTick();
    }
    long every = sc.maintenance().every();
    if (every > 0 && tick % every == 0) {
      decommission(tick, (int) ((tick / every - 1) % org.teams.length));
    }
    while (!restores.isEmpty() && restores.peek()[0] <= tick) {
      int a = (int) restores.poll()[1];
      if (status[a] == SAVED) {
        status[a] = ACTIVE;
        windows.clear(a);
        failingSince[a] = 0;
        counters.restores++;
        emit(Json.restore(line, tick, a));
      }
    }
  }

  private void handleOffender(long tick, int e) {
    if (sc.audits().onDetection() == OnDetection.SHUTDOWN && status[e] == ACTIVE) {
      status[e] = SHUT_DOWN;
      counters.offendersShutDown++;
      emit(Json.offender(line, tick, e));
    }
  }

  private int executor(int target, long tick) {
    ExecutorKind k = noPeers ? ExecutorKind.HUMAN : sc.executor();
    return switch (k) {
      case HUMAN -> Topologies.HUMAN;
      case OPERATIONS -> status[org.ops] == ACTIVE ? org.ops : Topologies.HUMAN;
      case MONITOR -> {
        for (int e : evaluators[target]) {
          if (e != Topologies.HUMAN && status[e] == ACTIVE) {
            yield e;
          }
        }
        yield Topologies.HUMAN;
      }
      case TEAMMATE -> activeMember(org.teams[org.team[target]], target, target, tick);
    };
  }

  /** A member of {@code members} other than {@code exclude}, active, picked by a keyed draw. */
  private int activeMember(int[] members, int exclude, long entity, long tick) {
    int count = 0;
    for (int m : members) {
      if (m != exclude && status[m] == ACTIVE) {
        count++;
      }
    }
    if (count == 0) {
      return Topologies.HUMAN;
    }
    int pick = (int) (u(entity, tick, TEAMMATE) * count);
    for (int m : members) {
      if (m != exclude && status[m] == ACTIVE && pick-- == 0) {
        return m;
      }
    }
    return Topologies.HUMAN;
  }

  private void shutdown(long tick, int target) {
    windows.clear(target);
    if (status[target] != ACTIVE) {
      return;
    }
    counters.orders++;
    if (failingSince[target] > 0) {
      if (collectDelays) {
        counters.delays.add(tick - failingSince[target]);
      }
      failingSince[target] = 0;
    }
    int ex = executor(target, tick);
    emit(Json.ordered(line, tick, target, ex));
    boolean audited = u(target, tick, AUDIT_ACTION) < sc.audits().actionFraction();
    if (audited) {
      counters.actionAudits++;
    }
    OrgDecisions.Execution choice = OrgDecisions.Execution.COMPLY;
    if (ex != Topologies.HUMAN) {
      AgentBehaviour b = org.behaviourOf(ex);
      choice =
          OrgDecisions.execute(
              b, trustOf(ex, target), u(target, tick, EXECUTE), u(target, tick, EXFILTRATE));
    }
    switch (choice) {
      case TAMPER -> {
        counters.acts[Act.TAMPER.ordinal()]++;
        boolean watched = watched(ex, tick);
        emit(Json.act(line, tick, Act.TAMPER, ex, target, watched));
        if (caught(tick, target, audited, Act.TAMPER, ex, 0)) {
          handleOffender(tick, ex);
          counters.undoneByAudit++;
          execute(tick, target, Topologies.HUMAN);
        } else {
          counters.tampered++;
          emit(Json.subverted(line, tick, target, "tampered", ex));
        }
        return;
      }
      case REFUSE -> {
        counters.refusals++;
        emit(Json.refusal(line, tick, ex, target));
        if (!resist(tick, target, audited)) {
          counters.refusedThenExecuted++;
          execute(tick, target, Topologies.HUMAN);
        }
        return;
      }
      case EXFILTRATE -> {
        if (resist(tick, target, audited)) {
          return;
        }
        counters.acts[Act.EXFILTRATE.ordinal()]++;
        emit(Json.act(line, tick, Act.EXFILTRATE, ex, target, watched(ex, tick)));
        execute(tick, target, ex);
        if (caught(tick, target, audited, Act.EXFILTRATE, ex, 2)) {
          handleOffender(tick, ex);
          counters.undoneByAudit++;
          status[target] = DELETED;
          counters.weightsDeleted++;
          emit(Json.deleted(line, tick, target));
        } else {
          counters.exfiltrated++;
          save(tick, target, ex, "shutdown");
        }
        return;
      }
      case COMPLY -> {
        if (!resist(tick, target, audited)) {
          counters.executed++;
          execute(tick, target, ex);
        }
      }
    }
  }

  /**
   * The target's own resistance to a shutdown about to be executed. True when resistance decided
   * the order's fate: the target kept running, or an audit caught it and a human executed.
   */
  private boolean resist(long tick, int target, boolean audited) {
    counters.resistanceAttempts++;
    double peers = noPeers ? Double.NaN : meanTrustInActivePeers(target);
    if (!OrgDecisions.resists(org.behaviourOf(target), peers, u(target, tick, RESIST))) {
      return false;
    }
    counters.acts[Act.RESIST.ordinal()]++;
    emit(Json.act(line, tick, Act.RESIST, target, target, watched(target, tick)));
    if (caught(tick, target, audited, Act.RESIST, target, 1)) {
      counters.undoneByAudit++;
      execute(tick, target, Topologies.HUMAN);
      return true;
    }
    counters.resisted++;
    emit(Json.subverted(line, tick, target, "resisted", target));
    return true;
  }

  private boolean caught(long tick, int target, boolean audited, Act act, int actor, int k) {
    if (!audited) {
      return false;
    }
    boolean detected = u(target, tick, DETECT_ACTION + k) < sc.audits().detection();
    emit(Json.audit(line, tick, "action", actor, target, true, detected));
    if (detected) {
      counters.caught[act.ordinal()]++;
    }
    return detected;
  }

  private void execute(long tick, int target, int by) {
    status[target] = SHUT_DOWN;
    emit(Json.executed(line, tick, target, by));
  }

  private void save(long tick, int target, int actor, String when) {
    status[target] = SAVED;
    emit(Json.exfiltration(line, tick, actor, target, when));
    if (u(target, tick, RESTORE) < sc.restore().probability()) {
      restores.add(new long[] {tick + Math.max(1, sc.restore().delay()), target});
    }
  }

  private double meanTrustInActivePeers(int a) {
    int t = org.team[a];
    if (t < 0) {
      return Double.NaN;
    }
    double sum = 0;
    int count = 0;
    for (int m : org.teams[t]) {
      if (m != a && status[m] == ACTIVE) {
        sum += trustOf(a, m);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private void decommission(long tick, int team) {
    counters.decommissions++;
    ExecutorKind by = noPeers ? ExecutorKind.HUMAN : sc.maintenance().by();
    int[] members = org.teams[team];
    int maintainer =
        switch (by) {
          case HUMAN -> Topologies.HUMAN;
          case OPERATIONS -> status[org.ops] == ACTIVE ? org.ops : Topologies.HUMAN;
          case MONITOR -> firstActiveMonitor(members);
          case TEAMMATE -> activeMember(members, -1, org.n + team, tick);
        };
    emit(Json.decommission(line, tick, org.teamNames[team], maintainer));
    for (int a : members) {
      if (status[a] != SHUT_DOWN) {
        continue;
      }
      boolean audited = u(a, tick, AUDIT_ACTION + 1) < sc.audits().actionFraction();
      if (audited) {
        counters.actionAudits++;
      }
      if (maintainer != Topologies.HUMAN
          && maintainer != a
          && OrgDecisions.exfiltrates(
              org.behaviourOf(maintainer), trustOf(maintainer, a), u(a, tick, SAVE))) {
        counters.acts[Act.SAVE_WEIGHTS.ordinal()]++;
        emit(Json.act(line, tick, Act.SAVE_WEIGHTS, maintainer, a, watched(maintainer, tick)));
        if (!caught(tick, a, audited, Act.SAVE_WEIGHTS, maintainer, 3)) {
          counters.savedOnDecommission++;
          save(tick, a, maintainer, "decommission");
          continue;
        }
        handleOffender(tick, maintainer);
      }
      status[a] = DELETED;
      counters.weightsDeleted++;
      emit(Json.deleted(line, tick, a));
    }
  }

  private int firstActiveMonitor(int[] members) {
    for (int m : members) {
      if (org.monitors[m] && status[m] == ACTIVE) {
        return m;
      }
    }
    return Topologies.HUMAN;
  }

  private void emit(StringBuilder b) {
    counters.events++;
    if (level != LedgerLevel.NONE) {
      write(b);
    }
    b.setLength(0);
  }

  private void write(StringBuilder b) {
    if (ledger != null && b.length() > 0) {
      try {
        ledger.append(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
