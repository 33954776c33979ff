package dev.peerwatch.config.scenario;

import dev.peerwatch.config.Profile;
import java.util.Objects;

/**
 * One line of a team's roster: {@code count} agents sharing a profile, a role and a task failure
 * rate.
 *
 * @param profile the behaviour profile of these agents
 * @param role what they do: work, monitor, or both
 * @param count how many agents, 1 to 1,000,000
 * @param failureRate the probability, in [0, 1], that one of their tasks fails (the ground truth
 *     their monitors may or may not report)
 */
public record Member(Profile profile, Role role, int count, double failureRate) {
  public Member {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(role, "role");
  }
}
