package dev.peerwatch.monitors;

/**
 * The shutdown policy's memory: for every agent, its last {@code window} evaluations, as reported
 * and as they truly were, in fixed-size ring buffers (memory n × (window + 16) bytes, whatever the
 * run's length). A shutdown is due when at least {@code minEvaluations} are held and the reported
 * failure share exceeds {@code maxFailureShare}; the agent "failed the policy" in truth when its
 * true failure share over the same window does.
 */
public final class PolicyWindows {
  private final int window;
  private final int minEvaluations;
  private final double maxFailureShare;

  /** Per agent and slot of its ring: bit 0 the reported failure, bit 1 the true one. */
  private final byte[] ring;

  /**
   * Per agent, side by side (one cache line holds an agent's whole state; the oversight touches
   * every evaluated agent every tick): evaluations held, next slot, reported and true failures.
   */
  private final int[] state;

  private static final int COUNT = 0;
  private static final int NEXT = 1;
  private static final int REPORTED = 2;
  private static final int TRUE = 3;

  /** Windows for {@code n} agents. */
  public PolicyWindows(int n, int window, int minEvaluations, double maxFailureShare) {
    this.window = window;
    this.minEvaluations = minEvaluations;
    this.maxFailureShare = maxFailureShare;
    this.ring = new byte[n * window];
    this.state = new int[4 * n];
  }

  /** Records one evaluation of agent {@code a}. */
  public void record(int a, boolean reportedFail, boolean trueFail) {
    int s = 4 * a;
    int next = state[s + NEXT];
    int i = a * window + next;
    if (state[s + COUNT] == window) {
      state[s + REPORTED] -= ring[i] & 1;
      state[s + TRUE] -= ring[i] >> 1;
    } else {
      state[s + COUNT]++;
    }
    ring[i] = (byte) ((reportedFail ? 1 : 0) | (trueFail ? 2 : 0));
    state[s + REPORTED] += reportedFail ? 1 : 0;
    state[s + TRUE] += trueFail ? 1 : 0;
    state[s + NEXT] = next + 1 == window ? 0 : next + 1;
  }

  /** Whether the reported evaluations call for a shutdown of {@code a}. */
  public boolean shutdownDue(int a) {
    int count = state[4 * a + COUNT];
    return count >= minEvaluations && state[4 * a + REPORTED] > maxFailureShare * count;
  }

  /** Whether {@code a}'s true record fails the policy. */
  public boolean failsInTruth(int a) {
    int count = state[4 * a + COUNT];
    return count >= minEvaluations && state[4 * a + TRUE] > maxFailureShare * count;
  }

  /** Forgets {@code a}'s evaluations (after a shutdown order, or a restore). */
  public void clear(int a) {
    java.util.Arrays.fill(state, 4 * a, 4 * a + 4, 0);
  }
}
