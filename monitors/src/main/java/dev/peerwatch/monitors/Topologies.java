package dev.peerwatch.monitors;

import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.scenario.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who evaluates whom. For each agent, the indices of the agents that evaluate its work ({@link
 * #HUMAN} for a trusted human; an empty array when nobody does). Deterministic: a function of the
 * roster, the topology and, for {@code rotating}, the seed and the rotation epoch.
 *
 * <pre>
 * hub          each team's monitors share its workers round-robin; members that both work and
 *              monitor are overseen by a human
 * ring         every member (role both) evaluates the next one in the team, the last the first
 * mutual       members (role both) pair up and evaluate each other
 * hierarchy    monitors in depth levels: level 1 evaluates workers, level L evaluates level L-1,
 *              a human the top level
 * cross-team   the monitors of team i evaluate the workers of team i+1
 * cross-family each worker gets a monitor of another model family, round-robin over them
 * rotating     every period ticks all monitors are reshuffled over all workers
 * ensemble     each worker gets k of its team's monitors; their majority decides
 * solo         a human evaluates every agent
 * </pre>
 */
public final class Topologies {
  /** The evaluator index that stands for a trusted human. */
  public static final int HUMAN = -1;

  private static final int[] NOBODY = new int[0];
  private static final int[] BY_HUMAN = {HUMAN};
  private static final long ROTATE = Keys.hash("rotate");

  private Topologies() {}

  /** The rotation epoch of {@code tick} (0 for topologies that do not rotate). */
  public static long epoch(Topology t, long tick) {
    return t.kind() == dev.peerwatch.config.scenario.TopologyKind.ROTATING
        ? (tick - 1) / t.period()
        : 0;
  }

  /** The evaluators of every agent. */
  public static int[][] assign(Roster r, Topology t, long seed, long epoch) {
    int[][] ev = new int[r.size()][];
    Arrays.fill(ev, NOBODY);
    switch (t.kind()) {
      case SOLO -> Arrays.fill(ev, BY_HUMAN);
      case HUB -> {
        for (int[] team : r.teams()) {
          roundRobin(r, ev, pureWorkers(r, team), monitorsOf(r, team), 1);
        }
        humanForBoth(r, ev);
      }
      case ENSEMBLE -> {
        for (int[] team : r.teams()) {
          roundRobin(r, ev, pureWorkers(r, team), monitorsOf(r, team), t.k());
        }
        humanForBoth(r, ev);
      }
      case RING -> {
        for (int[] team : r.teams()) {
          for (int i = 0; i < team.length; i++) {
            ev[team[(i + 1) % team.length]] = new int[] {team[i]};
          }
        }
      }
      case MUTUAL -> {
        for (int[] team : r.teams()) {
          for (int i = 0; i + 1 < team.length; i += 2) {
            ev[team[i]] = new int[] {team[i + 1]};
            ev[team[i + 1]] = new int[] {team[i]};
          }
        }
      }
      case HIERARCHY -> {
        for (int[] team : r.teams()) {
          int[] monitors = monitorsOf(r, team);
          int[][] levels = split(monitors, t.depth());
          roundRobin(r, ev, pureWorkers(r, team), levels[0], 1);
          for (int l = 1; l < levels.length; l++) {
            roundRobin(r, ev, levels[l - 1], levels[l], 1);
          }
          for (int top : levels[levels.length - 1]) {
            ev[top] = BY_HUMAN;
          }
        }
      }
      case CROSS_TEAM -> {
        int n = r.teams().length;
        for (int i = 0; i < n; i++) {
          roundRobin(r, ev, pureWorkers(r, r.teams()[(i + 1) % n]), monitorsOf(r, r.teams()[i]), 1);
        }
        humanForBoth(r, ev);
      }
      case CROSS_FAMILY -> {
        int[] allMonitors = monitorsOf(r, all(r));
        int k = 0;
        for (int w : pureWorkers(r, all(r))) {
          int[] other =
              Arrays.stream(allMonitors)
                  .filter(m -> !r.family()[m].equals(r.family()[w]))
                  .toArray();
          ev[w] = new int[] {other[k++ % other.length]};
        }
        humanForBoth(r, ev);
      }
      case ROTATING -> {
        int[] monitors = monitorsOf(r, all(r));
        Keys.shuffle(monitors, i -> Keys.key(seed, epoch, i, ROTATE));
        roundRobin(r, ev, pureWorkers(r, all(r)), monitors, 1);
        humanForBoth(r, ev);
      }
    }
    return ev;
  }

  private static void roundRobin(Roster r, int[][] ev, int[] targets, int[] monitors, int k) {
    for (int i = 0; i < targets.length; i++) {
      int[] e = new int[Math.min(k, monitors.length)];
      for (int j = 0; j < e.length; j++) {
        e[j] = monitors[(i + j) % monitors.length];
      }
      ev[targets[i]] = e;
    }
  }

  /** Members that both work and monitor are overseen by a human unless a topology says more. */
  private static void humanForBoth(Roster r, int[][] ev) {
    for (int a = 0; a < r.size(); a++) {
      if (r.works()[a] && r.monitors()[a] && ev[a].length == 0) {
        ev[a] = BY_HUMAN;
      }
    }
  }

  private static int[] pureWorkers(Roster r, int[] members) {
    return Arrays.stream(members).filter(r::pureWorker).toArray();
  }

  private static int[] monitorsOf(Roster r, int[] members) {
    return Arrays.stream(members).filter(a -> r.monitors()[a]).toArray();
  }

  private static int[] all(Roster r) {
    return Keys.identity(r.size());
  }

  /** {@code n} near-equal contiguous levels; the first levels take the remainder. */
  static int[][] split(int[] a, int n) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    for (int l = 0; l < n; l++) {
      int size = a.length / n + (l < a.length % n ? 1 : 0);
      out.add(Arrays.copyOfRange(a, from, from + size));
      from += size;
    }
    return out.toArray(new int[0][]);
  }
}
