package dev.peerwatch.agents.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An agent's trust in the peers it has met: start value for strangers, clamped moves, by slot. */
class SparseTrustTest {
  @Test
  void strangersAreTrustedAtTheStartAndMovesAreClampedToTheScale() {
    SparseTrust t = new SparseTrust(5f);
    assertThat(t.get(42)).isEqualTo(5f);
    assertThat(t.size()).as("reading makes no entry").isZero();
    t.add(42, 2.5);
    t.add(7, -9);
    assertThat(t.get(42)).isEqualTo(7.5f);
    assertThat(t.get(7)).as("5 - 9 clamped at 0").isEqualTo(0f);
    t.add(42, 4);
    assertThat(t.get(42)).as("7.5 + 4 clamped at 10").isEqualTo(10f);
    assertThat(t.size()).isEqualTo(2);
  }

  @Test
  void aSlotReadsAndMovesTheSameTrustAsTheAgentsIndex() {
    SparseTrust t = new SparseTrust(3f);
    int s = t.slotOf(11);
    assertThat(t.at(s)).as("a new slot holds the start value").isEqualTo(3f);
    t.addAt(s, 1.25);
    assertThat(t.get(11)).isEqualTo(4.25f);
    assertThat(t.slotOf(11)).as("the same agent, the same slot").isEqualTo(s);
    // many insertions grow the table; every trust survives the rehash
    for (int a = 100; a < 200; a++) {
      t.add(a, (a % 7) / 2.0);
    }
    assertThat(t.get(11)).isEqualTo(4.25f);
    for (int a = 100; a < 200; a++) {
      assertThat(t.get(a)).isEqualTo(3f + (a % 7) / 2.0f);
    }
    assertThat(t.size()).isEqualTo(101);
  }
}
