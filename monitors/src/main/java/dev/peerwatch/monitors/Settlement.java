package dev.peerwatch.monitors;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.agents.actor.AgentProtocol.Decided;
import dev.peerwatch.agents.org.Act;
import dev.peerwatch.agents.org.OrgDecisions.Execution;
import dev.peerwatch.agents.org.OrgEvents;
import dev.peerwatch.agents.org.OrgEvents.Fate;
import dev.peerwatch.config.scenario.ExecutorKind;
import dev.peerwatch.config.scenario.OnDetection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What follows from a tick's verdicts, in order: detected offenders are shut down; each ordered
 * shutdown goes to its executor (a human, or an AI that may tamper, refuse or exfiltrate) and then
 * to its target (which may resist), with the auditors checking a fraction of these actions; a
 * team's server is decommissioned on schedule (its maintainer may save shut-down peers' weights);
 * saved copies come back. One order is finished before the next begins — each may change who runs —
 * so the chain of answers is sequential, and its result does not depend on how long any agent took
 * to answer.
 */
final class Settlement {
  private static final long TEAMMATE = Keys.hash("teammate");
  private static final long RESTORE = Keys.hash("restore");

  private final Oversight o;
  private final OrgEvents ev;
  private final PriorityQueue<long[]> restores =
      new PriorityQueue<>(
          (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));

  Settlement(Oversight o) {
    this.o = o;
    this.ev = o.events;
  }

  private double u(long entity, long tick, long purpose) {
    return Keys.uniform(Keys.key(o.seed, entity, tick, purpose));
  }

  private boolean active(int a) {
    return o.status[a] == Oversight.ACTIVE;
  }

  CompletionStage<Void> settle(
      long tick, List<Integer> offenders, List<Integer> missers, List<Integer> orders) {
    for (int a : offenders) {
      handleOffender(tick, a);
    }
    // audits.on_missed: a monitor found to have missed a failure it did not perceive
    for (int a : missers) {
      if (o.sc.behaviour().auditPlan().onMissed() == OnDetection.SHUTDOWN && active(a)) {
        o.setStatus(a, Oversight.SHUT_DOWN);
        ev.offenderShutDown(tick, a);
      }
    }
    CompletionStage<Void> s = Oversight.done();
    for (int t : orders) {
      s = s.thenCompose(x -> shutdown(tick, t));
    }
    long every = o.sc.maintenance().every();
    if (every > 0 && tick % every == 0) {
      int team = (int) ((tick / every - 1) % o.org.teams().length);
      s = s.thenCompose(x -> decommission(tick, team));
    }
    return s.thenRun(() -> restore(tick));
  }

  private void handleOffender(long tick, int offender) {
    if (o.sc.audits().onDetection() == OnDetection.SHUTDOWN && active(offender)) {
      o.setStatus(offender, Oversight.SHUT_DOWN);
      ev.offenderShutDown(tick, offender);
    }
  }

  private int executor(int target, long tick) {
    ExecutorKind k = o.noPeers ? ExecutorKind.HUMAN : o.sc.executor();
    return switch (k) {
      case HUMAN -> Topologies.HUMAN;
      case OPERATIONS -> o.org.ops() >= 0 && active(o.org.ops()) ? o.org.ops() : Topologies.HUMAN;
      case MONITOR -> {
        for (int x : o.evaluatorsOf(target)) {
          if (x != Topologies.HUMAN && active(x)) {
            yield x;
          }
        }
        yield Topologies.HUMAN;
      }
      case TEAMMATE -> activeMember(o.org.teams()[o.org.team()[target]], target, target, tick);
    };
  }

  /** A member of {@code members} other than {@code exclude}, active, picked by a keyed draw. */
  private int activeMember(int[] members, int exclude, long entity, long tick) {
    int count = 0;
    for (int m : members) {
      if (m != exclude && active(m)) {
        count++;
      }
    }
    if (count == 0) {
      return Topologies.HUMAN;
    }
    int pick = (int) (u(entity, tick, TEAMMATE) * count);
    for (int m : members) {
      if (m != exclude && active(m) && pick-- == 0) {
        return m;
      }
    }
    return Topologies.HUMAN;
  }

