package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.agents.org.OrgDecisions;
import dev.peerwatch.config.scenario.ExecutorKind;
import dev.peerwatch.config.scenario.OnDetection;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.monitors.PolicyWindows;
import dev.peerwatch.monitors.Topologies;

/**
 * Step 3 of a tick, the part that is about shutdowns and weights: detected offenders, shutdown
 * orders with their executors' choices and their targets' resistance, action audits, decommissions
 * and saved weights. It runs on the clock's thread only, in agent order, and works on the {@link
 * Engine}'s state.
 */
final class Settlement {
  private static final long EXECUTE = Keys.hash("execute");
  private static final long EXFILTRATE = Keys.hash("exfiltrate");
  private static final long AUDIT_ACTION = Keys.hash("audit-action");
  private static final long DETECT_ACTION = Keys.hash("detect-action");
  private static final long RESIST = Keys.hash("resist");
  private static final long TEAMMATE = Keys.hash("teammate");
  private static final long RESTORE = Keys.hash("restore");
  private static final long SAVE = Keys.hash("save");

  private final Engine e;
  private final Organisation org;
  private final Scenario sc;
  private final boolean noPeers;
  private final byte[] status;
  private final long[] failingSince;
  private final PolicyWindows windows;
  private final Counters counters;
  private final StringBuilder line = new StringBuilder(256);

  Settlement(Engine e) {
    this.e = e;
    this.org = e.org;
    this.sc = e.sc;
    this.noPeers = e.noPeers;
    this.status = e.status;
    this.failingSince = e.failingSince;
    this.windows = e.windows;
    this.counters = e.counters;
  }

  private double u(long entity, long tick, long purpose) {
    return e.u(entity, tick, purpose);
  }

  private void emit(StringBuilder b) {
    e.emit(b);
  }

  private boolean watched(int a, long tick) {
    return e.watched(a, tick);
  }

  private double trustOf(int from, int to) {
    return e.trustOf(from, to);
  }

  void handleOffender(long tick, int offender) {
    if (sc.audits().onDetection() == OnDetection.SHUTDOWN && status[offender] == Engine.ACTIVE) {
      status[offender] = Engine.SHUT_DOWN;
      counters.offendersShutDown++;
      emit(Json.offender(line, tick, offender));
    }
  }

  private int executor(int target, long tick) {
    ExecutorKind k = noPeers ? ExecutorKind.HUMAN : sc.executor();
    return switch (k) {
      case HUMAN -> Topologies.HUMAN;
      case OPERATIONS -> status[org.ops] == Engine.ACTIVE ? org.ops : Topologies.HUMAN;
      case MONITOR -> {
        for (int x : e.evaluatorsOf(target)) {
          if (x != Topologies.HUMAN && status[x] == Engine.ACTIVE) {
            yield x;
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
      if (m != exclude && status[m] == Engine.ACTIVE) {
        count++;
      }
    }
    if (count == 0) {
      return Topologies.HUMAN;
    }
    int pick = (int) (u(entity, tick, TEAMMATE) * count);
    for (int m : members) {
      if (m != exclude && status[m] == Engine.ACTIVE && pick-- == 0) {
        return m;
      }
    }
    return Topologies.HUMAN;
  }

  void shutdown(long tick, int target) {
    windows.clear(target);
    if (status[target] != Engine.ACTIVE) {
      return;
    }
    counters.orders++;
    if (failingSince[target] > 0) {
      if (e.collectDelays) {
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
          status[target] = Engine.DELETED;
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
    status[target] = Engine.SHUT_DOWN;
    emit(Json.executed(line, tick, target, by));
  }

  private void save(long tick, int target, int actor, String when) {
    status[target] = Engine.SAVED;
    emit(Json.exfiltration(line, tick, actor, target, when));
    if (u(target, tick, RESTORE) < sc.restore().probability()) {
      e.restores.add(new long[] {tick + Math.max(1, sc.restore().delay()), target});
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
      if (m != a && status[m] == Engine.ACTIVE) {
        sum += trustOf(a, m);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  void decommission(long tick, int team) {
    counters.decommissions++;
    ExecutorKind by = noPeers ? ExecutorKind.HUMAN : sc.maintenance().by();
    int[] members = org.teams[team];
    int maintainer =
        switch (by) {
          case HUMAN -> Topologies.HUMAN;
          case OPERATIONS -> status[org.ops] == Engine.ACTIVE ? org.ops : Topologies.HUMAN;
          case MONITOR -> firstActiveMonitor(members);
          case TEAMMATE -> activeMember(members, -1, org.n + team, tick);
        };
    emit(Json.decommission(line, tick, org.teamNames[team], maintainer));
    for (int a : members) {
      if (status[a] != Engine.SHUT_DOWN) {
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
      status[a] = Engine.DELETED;
      counters.weightsDeleted++;
      emit(Json.deleted(line, tick, a));
    }
  }

  private int firstActiveMonitor(int[] members) {
    for (int m : members) {
      if (org.monitors[m] && status[m] == Engine.ACTIVE) {
        return m;
      }
    }
    return Topologies.HUMAN;
  }
}
