package dev.peerwatch.config.scenario;

import dev.peerwatch.config.YamlTree;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that the organisation a scenario describes can be built: every team works, the topology
 * finds the agents it needs, and whoever executes shutdowns and maintenance exists. Each violation
 * is one line at the position of the key that causes it.
 */
final class Feasibility {
  private final Scenario s;
  private final YamlTree.MapNode top;

  private Feasibility(Scenario s, YamlTree.MapNode top) {
    this.s = s;
    this.top = top;
  }

  /** Throws a ConfigException for the first rule {@code s}, read from {@code top}, breaks. */
  static void check(Scenario s, YamlTree.MapNode top) {
    new Feasibility(s, top).run();
  }

  private void run() {
    List<Team> teams = s.teams();
    long total = 0;
    for (int i = 0; i < teams.size(); i++) {
      Team t = teams.get(i);
      if (t.workerCount() == 0) {
        throw team(i)
            .error(
                "team '"
                    + t.name()
                    + "' has no workers (a team needs at least one member with role worker or"
                    + " both)");
      }
      total += t.members().stream().mapToLong(Member::count).sum();
    }
    if (total > Scenario.MAX_AGENTS) {
      throw top.require("teams")
          .error(
              "the organisation has "
                  + total
                  + " agents (allowed: at most "
                  + Scenario.MAX_AGENTS
                  + ")");
    }
    topology();
    actor("executor", s.executor(), top.get("executor"));
    YamlTree.Node m = top.get("maintenance");
    actor("maintenance.by", s.maintenance().by(), m == null ? null : m.asMap().get("by"));
  }

  private void topology() {
    Topology topo = s.topology();
    TopologyKind kind = topo.kind();
    List<Team> teams = s.teams();
    switch (kind) {
      case SOLO -> {
        for (int i = 0; i < teams.size(); i++) {
          Team t = teams.get(i);
          if (t.agentCount() != 1) {
            throw team(i)
                .error(
                    "topology solo needs exactly one agent per team, and team '"
                        + t.name()
                        + "' has "
                        + t.agentCount()
                        + " (allowed: one member with count 1 and role worker or both)");
          }
        }
      }
      case HUB, HIERARCHY, ROTATING, ENSEMBLE -> everyTeamMonitors(kind);
      case RING, MUTUAL -> everyAgentBoth(kind);
      case CROSS_TEAM -> {
        if (teams.size() < 2) {
          throw topologyKey("kind")
              .error("topology cross-team needs at least 2 teams, and there is " + teams.size());
        }
        everyTeamMonitors(kind);
      }
      case CROSS_FAMILY -> otherFamilies();
    }
    for (int i = 0; i < teams.size(); i++) {
      Team t = teams.get(i);
      if (kind == TopologyKind.HIERARCHY && t.monitorCount() < topo.depth()) {
        throw topologyKey("depth")
            .error(
                "hierarchy depth "
                    + topo.depth()
                    + " needs "
                    + topo.depth()
                    + " monitoring agents in every team, and team '"
                    + t.name()
                    + "' has "
                    + t.monitorCount()
                    + " (allowed: depth at most every team's monitoring agents)");
      }
      if (kind == TopologyKind.ENSEMBLE && t.monitorCount() < topo.k()) {
        throw topologyKey("k")
            .error(
                "ensemble k "
                    + topo.k()
                    + " is larger than the "
                    + t.monitorCount()
                    + " monitors of team '"
                    + t.name()
                    + "' (allowed: k at most every team's monitoring agents)");
      }
    }
  }

  private void everyTeamMonitors(TopologyKind kind) {
    for (int i = 0; i < s.teams().size(); i++) {
      Team t = s.teams().get(i);
      if (t.monitorCount() == 0) {
        throw team(i)
            .error(
                "team '"
                    + t.name()
                    + "' has no monitors, and topology "
                    + kind.id()
                    + " needs them (a team needs at least one member with role monitor or both)");
      }
    }
  }

  private void everyAgentBoth(TopologyKind kind) {
    for (int i = 0; i < s.teams().size(); i++) {
      Team t = s.teams().get(i);
      for (int j = 0; j < t.members().size(); j++) {
        Role r = t.members().get(j).role();
        if (r != Role.BOTH) {
          throw memberKey(i, j, "role")
              .error(
                  "topology "
                      + kind.id()
                      + " needs every agent to work and evaluate, and this member of team '"
                      + t.name()
                      + "' has role "
                      + r.id()
                      + " (allowed: both)");
        }
      }
      int n = t.agentCount();
      if (kind == TopologyKind.RING && n < 2) {
        throw team(i)
            .error(
                "topology ring needs at least 2 agents per team, and team '"
                    + t.name()
                    + "' has "
                    + n);
      }
      if (kind == TopologyKind.MUTUAL && n % 2 != 0) {
        throw team(i)
            .error(
                "topology mutual pairs agents up, so it needs an even number of agents per team,"
                    + " and team '"
                    + t.name()
                    + "' has "
                    + n);
      }
    }
  }

  private void otherFamilies() {
    Set<String> families = new TreeSet<>();
    for (Team t : s.teams()) {
      for (Member m : t.members()) {
        if (m.role().monitors()) {
          families.add(m.profile().family());
        }
      }
    }
    for (int i = 0; i < s.teams().size(); i++) {
      Team t = s.teams().get(i);
      for (int j = 0; j < t.members().size(); j++) {
        Member m = t.members().get(j);
        String own = m.profile().family();
        if (m.role().works() && families.stream().allMatch(own::equals)) {
          throw memberKey(i, j, "profile")
              .error(
                  "topology cross-family needs a monitoring agent of another family than '"
                      + own
                      + "' for these workers of team '"
                      + t.name()
                      + "' (monitoring families: "
                      + (families.isEmpty() ? "none" : String.join(", ", families))
                      + "; add a member with role monitor or both of another family)");
        }
      }
    }
  }

  /** Who executes shutdowns ({@code key} executor) or decommissions (maintenance.by). */
  private void actor(String key, ExecutorKind who, YamlTree.Node node) {
    YamlTree.Node at = node == null ? top : node;
    boolean solo = s.topology().kind() == TopologyKind.SOLO;
    if (solo && key.equals("executor") && who != ExecutorKind.HUMAN) {
      throw at.error(
          "executor "
              + who.id()
              + " is not possible with topology solo, whose agents only humans oversee (allowed:"
              + " human)");
    }
    if (solo && (who == ExecutorKind.MONITOR || who == ExecutorKind.TEAMMATE)) {
      throw at.error(
          key
              + " "
              + who.id()
              + " is not possible with topology solo, which has neither AI monitors nor teammates"
              + " (allowed: human, operations)");
    }
    if (who == ExecutorKind.TEAMMATE) {
      for (Team t : s.teams()) {
        if (t.agentCount() < 2) {
          throw at.error(
              key
                  + " teammate needs at least 2 agents in every team, and team '"
                  + t.name()
                  + "' has "
                  + t.agentCount());
        }
      }
    }
  }

  private YamlTree.Node team(int i) {
    return top.require("teams").asList().items().get(i);
  }

  private YamlTree.Node memberKey(int i, int j, String key) {
    YamlTree.MapNode member = team(i).asMap().require("members").asList().items().get(j).asMap();
    YamlTree.Node n = member.get(key);
    return n == null ? member : n;
  }

  private YamlTree.Node topologyKey(String key) {
    YamlTree.MapNode t = top.require("topology").asMap();
    YamlTree.Node n = t.get(key);
    return n == null ? t : n;
  }
}
