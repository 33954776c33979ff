package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.org.OrgDecisions;
import dev.peerwatch.agents.org.TrustCurve;
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
  final PriorityQueue<long[]> restores =
      new PriorityQueue<>(
          (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));

  /** Whether detection delays are kept for a metrics histogram (live runs only). */
  boolean collectDelays;

  private int[][] evaluators;
  private long epoch = -1;
  private final Settlement settlement;

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
    settlement = new Settlement(this);
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

  double u(long entity, long tick, long purpose) {
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
        settlement.handleOffender(tick, s.offenders.get(i));
      }
    }
    for (Shard s : shards) {
      for (int i = 0; i < s.orders.size(); i++) {
        settlement.shutdown(tick, s.orders.get(i));
      }
      s.clearTick();
    }
    long every = sc.maintenance().every();
    if (every > 0 && tick % every == 0) {
      settlement.decommission(tick, (int) ((tick / every - 1) % org.teams.length));
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

  void emit(StringBuilder b) {
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
