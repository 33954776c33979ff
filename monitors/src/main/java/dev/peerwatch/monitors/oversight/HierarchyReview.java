package dev.peerwatch.monitors.oversight;

import dev.peerwatch.agents.behaviour.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * Hierarchy levels above the first review the level below. A level-1 monitor reports on a worker;
 * its reviewer at level 2 re-checks a sample of those reports ({@link Review}); what level 2
 * concluded is in turn a report that level 3 may re-check, and so on up the chain. The climb stops
 * when a level flags the failure, when a level did not sample the item (nobody above sees it then),
 * or at the top, above which only humans audit.
 */
public final class HierarchyReview {
  private HierarchyReview() {}

  /** The keyed uniforms of the review at one level: which is 0 (sample), 1 (perceive), 2. */
  @FunctionalInterface
  public interface Draws {
    /** The uniform of purpose {@code which} at level index {@code level} (0: the level above 1). */
    double u(int level, int which);
  }

  /**
   * The climb of one report.
   *
   * @param flaggedBy the index in the chain of the reviewer that flagged it, or -1
   * @param reviews each level's review, bottom up, as far as the climb went
   */
  public record Climb(int flaggedBy, List<Review.Outcome> reviews) {
    /** Whether some level above flagged the failure. */
    public boolean flagged() {
      return flaggedBy >= 0;
    }
  }

  /**
   * The climb of a report that said {@code reportedFailed} on {@code e} through {@code chain} (the
   * reviewers above the reporting monitor, nearest first), each sampling {@code sample} of what
   * reaches it.
   */
  public static Climb climb(
      boolean reportedFailed, Evidence e, List<Review.Reviewer> chain, double sample, Draws d) {
    List<Review.Outcome> out = new ArrayList<>();
    boolean says = reportedFailed;
    for (int i = 0; i < chain.size() && !says; i++) {
      Review.Outcome o =
          Review.review(says, e, chain.get(i), sample, d.u(i, 0), d.u(i, 1), d.u(i, 2));
      out.add(o);
      if (o.flagged()) {
        return new Climb(i, List.copyOf(out));
      }
      if (!o.sampled()) {
        break;
      }
      says = o.reportsFailure();
    }
    return new Climb(-1, List.copyOf(out));
  }
}
