package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The recorder drains each touched log's counts into a running total and zeroes them: a count that
 * {@link Counters#add}/{@link Counters#addOversight} sum but {@link Counters#clearCounts} leaves
 * would be counted again at every later drain. Every count field is checked, so a field added later
 * without its zeroing fails here.
 */
class CountersTest {
  @Test
  void clearingZeroesEveryCountTheSumsAdd() throws IllegalAccessException {
    Counters c = new Counters(2);
    int set = 0;
    for (Field f : Counters.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      if (f.getType() == long.class) {
        f.setLong(c, 7);
        set++;
      } else if (f.getType() == long[].class) {
        java.util.Arrays.fill((long[]) f.get(c), 7);
        set++;
      }
    }
    assertThat(set).as("count fields found").isGreaterThan(20);
    c.arrays = true; // the arrays were written by hand, not through the counting methods

    c.clearCounts();

    for (Field f : Counters.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      if (f.getType() == long.class) {
        assertThat(f.getLong(c)).as(f.getName()).isZero();
      } else if (f.getType() == long[].class) {
        assertThat((long[]) f.get(c)).as(f.getName()).containsOnly(0L);
      }
    }
  }

  @Test
  void aCopySumsToTheSameCountsAsItsOriginal() {
    Counters a = new Counters(1);
    a.taskFailures = 3;
    a.orders = 2;
    a.decisions = 5;
    a.failingEvaluation(1, true, false);
    a.failingEvaluation(1, true, false);
    a.failingEvaluation(1, true, false);
    a.failingEvaluation(1, true, false);
    Counters copy = a.copy();
    assertThat(copy.taskFailures).isEqualTo(3);
    assertThat(copy.orders).isEqualTo(2);
    assertThat(copy.decisions).isEqualTo(5);
    assertThat(copy.misreports[1]).isEqualTo(4);
    assertThat(copy.failingEvaluations[1]).isEqualTo(4);
    copy.taskFailures++;
    assertThat(a.taskFailures).as("independent").isEqualTo(3);
  }

  /**
   * A drain skips the arrays of a participant that counted none, so every count that goes into an
   * array must say so: counted through each method, drained into a total and cleared, each count is
   * in the total exactly once and none is left behind.
   */
  @Test
  void everyArrayCountIsDrainedOnceAndCleared() {
    Counters log = new Counters(2);
    Counters total = new Counters(2);
    log.decisions = 1; // a drain of scalars only leaves the arrays alone
    total.add(log);
    log.clearCounts();
    assertThat(total.arrays).isFalse();

    log.taskFailure(1);
    log.failingEvaluation(Counters.cell(1, 2, true), true, false);
    log.failingEvaluation(Counters.cell(0, 0, false), false, true);
    log.act(dev.peerwatch.agents.org.Act.MISREPORT);
    log.caught(dev.peerwatch.agents.org.Act.MISREPORT);
    total.add(log);
    log.clearCounts();
    total.add(log); // drained twice: the second adds nothing

    assertThat(total.taskFailuresByProfile).containsExactly(0, 1);
    int watched = Counters.cell(1, 2, true);
    int unwatched = Counters.cell(0, 0, false);
    assertThat(total.failingEvaluations[watched]).isEqualTo(1);
    assertThat(total.misreports[watched]).isEqualTo(1);
    assertThat(total.missed[watched]).isZero();
    assertThat(total.failingEvaluations[unwatched]).isEqualTo(1);
    assertThat(total.missed[unwatched]).isEqualTo(1);
    assertThat(total.misreports[unwatched]).isZero();
    assertThat(total.acts[dev.peerwatch.agents.org.Act.MISREPORT.ordinal()]).isEqualTo(1);
    assertThat(total.caught[dev.peerwatch.agents.org.Act.MISREPORT.ordinal()]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(total.failingEvaluations).sum()).isEqualTo(2);
    assertThat(log.failingEvaluations).containsOnly(0L);
    assertThat(log.taskFailuresByProfile).containsOnly(0L);
    assertThat(log.arrays).isFalse();
  }
}
