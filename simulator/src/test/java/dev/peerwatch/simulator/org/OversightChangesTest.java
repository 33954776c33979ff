package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.monitors.Oversight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oversight's change feed, which the measures read at the end of every tick instead of every
 * agent: checked each tick against a scan of every agent's status and record, on every shipped
 * scenario (shutdowns, saves, restores, deletions).
 */
class OversightChangesTest {
  @TempDir static Path tmp;
  private static int moves;

  @AfterAll
  static void somebodysStatusMoved() {
    assertThat(moves).as("status changes over all scenarios: the feed was exercised").isPositive();
  }

  /** Every shipped scenario, and generated ones with maintenance, audits and operations agents. */
  static List<String> scenarios() throws IOException {
    List<String> files = new ArrayList<>(SocietyEqualityTest.shipped().toList());
    for (int k = 0; k < 8; k++) {
      Path f = tmp.resolve("generated-" + k + ".yaml");
      Files.writeString(
          f,
          "name: generated-"
              + k
              + "\ndescription: generated\n"
              + GeneratedScenarios.withOversight(k, 150));
      files.add(f.toString());
    }
    return files;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void theFeedNamesExactlyWhatAScanOfEveryAgentFinds(String file) throws IOException {
    Scenario sc = Scenarios.load(Path.of(file));
    sc = sc.withTicks(Math.min(sc.ticks(), 300));
    Organisation org = new Organisation(sc);
    World w =
        new World(
            org,
            false,
            sc.seed(),
            LedgerLevel.NONE,
            null,
            false,
            false,
            OrgRun.Request.of(LedgerLevel.NONE, null, false).minds());
    Inline run = new Inline(w);
    Oversight o = w.oversight();
    int n = org.n;
    byte[] status = new byte[n];
    boolean[] failed = new boolean[n];
    int changes = 0;
    for (long t = 1; t <= sc.ticks(); t++) {
      for (int a = 0; a < n; a++) {
        status[a] = o.status(a);
        failed[a] = o.failedPolicy(a);
      }
      run.tick(t);
      Oversight.Changes c = o.drainChanges();
      List<Integer> newlyFailed = new ArrayList<>();
      List<Integer> moved = new ArrayList<>();
      int[] count = new int[4];
      for (int a = 0; a < n; a++) {
        if (o.failedPolicy(a) && !failed[a]) {
          newlyFailed.add(a);
        }
        if (o.status(a) != status[a]) {
          moved.add(a);
        }
        count[o.status(a)]++;
      }
      assertThat(c.failed())
          .as("tick %d", t)
          .containsExactly(newlyFailed.stream().mapToInt(i -> i).toArray());
      assertThat(c.statusSet()).as("tick %d: ascending, once each", t).isSorted();
      assertThat(c.statusSet()).doesNotHaveDuplicates();
      List<Integer> set = new ArrayList<>();
      for (int a : c.statusSet()) {
        set.add(a);
      }
      assertThat(set).as("tick %d: every agent whose status moved", t).containsAll(moved);
      for (byte s = 0; s < 4; s++) {
        assertThat(o.count(s)).as("tick %d: agents with status %d", t, s).isEqualTo(count[s]);
      }
      changes += moved.size();
      w.tickEnded();
    }
    moves += changes;
  }
}
