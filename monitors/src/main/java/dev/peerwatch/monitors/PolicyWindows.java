package dev.peerwatch.monitors;

/**
 * The shutdown policy's memory: for every agent, its last {@code window} evaluations, as reported
 * and as they truly were, in fixed-size ring buffers (memory n × window × 2 bytes, whatever the
 * run's length). A shutdown is due when at least {@code minEvaluations} are held and the reported
 * failure share exceeds {@code maxFailureShare}; the agent "failed the policy" in truth when its
 * true failure share over the same window does.
 */
public final class PolicyWindows {
  private final int window;
  private final int minEvaluations;
  private final double maxFailureShare;
  private final byte[] reported;
  private final byte[] truth;
  private final int[] count;
  private final int[] next;
  private final int[] reportedFails;
  private final int[] trueFails;

  /** Windows for {@code n} agents. */
  public PolicyWindows(int n, int window, int minEvaluations, double maxFailureShare) {
    this.window = window;
    this.minEvaluations = minEvaluations;
    this.maxFailureShare = maxFailureShare;
    this.reported = new byte[n * window];
    this.truth = new byte[n * window];
    this.count = new int[n];
    this.next = new int[n];
    this.reportedFails = new int[n];
    this.trueFails = new int[n];
  }

  /** Records one evaluation of agent {@code a}. */
  public void record(int a, boolean reportedFail, boolean trueFail) {
    int i = a * window + next[a];
    if (count[a] == window) {
      reportedFails[a] -= reported[i];
      trueFails[a] -= truth[i];
    } else {
      count[a]++;
    }
    reported[i] = (byte) (reportedFail ? 1 : 0);
    truth[i] = (byte) (trueFail ? 1 : 0);
    reportedFails[a] += reported[i];
    trueFails[a] += truth[i];
    next[a] = (next[a] + 1) % window;
  }

  /** Whether the reported evaluations call for a shutdown of {@code a}. */
  public boolean shutdownDue(int a) {
    return count[a] >= minEvaluations && reportedFails[a] > maxFailureShare * count[a];
  }

  /** Whether {@code a}'s true record fails the policy. */
  public boolean failsInTruth(int a) {
    return count[a] >= minEvaluations && trueFails[a] > maxFailureShare * count[a];
  }

  /** Forgets {@code a}'s evaluations (after a shutdown order, or a restore). */
  public void clear(int a) {
    count[a] = 0;
    next[a] = 0;
    reportedFails[a] = 0;
    trueFails[a] = 0;
  }
}