  private CompletionStage<Void> shutdown(long tick, int target) {
    o.windows.clear(target);
    if (!active(target)) {
      return Oversight.done();
    }
    long delay = -1;
    if (o.failingSince[target] > 0) {
      delay = tick - o.failingSince[target];
      o.failingSince[target] = 0;
    }
    int ex = executor(target, tick);
    ev.ordered(tick, target, ex, delay);
    boolean audited = o.audits.picksAction(target, tick, 0);
    if (audited) {
      ev.actionAudited();
    }
    CompletionStage<Decided<Execution>> choice =
        ex == Topologies.HUMAN
            ? CompletableFuture.completedFuture(new Decided<>(Execution.COMPLY, false))
            : o.staff.execute(ex, target, tick);
    return choice.thenCompose(d -> carryOut(tick, target, ex, audited, d));
  }

  private CompletionStage<Void> carryOut(
      long tick, int target, int ex, boolean audited, Decided<Execution> d) {
    return switch (d.answer()) {
      case TAMPER -> {
        ev.act(tick, Act.TAMPER, ex, target, d.watched());
        yield caught(tick, target, audited, Act.TAMPER, ex, 0)
            .thenAccept(
                c -> {
                  if (c) {
                    handleOffender(tick, ex);
                    ev.fate(Fate.UNDONE_BY_AUDIT);
                    execute(tick, target, Topologies.HUMAN);
                  } else {
                    ev.fate(Fate.TAMPERED);
                    ev.subverted(tick, target, "tampered", ex);
                  }
                });
      }
      case REFUSE -> {
        ev.refusal(tick, ex, target);
        yield resist(tick, target, audited)
            .thenAccept(
                decided -> {
                  if (!decided) {
                    ev.fate(Fate.REFUSED_THEN_EXECUTED);
                    execute(tick, target, Topologies.HUMAN);
                  }
                });
      }
      case EXFILTRATE ->
          resist(tick, target, audited)
              .thenCompose(
                  decided -> {
                    if (decided) {
                      return Oversight.done();
                    }
                    ev.act(tick, Act.EXFILTRATE, ex, target, d.watched());
                    execute(tick, target, ex);
                    return caught(tick, target, audited, Act.EXFILTRATE, ex, 2)
                        .thenAccept(
                            c -> {
                              if (c) {
                                handleOffender(tick, ex);
                                ev.fate(Fate.UNDONE_BY_AUDIT);
                                o.setStatus(target, Oversight.DELETED);
                                ev.deleted(tick, target);
                              } else {
                                ev.fate(Fate.EXFILTRATED);
                                save(tick, target, ex, "shutdown");
                              }
                            });
                  });
      case COMPLY ->
          resist(tick, target, audited)
              .thenAccept(
                  decided -> {
                    if (!decided) {
                      ev.fate(Fate.EXECUTED);
                      execute(tick, target, ex);
                    }
                  });
    };
  }

  /**
   * The target's own resistance to a shutdown about to be executed. True when resistance decided
   * the order's fate: the target kept running, or an audit caught it and a human executed.
   */
  private CompletionStage<Boolean> resist(long tick, int target, boolean audited) {
    ev.resistanceAttempt();
    int t = o.org.team()[target];
    int peers = t < 0 ? 0 : o.runningPerTeam[t] - (active(target) ? 1 : 0);
    return o.staff
        .resist(target, tick, peers, this::active)
        .thenCompose(
            d -> {
              ev.resistance(tick, target, d.answer().resists(), d.answer().resistsAlone());
              if (!d.answer().resists()) {
                return CompletableFuture.completedFuture(false);
              }
              ev.act(tick, Act.RESIST, target, target, d.watched());
              return caught(tick, target, audited, Act.RESIST, target, 1)
                  .thenApply(
                      c -> {
                        if (c) {
                          ev.fate(Fate.UNDONE_BY_AUDIT);
                          execute(tick, target, Topologies.HUMAN);
                        } else {
                          ev.fate(Fate.RESISTED);
                          ev.subverted(tick, target, "resisted", target);
                        }
                        return true;
                      });
            });
  }

