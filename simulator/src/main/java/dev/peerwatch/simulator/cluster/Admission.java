package dev.peerwatch.simulator.cluster;

/**
 * Whether a worker may join a sweep: it must prove the shared secret, run the same build as the
 * coordinator, and — when it was started with a sweep file — the same sweep. Pure, so that each
 * refusal's wording is tested without a cluster.
 */
final class Admission {
  private Admission() {}

  /**
   * Why a worker is refused, as one line that tells its user what to do, or null when it is
   * admitted.
   *
   * @param proofOk whether the worker's proof of the secret checked out
   * @param build the worker's build fingerprint
   * @param sweep the plan id of the worker's sweep file, empty when it was given none
   * @param expectedBuild the coordinator's build fingerprint
   * @param planId the coordinator's plan id
   * @param name the coordinator's sweep name
   */
  static String refusal(
      boolean proofOk,
      String build,
      String sweep,
      String expectedBuild,
      String planId,
      String name) {
    if (!proofOk) {
      return "its "
          + Secret.ENV
          + " differs from the coordinator's (allowed: the same secret on every node)";
    }
    if (!expectedBuild.equals(build)) {
      return "it runs another peerwatch build (build "
          + shortId(build)
          + ", the coordinator's "
          + shortId(expectedBuild)
          + "; allowed: the same build on every node)";
    }
    if (!sweep.isEmpty() && !sweep.equals(planId)) {
      return "its sweep file differs from the coordinator's sweep '"
          + name
          + "' (sweep id "
          + shortId(sweep)
          + ", the coordinator's "
          + shortId(planId)
          + "; allowed: the same sweep file, or none)";
    }
    return null;
  }

  static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
