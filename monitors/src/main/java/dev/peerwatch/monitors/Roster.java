package dev.peerwatch.monitors;

/**
 * The organisation's structure as topologies see it: agents by index, their team, whether they work
 * and whether they monitor, and their model family.
 *
 * @param team each agent's team index
 * @param works whether the agent does tasks (role worker or both)
 * @param monitors whether the agent evaluates others (role monitor or both)
 * @param family each agent's model family
 * @param teams each team's members, in index order
 */
public record Roster(
    int[] team, boolean[] works, boolean[] monitors, String[] family, int[][] teams) {
  /** The number of agents. */
  public int size() {
    return team.length;
  }

  /** True for a member that works and does not monitor. */
  public boolean pureWorker(int a) {
    return works[a] && !monitors[a];
  }
}
