package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.Keys;
import org.junit.jupiter.api.Test;

/**
 * Who works with whom, against the definition in {@link Pairings}' documentation: a team's members
 * shuffled by {@link Keys#shuffle} (written out here with {@link Math#floorMod}) with the keys
 * (seed, team, tick, "pair" + i), positions 2i and 2i+1 partners. The memoised, written-out shuffle
 * must give exactly that, for every size.
 */
class PairingsTest {
  private static final long PAIR = Keys.hash("pair");

  /** The partner of {@code local} as documented: {@code partnerLocal << 32 | pairIndex}, or -1. */
  private static long defined(long seed, int team, int size, int local, long tick) {
    // Fisher-Yates from the end with Math.floorMod, as Keys.shuffle is defined
    int[] perm = Keys.identity(size);
    for (int i = size - 1; i > 0; i--) {
      int j = (int) Math.floorMod(Keys.key(seed, team, tick, PAIR + i), (long) (i + 1));
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int pos = 0;
    while (perm[pos] != local) {
      pos++;
    }
    int other = pos ^ 1;
    return other >= size ? -1 : ((long) perm[other] << 32) | (pos >> 1);
  }

  @Test
  void everyMemberGetsThePartnerOfTheDefinition() {
    for (long seed : new long[] {0, 1, -7, 123_456_789}) {
      Pairings p = new Pairings(seed, 3);
      for (long tick = 1; tick <= 40; tick++) {
        for (int team = 0; team < 3; team++) {
          int size = 1 + (int) ((tick * 7 + team * 5) % 13);
          for (int local = 0; local < size; local++) {
            assertThat(p.partner(team, size, local, tick))
                .as("seed %d tick %d team %d size %d member %d", seed, tick, team, size, local)
                .isEqualTo(defined(seed, team, size, local, tick));
          }
        }
      }
    }
  }

  @Test
  void partnersArePairedBothWaysAndOnlyAnOddLastMemberIsLeftOut() {
    // one team per size: a team's size is fixed for a run
    int[] sizes = {1, 2, 5, 10};
    Pairings p = new Pairings(42, sizes.length);
    for (int team = 0; team < sizes.length; team++) {
      int size = sizes[team];
      int alone = 0;
      for (int local = 0; local < size; local++) {
        long x = p.partner(team, size, local, 9);
        if (x < 0) {
          alone++;
          continue;
        }
        long back = p.partner(team, size, (int) (x >>> 32), 9);
        assertThat(back >>> 32).as("size %d: my partner's partner is me", size).isEqualTo(local);
        assertThat(back & 0xFFFFFFFFL).as("and we share the pair index").isEqualTo(x & 0xFFFFFFFFL);
      }
      assertThat(alone).as("size %d", size).isEqualTo(size % 2);
    }
  }

  @Test
  void aTeamDrawIsTheKeyedDrawOfTheTeam() {
    Pairings p = new Pairings(99, 4);
    long joint = Keys.hash("joint");
    for (long tick = 1; tick <= 5; tick++) {
      for (int team = 0; team < 4; team++) {
        for (long k = 0; k < 6; k++) {
          assertThat(p.of(team, 10, tick).draw(joint + k))
              .isEqualTo(Keys.uniform(Keys.key(99, team, tick, joint + k)));
        }
      }
    }
  }

  @Test
  void theOrganisationWidePairingFollowsTheSameDefinitionUnderItsOwnEntity() {
    Pairings p = new Pairings(5, 2);
    for (long tick = 1; tick <= 3; tick++) {
      for (int agent = 0; agent < 21; agent++) {
        assertThat(p.across(21, agent, tick)).isEqualTo(defined(5, -1, 21, agent, tick));
      }
    }
  }
}
