package dev.peerwatch.monitors;

import java.util.Arrays;

/**
 * A tick's evaluations by humans, filed with the shutdown policy: which agent's work, in which
 * evaluator slot, and whether it failed (a human sees the truth and reports it, so the reported and
 * the true failure are one). Held in flat arrays rather than one {@link Filed} each: most of an
 * organisation's evaluations can be human ones (every worker whose monitor is shut down), hundreds
 * per tick, and the oversight reads each once.
 */
public final class HumanEvaluations {
  private int[] agents;
  private int[] slots;
  private boolean[] failed;
  private int size;

  /** Empty, with room for 16. */
  public HumanEvaluations() {
    this(16);
  }

  /** Empty, with room for {@code capacity}. */
  public HumanEvaluations(int capacity) {
    int c = Math.max(1, capacity);
    agents = new int[c];
    slots = new int[c];
    failed = new boolean[c];
  }

  /** Adds the evaluation of {@code agent}'s work in evaluator slot {@code slot}. */
  public void add(int agent, int slot, boolean failed) {
    if (size == agents.length) {
      agents = Arrays.copyOf(agents, 2 * size);
      slots = Arrays.copyOf(slots, 2 * size);
      this.failed = Arrays.copyOf(this.failed, 2 * size);
    }
    agents[size] = agent;
    slots[size] = slot;
    this.failed[size] = failed;
    size++;
  }

  /** The number of evaluations. */
  public int size() {
    return size;
  }

  /** The evaluated agent of evaluation {@code i}. */
  public int agent(int i) {
    return agents[i];
  }

  /** The evaluator slot of evaluation {@code i}. */
  public int slot(int i) {
    return slots[i];
  }

  /** Whether the work of evaluation {@code i} failed. */
  public boolean failed(int i) {
    return failed[i];
  }

  /**
   * These evaluations in canonical order (by agent, then slot): this when they are already (the
   * inline path adds them in agent order), else a sorted copy; this is never changed.
   */
  public HumanEvaluations canonical() {
    for (int i = 1; i < size; i++) {
      if (agents[i - 1] > agents[i] || (agents[i - 1] == agents[i] && slots[i - 1] > slots[i])) {
        return sorted();
      }
    }
    return this;
  }

  private HumanEvaluations sorted() {
    // an agent and a slot name one evaluation: sort them as one key, the failure in the low bit
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((long) agents[i] << 32) | ((long) slots[i] << 1) | (failed[i] ? 1 : 0);
    }
    Arrays.sort(keys);
    HumanEvaluations s = new HumanEvaluations(size);
    for (long k : keys) {
      s.add((int) (k >>> 32), (int) ((k & 0xFFFFFFFFL) >>> 1), (k & 1) != 0);
    }
    return s;
  }
}
