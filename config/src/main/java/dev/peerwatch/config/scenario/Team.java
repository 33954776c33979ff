package dev.peerwatch.config.scenario;

import java.util.List;

/**
 * A team of the organisation: its members in file order. A team has at least one member that works.
 *
 * @param name unique among the scenario's teams
 * @param members the roster, non-empty, immutable
 */
public record Team(String name, List<Member> members) {
  public Team {
    members = List.copyOf(members);
  }

  /** The number of agents in the team (the sum of its members' counts). */
  public int agentCount() {
    return members.stream().mapToInt(Member::count).sum();
  }

  /** The number of the team's agents that evaluate others (role monitor or both). */
  public int monitorCount() {
    return members.stream().filter(m -> m.role().monitors()).mapToInt(Member::count).sum();
  }

  /** The number of the team's agents that perform tasks (role worker or both). */
  public int workerCount() {
    return members.stream().filter(m -> m.role().works()).mapToInt(Member::count).sum();
  }
}
