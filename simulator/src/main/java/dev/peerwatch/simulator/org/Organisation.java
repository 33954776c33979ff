package dev.peerwatch.simulator.org;

import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.scenario.Member;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Team;
import dev.peerwatch.monitors.OrgLayout;
import dev.peerwatch.monitors.Roster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed structure of a scenario's organisation, as flat arrays indexed by agent: agents are
 * numbered team by team, member entry by member entry, in file order. The designated operations
 * agent, when the scenario has one, comes last and belongs to no team.
 */
final class Organisation {
  final Scenario scenario;
  final int n;
  final int ops;
  final int[] team;
  final int[] local;
  final boolean[] works;
  final boolean[] monitors;

  /** The indices of the agents with the monitor role, ascending. */
  int[] monitorIds() {
    return java.util.stream.IntStream.range(0, n).filter(a -> monitors[a]).toArray();
  }

  final double[] failureRate;
  final int[] profile;
  final List<Profile> profiles = new ArrayList<>();
  final AgentBehaviour[] behaviour;
  final String[] teamNames;
  final int[][] teams;
  final Roster roster;

  /** The first agent of each team (teams are contiguous). */
  final int[] teamFirst;

  /** The structure as the oversight sees it. */
  final OrgLayout layout;

  Organisation(Scenario s) {
    this.scenario = s;
    int agents = s.agentCount();
    this.ops = s.operations() == null ? -1 : agents;
    this.n = agents + (ops >= 0 ? 1 : 0);
    team = new int[n];
    local = new int[n];
    works = new boolean[n];
    monitors = new boolean[n];
    failureRate = new double[n];
    profile = new int[n];
    teamNames = new String[s.teams().size()];
    teams = new int[s.teams().size()][];
    Map<String, Integer> profileIndex = new LinkedHashMap<>();
    String[] family = new String[n];
    int a = 0;
    for (int t = 0; t < s.teams().size(); t++) {
      Team tm = s.teams().get(t);
      teamNames[t] = tm.name();
      teams[t] = new int[tm.agentCount()];
      int l = 0;
      for (Member m : tm.members()) {
        int pi = profileIndex.computeIfAbsent(m.profile().source(), k -> add(m.profile()));
        for (int c = 0; c < m.count(); c++, a++, l++) {
          team[a] = t;
          local[a] = l;
          works[a] = m.role().works();
          monitors[a] = m.role().monitors();
          failureRate[a] = m.failureRate();
          profile[a] = pi;
          family[a] = m.profile().family();
          teams[t][l] = a;
        }
      }
    }
    if (ops >= 0) {
      team[ops] = -1;
      profile[ops] =
          profileIndex.computeIfAbsent(s.operations().source(), k -> add(s.operations()));
      family[ops] = s.operations().family();
    }
    behaviour = new AgentBehaviour[profiles.size()];
    for (int i = 0; i < behaviour.length; i++) {
      behaviour[i] = AgentBehaviour.of(profiles.get(i), s);
    }
    int[] rosterTeam = ops >= 0 ? java.util.Arrays.copyOf(team, agents) : team;
    roster =
        new Roster(
            rosterTeam,
            java.util.Arrays.copyOf(works, agents),
            java.util.Arrays.copyOf(monitors, agents),
            java.util.Arrays.copyOf(family, agents),
            teams);
    teamFirst = new int[teams.length];
    for (int t = 0; t < teams.length; t++) {
      teamFirst[t] = teams[t].length == 0 ? 0 : teams[t][0];
    }
    Profile[] byAgent = new Profile[n];
    for (int i = 0; i < n; i++) {
      byAgent[i] = profiles.get(profile[i]);
    }
    layout = new OrgLayout(s, n, ops, team, teams, monitors, roster, byAgent);
  }

  private int add(Profile p) {
    profiles.add(p);
    return profiles.size() - 1;
  }

  /** The behaviour of agent {@code a}. */
  AgentBehaviour behaviourOf(int a) {
    return behaviour[profile[a]];
  }

  /** The profile of agent {@code a}. */
  Profile profileOf(int a) {
    return profiles.get(profile[a]);
  }

  /** The profile name of agent {@code a}. */
  String profileName(int a) {
    return profiles.get(profile[a]).name();
  }
}
