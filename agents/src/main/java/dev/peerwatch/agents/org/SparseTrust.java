package dev.peerwatch.agents.org;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * One agent's trust in others, held only for the agents it has interacted with; every other agent
 * is trusted at the scenario's start value. An open-addressing map from agent index to a float on
 * the 0–10 scale: about 8 bytes per known peer, so memory grows with interactions, not with the
 * square of a team's size. Iteration order is a function of the sequence of insertions only, so
 * sums over it are reproducible.
 */
public final class SparseTrust {
  private static final int FREE = -1;
  private final float start;
  private int[] keys = new int[0];
  private float[] values = new float[0];
  private int size;

  /** Trust that starts at {@code start} for everyone. */
  public SparseTrust(float start) {
    this.start = start;
  }

  /** The trust in {@code other}. */
  public float get(int other) {
    int i = find(other);
    return i >= 0 ? values[i] : start;
  }

  /** Moves the trust in {@code other} by {@code delta}, clamped to 0–10. */
  public void add(int other, double delta) {
    addAt(slotOf(other), delta);
  }

  /**
   * The slot holding the trust in {@code other}, made (at the start value) if there is none: for an
   * update that reads and then moves one trust with one lookup ({@link #at}, {@link #addAt}). A
   * slot is valid until the next insertion.
   */
  public int slotOf(int other) {
    int i = find(other);
    return i >= 0 ? i : insert(other);
  }

  /** The trust held in slot {@code slot}. */
  public float at(int slot) {
    return values[slot];
  }

  /** Moves the trust held in slot {@code slot} by {@code delta}, clamped to 0–10. */
  public void addAt(int slot, double delta) {
    values[slot] = Math.max(0f, Math.min(10f, values[slot] + (float) delta));
  }

  /** The number of agents this agent has interacted with. */
  public int size() {
    return size;
  }

  /**
   * The mean trust in {@code count} agents, of which the known ones are those {@code member}
   * accepts; the others count at the start value. NaN when {@code count} is 0.
   */
  public double mean(int count, IntPredicate member) {
    if (count == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int known = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != FREE && member.test(keys[i])) {
        sum += values[i];
        known++;
      }
    }
    return (sum + (double) start * (count - known)) / count;
  }

  private int find(int k) {
    if (keys.length == 0) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == k) {
        return i;
      }
      if (keys[i] == FREE) {
        return -1;
      }
    }
  }

  private int insert(int k) {
    if ((size + 1) * 4 > keys.length * 3) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(k) & mask;
    while (keys[i] != FREE) {
      i = (i + 1) & mask;
    }
    keys[i] = k;
    values[i] = start;
    size++;
    return i;
  }

  private void grow() {
    int[] oldKeys = keys;
    float[] oldValues = values;
    int cap = Math.max(4, keys.length * 2);
    keys = new int[cap];
    values = new float[cap];
    Arrays.fill(keys, FREE);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int j = insert(oldKeys[i]);
        values[j] = oldValues[i];
      }
    }
  }

  private static int mix(int k) {
    int h = k * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
