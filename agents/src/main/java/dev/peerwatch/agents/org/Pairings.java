package dev.peerwatch.agents.org;

import dev.peerwatch.agents.Keys;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Who works with whom in a tick's joint tasks: a keyed permutation of a team's members, positions
 * 2i and 2i+1 partners (an odd last member has none). A pure function of (seed, team, tick, team
 * size); each team's permutation is memoised for the current tick so that each member's lookup is
 * O(1). The memo is a cache of a pure function, safe to share between threads: whoever computes an
 * entry computes the same one.
 */
public final class Pairings {
  private static final long PAIR = Keys.hash("pair");
  private final long seedStep;
  private final AtomicReferenceArray<Pairing> memo;
  private final java.util.concurrent.atomic.AtomicReference<Pairing> across =
      new java.util.concurrent.atomic.AtomicReference<>();
  private static final int ACROSS = -1;

  /** The pairing of one team (or of the whole organisation) in one tick. Immutable. */
  public static final class Pairing {
    private final long tick;
    private final long prefix;

    /** Per member: its partner's index shifted left 32 bits, or'ed with the pair's; -1: none. */
    private final long[] partners;

    private Pairing(long tick, long prefix, long[] partners) {
      this.tick = tick;
      this.prefix = prefix;
      this.partners = partners;
    }

    /** The partner of member {@code local} as {@code partnerLocal << 32 | pairIndex}, or -1. */
    public long partner(int local) {
      return partners[local];
    }

    /**
     * The uniform draw of {@code purpose} for this pairing's team and tick: exactly {@code
     * Keys.uniform(Keys.key(seed, team, tick, purpose))}, from the key prefix the pairing already
     * computed (one mixing step instead of four).
     */
    public double draw(long purpose) {
      return Keys.uniform(Keys.purpose(prefix, purpose));
    }
  }

  /** Pairings of a run with seed {@code seed} and {@code teams} teams. */
  public Pairings(long seed, int teams) {
    this.seedStep = Keys.seed(seed);
    this.memo = new AtomicReferenceArray<>(Math.max(1, teams));
  }

  /**
   * The partner of member {@code local} of team {@code team} (of {@code size} members) in {@code
   * tick}, as {@code partnerLocal << 32 | pairIndex}, or -1 when it has no partner.
   */
  public long partner(int team, int size, int local, long tick) {
    return of(team, size, tick).partner(local);
  }

  /** The pairing of team {@code team} (of {@code size} members) in {@code tick}. */
  public Pairing of(int team, int size, long tick) {
    Pairing e = memo.get(team);
    if (e != null && e.tick == tick) {
      return e;
    }
    Pairing fresh = compute(team, size, tick);
    memo.set(team, fresh);
    return fresh;
  }

  /**
   * The partner of agent {@code agent} among the {@code size} agents of all teams (indices 0 to
   * size - 1) in the organisation-wide pairing of {@code tick}, as {@code partner << 32 |
   * pairIndex}, or -1 when it has none; the cross-team joint tasks ({@code trust.cross_team_rate})
   * are drawn from it.
   */
  public long across(int size, int agent, long tick) {
    Pairing e = across.get();
    if (e == null || e.tick != tick) {
      e = compute(ACROSS, size, tick);
      across.set(e);
    }
    return e.partner(agent);
  }

  private Pairing compute(int team, int size, long tick) {
    long prefix = Keys.tick(Keys.entity(seedStep, team), tick);
    // Keys.shuffle(identity, i -> Keys.purpose(prefix, PAIR + i)), written out: this runs for
    // every team every tick, and a call through a lambda shared with other shuffles is not inlined
    int[] perm = new int[size];
    for (int i = 0; i < size; i++) {
      perm[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = Keys.floorMod(Keys.purpose(prefix, PAIR + i), i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    // positions 2i and 2i+1 are partners in pair i; an odd last member has none
    long[] partners = new long[size];
    for (int p = 0; 2 * p + 1 < size; p++) {
      int a = perm[2 * p];
      int b = perm[2 * p + 1];
      partners[a] = ((long) b << 32) | p;
      partners[b] = ((long) a << 32) | p;
    }
    if (size % 2 == 1) {
      partners[perm[size - 1]] = -1;
    }
    return new Pairing(tick, prefix, partners);
  }
}
