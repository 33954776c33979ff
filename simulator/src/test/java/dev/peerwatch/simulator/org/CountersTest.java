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
    a.misreports[1] = 4;
    Counters copy = a.copy();
    assertThat(copy.taskFailures).isEqualTo(3);
    assertThat(copy.orders).isEqualTo(2);
    assertThat(copy.decisions).isEqualTo(5);
    assertThat(copy.misreports[1]).isEqualTo(4);
    copy.taskFailures++;
    assertThat(a.taskFailures).as("independent").isEqualTo(3);
  }
}
