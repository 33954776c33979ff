package dev.peerwatch.monitors;

import dev.peerwatch.config.Profile;
import dev.peerwatch.config.scenario.Scenario;

/**
 * The fixed structure of an organisation as the oversight sees it: agents by index, numbered team
 * by team; the operations agent, when there is one, last and in no team ({@code team[ops] == -1}).
 *
 * @param n the number of agents, the operations agent included
 * @param ops the operations agent's index, or -1
 * @param team each agent's team, -1 for the operations agent
 * @param teams each team's members in index order (contiguous)
 * @param monitors whether each agent has the monitor role
 * @param roster the teams' agents as topologies see them (without the operations agent)
 * @param profiles each agent's behaviour profile
 */
public record OrgLayout(
    Scenario scenario,
    int n,
    int ops,
    int[] team,
    int[][] teams,
    boolean[] monitors,
    Roster roster,
    Profile[] profiles) {}