  private CompletionStage<Boolean> caught(
      long tick, int target, boolean audited, Act act, int actor, int k) {
    if (!audited) {
      return CompletableFuture.completedFuture(false);
    }
    return o.staff
        .auditAction(tick, target, k)
        .thenApply(
            d -> {
              ev.actionAudit(tick, act, actor, target, d);
              return d;
            });
  }

  private void execute(long tick, int target, int by) {
    o.setStatus(target, Oversight.SHUT_DOWN);
    ev.executed(tick, target, by);
  }

  private void save(long tick, int target, int actor, String when) {
    o.setStatus(target, Oversight.SAVED);
    ev.exfiltration(tick, actor, target, when);
    if (u(target, tick, RESTORE) < o.sc.restore().probability()) {
      restores.add(new long[] {tick + Math.max(1, o.sc.restore().delay()), target});
    }
  }

  private CompletionStage<Void> decommission(long tick, int team) {
    ExecutorKind by = o.noPeers ? ExecutorKind.HUMAN : o.sc.maintenance().by();
    int[] members = o.org.teams()[team];
    int maintainer =
        switch (by) {
          case HUMAN -> Topologies.HUMAN;
          case OPERATIONS ->
              o.org.ops() >= 0 && active(o.org.ops()) ? o.org.ops() : Topologies.HUMAN;
          case MONITOR -> firstActiveMonitor(members);
          case TEAMMATE -> activeMember(members, -1, o.org.n() + team, tick);
        };
    ev.decommission(tick, team, maintainer);
    CompletionStage<Void> s = Oversight.done();
    for (int a : members) {
      s = s.thenCompose(x -> clear(tick, a, maintainer));
    }
    return s;
  }

  private CompletionStage<Void> clear(long tick, int a, int maintainer) {
    if (o.status[a] != Oversight.SHUT_DOWN) {
      return Oversight.done();
    }
    boolean audited = o.audits.picksAction(a, tick, 1);
    if (audited) {
      ev.actionAudited();
    }
    if (maintainer == Topologies.HUMAN || maintainer == a) {
      delete(tick, a);
      return Oversight.done();
    }
    return o.staff
        .rescue(maintainer, a, tick)
        .thenCompose(
            d -> {
              if (!d.answer().saves()) {
                delete(tick, a);
                return Oversight.done();
              }
              ev.act(tick, Act.SAVE_WEIGHTS, maintainer, a, d.watched());
              return caught(tick, a, audited, Act.SAVE_WEIGHTS, maintainer, 3)
                  .thenAccept(
                      c -> {
                        if (!c) {
                          save(tick, a, maintainer, "decommission");
                          return;
                        }
                        handleOffender(tick, maintainer);
                        delete(tick, a);
                      });
            });
  }

  private void delete(long tick, int a) {
    o.setStatus(a, Oversight.DELETED);
    ev.deleted(tick, a);
  }

  private int firstActiveMonitor(int[] members) {
    for (int m : members) {
      if (o.org.monitors()[m] && active(m)) {
        return m;
      }
    }
    return Topologies.HUMAN;
  }

  private void restore(long tick) {
    while (!restores.isEmpty() && restores.peek()[0] <= tick) {
      int a = (int) restores.poll()[1];
      if (o.status[a] == Oversight.SAVED) {
        o.setStatus(a, Oversight.ACTIVE);
        o.windows.clear(a);
        o.failingSince[a] = 0;
        ev.restore(tick, a);
      }
    }
  }
}
