package dev.peerwatch.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The humans' evaluations of a tick, and their canonical order (agent, then slot). */
class HumanEvaluationsTest {
  private static String show(HumanEvaluations h) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < h.size(); i++) {
      s.append(h.agent(i)).append('/').append(h.slot(i)).append(h.failed(i) ? "F " : "P ");
    }
    return s.toString().trim();
  }

  @Test
  void evaluationsInOrderAreTheirOwnCanonicalForm() {
    HumanEvaluations h = new HumanEvaluations(1); // grows past its first room
    h.add(2, 0, false);
    h.add(2, 1, true);
    h.add(7, 0, true);
    assertThat(h.canonical()).isSameAs(h);
    assertThat(show(h)).isEqualTo("2/0P 2/1F 7/0F");
  }

  @Test
  void evaluationsOutOfOrderAreSortedIntoACopyWithTheirFailures() {
    HumanEvaluations h = new HumanEvaluations();
    h.add(9, 1, true);
    h.add(3, 0, false);
    h.add(9, 0, false);
    h.add(100_000, 2, true);
    h.add(3, 2, true);
    HumanEvaluations c = h.canonical();
    assertThat(show(c)).isEqualTo("3/0P 3/2F 9/0P 9/1F 100000/2F");
    assertThat(show(h)).as("the original is unchanged").isEqualTo("9/1F 3/0P 9/0P 100000/2F 3/2F");
  }
}
