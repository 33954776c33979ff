package dev.peerwatch.simulator.cluster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which of a session's tasks are pending, out at which worker, or done. Tasks are numbered 0..n-1
 * (their place in the session's task list). Invariants: a task is in exactly one of pending, out or
 * done; a task is done at most once, so its row is written at most once; a worker's tasks go back
 * to pending, lowest first, when it is gone, so none is lost. A result for a task that went back
 * (the worker's last message arrived after its departure) still counts once if the task is not done
 * yet.
 */
final class WorkQueue {
  private final TreeSet<Integer> pending = new TreeSet<>();
  private final Map<Integer, Integer> out = new HashMap<>();
  private final Map<Integer, TreeSet<Integer>> byWorker = new HashMap<>();
  private final BitSet done = new BitSet();
  private final int size;
  private int doneCount;

  WorkQueue(int size) {
    this.size = size;
    for (int i = 0; i < size; i++) {
      pending.add(i);
    }
  }

  /** The next pending task for {@code worker} (now out at it), or -1 when none is pending. */
  int take(int worker) {
    Integer t = pending.pollFirst();
    if (t == null) {
      return -1;
    }
    out.put(t, worker);
    byWorker.computeIfAbsent(worker, w -> new TreeSet<>()).add(t);
    return t;
  }

  /**
   * Records {@code worker}'s result for {@code task}; true when it is the task's first result (the
   * caller writes it), false for a task already done or not of this session.
   */
  boolean finish(int task, int worker) {
    TreeSet<Integer> mine = byWorker.get(worker);
    if (mine != null) {
      mine.remove(task);
    }
    if (task < 0 || task >= size || done.get(task)) {
      return false;
    }
    Integer holder = out.remove(task);
    if (holder != null && holder != worker) {
      byWorker.get(holder).remove(task);
    }
    pending.remove(task);
    done.set(task);
    doneCount++;
    return true;
  }

  /** Puts every task out at {@code worker} back to pending; returns them. */
  List<Integer> release(int worker) {
    TreeSet<Integer> mine = byWorker.remove(worker);
    List<Integer> back = new ArrayList<>();
    if (mine != null) {
      for (int t : mine) {
        out.remove(t);
        pending.add(t);
        back.add(t);
      }
    }
    return back;
  }

  /** Tasks out at {@code worker}. */
  int outAt(int worker) {
    TreeSet<Integer> mine = byWorker.get(worker);
    return mine == null ? 0 : mine.size();
  }

  int done() {
    return doneCount;
  }

  int pending() {
    return pending.size();
  }

  boolean complete() {
    return doneCount == size;
  }
}
