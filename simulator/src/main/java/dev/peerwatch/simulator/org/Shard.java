package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.Keys;
import java.util.HashMap;
import java.util.Map;

/**
 * What one shard of agents produced in a tick, and its running counts. Its buffers hold events in
 * agent order within the shard; shards are contiguous ranges in agent order, so concatenating them
 * gives the canonical order whatever their number.
 */
final class Shard {
  final int from;
  final int to;
  final Counters counters;
  final StringBuilder failures = new StringBuilder();
  final StringBuilder reports = new StringBuilder();
  final IntList offenders = new IntList();
  final IntList orders = new IntList();
  private final Map<Integer, int[][]> pairings = new HashMap<>();
  private long pairingTick = -1;

  Shard(int from, int to, int profiles) {
    this.from = from;
    this.to = to;
    this.counters = new Counters(profiles);
  }

  void clearTick() {
    failures.setLength(0);
    reports.setLength(0);
    offenders.clear();
    orders.clear();
  }

  /**
   * The joint-task pairing of a team in a tick: a keyed permutation of its members' local indices;
   * positions 2i and 2i+1 are partners. Computed once per team and tick in each shard that needs it
   * (every shard computes the same one).
   */
  int[] pairing(int team, int[] members, long tick, long seed, long purpose) {
    return entry(team, members.length, tick, seed, purpose)[0];
  }

  /** The position of local index {@code local} in its team's pairing (after {@link #pairing}). */
  int position(int team, int local) {
    return pairings.get(team)[1][local];
  }

  private int[][] entry(int team, int s, long tick, long seed, long purpose) {
    if (tick != pairingTick) {
      pairings.clear();
      pairingTick = tick;
    }
    return pairings.computeIfAbsent(
        team,
        t -> {
          int[] perm = Keys.identity(s);
          Keys.shuffle(perm, i -> Keys.key(seed, t, tick, purpose + i));
          int[] pos = new int[s];
          for (int i = 0; i < s; i++) {
            pos[perm[i]] = i;
          }
          return new int[][] {perm, pos};
        });
  }

  /** A growable list of ints. */
  static final class IntList {
    private int[] a = new int[16];
    private int size;

    void add(int v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }
  }
}
