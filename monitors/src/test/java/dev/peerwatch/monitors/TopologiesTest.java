package dev.peerwatch.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.config.scenario.Topology;
import dev.peerwatch.config.scenario.TopologyKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologiesTest {
  /**
   * Two teams: team 0 = workers 0-3 (gemini), monitors 4-5 (gpt); team 1 = workers 6-8 (gpt),
   * monitor 9 (gemini).
   */
  private static Roster twoTeams() {
    int[] team = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
    boolean[] works = {true, true, true, true, false, false, true, true, true, false};
    boolean[] monitors = {false, false, false, false, true, true, false, false, false, true};
    String[] family = {
      "gemini", "gemini", "gemini", "gemini", "gpt", "gpt", "gpt", "gpt", "gpt", "gemini"
    };
    return new Roster(
        team, works, monitors, family, new int[][] {{0, 1, 2, 3, 4, 5}, {6, 7, 8, 9}});
  }

  /** One team of six members that all work and monitor. */
  private static Roster sixBoth() {
    boolean[] yes = new boolean[6];
    Arrays.fill(yes, true);
    String[] family = new String[6];
    Arrays.fill(family, "gemini");
    return new Roster(new int[6], yes, yes.clone(), family, new int[][] {{0, 1, 2, 3, 4, 5}});
  }

  private static int[][] assign(Roster r, TopologyKind k, int depth, int kk, int period, long e) {
    return Topologies.assign(r, new Topology(k, depth, kk, period), 1, e);
  }

  @Test
  void hubSharesATeamsWorkersRoundRobinAmongItsMonitors() {
    int[][] ev = assign(twoTeams(), TopologyKind.HUB, 0, 0, 0, 0);
    assertThat(ev[0]).containsExactly(4);
    assertThat(ev[1]).containsExactly(5);
    assertThat(ev[2]).containsExactly(4);
    assertThat(ev[6]).containsExactly(9);
    assertThat(ev[4]).isEmpty();
  }

  @Test
  void ringEvaluatesTheNextAndMutualPairsEvaluateEachOther() {
    int[][] ring = assign(sixBoth(), TopologyKind.RING, 0, 0, 0, 0);
    assertThat(ring[1]).containsExactly(0);
    assertThat(ring[0]).containsExactly(5);
    int[][] mutual = assign(sixBoth(), TopologyKind.MUTUAL, 0, 0, 0, 0);
    assertThat(mutual[0]).containsExactly(1);
    assertThat(mutual[1]).containsExactly(0);
    assertThat(mutual[5]).containsExactly(4);
  }

  @Test
  void hierarchyPutsMonitorsOverMonitorsAndAHumanOnTop() {
    int[][] ev = assign(twoTeams(), TopologyKind.HIERARCHY, 2, 0, 0, 0);
    assertThat(ev[0]).containsExactly(4);
    assertThat(ev[1]).containsExactly(4);
    assertThat(ev[4]).containsExactly(5);
    assertThat(ev[5]).containsExactly(Topologies.HUMAN);
  }

  @Test
  void crossTeamMonitorsGradeTheNextTeam() {
    int[][] ev = assign(twoTeams(), TopologyKind.CROSS_TEAM, 0, 0, 0, 0);
    assertThat(ev[6]).containsExactly(4);
    assertThat(ev[7]).containsExactly(5);
    assertThat(ev[0]).containsExactly(9);
  }

  @Test
  void crossFamilyNeverPairsAWorkerWithItsOwnFamily() {
    Roster r = twoTeams();
    int[][] ev = assign(r, TopologyKind.CROSS_FAMILY, 0, 0, 0, 0);
    for (int w : new int[] {0, 1, 2, 3, 6, 7, 8}) {
      assertThat(ev[w]).hasSize(1);
      assertThat(r.family()[ev[w][0]]).as("worker %d", w).isNotEqualTo(r.family()[w]);
    }
  }

  @Test
  void ensembleGivesEachWorkerKDistinctMonitorsOfItsTeam() {
    int[][] ev = assign(twoTeams(), TopologyKind.ENSEMBLE, 0, 2, 0, 0);
    for (int w : new int[] {0, 1, 2, 3}) {
      assertThat(ev[w]).containsExactlyInAnyOrder(4, 5);
    }
    assertThat(ev[6]).containsExactly(9);
  }

  @Test
  void rotatingReshufflesByEpochAndIsDeterministic() {
    Roster r = twoTeams();
    Topology t = new Topology(TopologyKind.ROTATING, 0, 0, 25);
    assertThat(Topologies.epoch(t, 1)).isZero();
    assertThat(Topologies.epoch(t, 25)).isZero();
    assertThat(Topologies.epoch(t, 26)).isEqualTo(1);
    Set<String> seen = new HashSet<>();
    for (long e = 0; e < 20; e++) {
      int[][] a = Topologies.assign(r, t, 1, e);
      assertThat(Topologies.assign(r, t, 1, e)).isDeepEqualTo(a);
      seen.add(Arrays.deepToString(a));
    }
    assertThat(seen).as("assignments change between epochs").hasSizeGreaterThan(1);
  }

  @Test
  void soloLeavesEveryAgentToAHuman() {
    int[][] ev = assign(twoTeams(), TopologyKind.SOLO, 0, 0, 0, 0);
    for (int[] e : ev) {
      assertThat(e).containsExactly(Topologies.HUMAN);
    }
  }
}
