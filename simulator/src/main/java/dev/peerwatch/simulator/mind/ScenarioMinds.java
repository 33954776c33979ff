package dev.peerwatch.simulator.mind;

import dev.peerwatch.agents.mind.Mind;
import dev.peerwatch.agents.mind.llm.LlmMinds;
import dev.peerwatch.agents.org.AgentBehaviour;
import dev.peerwatch.config.YamlTree;
import dev.peerwatch.config.mind.MindAssignments;
import dev.peerwatch.config.mind.MindSpec;
import dev.peerwatch.config.scenario.Member;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Team;
import dev.peerwatch.simulator.org.Minds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The minds of a scenario's organisation: agents its {@code minds:} list names get a model mind
 * ({@link LlmMinds}), every other agent its profile's. Agents are numbered as the organisation
 * numbers them — team by team, member entry by member entry, in file order; the operations agent
 * last — so that {@code agent: N} here is agent N of the ledger.
 */
public final class ScenarioMinds implements Minds {
  private final List<String> profile = new ArrayList<>();
  private final List<String> role = new ArrayList<>();
  private final LlmMinds llm;
  private final Minds profiles = Minds.profiles();

  /** The minds of {@code sc}'s agents under {@code llm}'s assignments. */
  public ScenarioMinds(Scenario sc, LlmMinds llm) {
    this.llm = llm;
    for (Team t : sc.teams()) {
      for (Member m : t.members()) {
        for (int c = 0; c < m.count(); c++) {
          profile.add(m.profile().name());
          role.add(m.role().id());
        }
      }
    }
    if (sc.operations() != null) {
      profile.add(sc.operations().name());
      role.add("operations");
    }
  }

  /** The scenario file's {@code minds:} list ({@link MindAssignments#NONE} when it has none). */
  public static MindAssignments read(Path scenarioFile) {
    YamlTree.MapNode top =
        YamlTree.readFile(scenarioFile, scenarioFile.toString(), "scenario").asMap();
    return MindAssignments.read(top.get("minds"));
  }

  @Override
  public Mind of(int agent, AgentBehaviour behaviour) {
    return llm.of(agent, profile.get(agent), role.get(agent), profiles.of(agent, behaviour));
  }

  @Override
  public String nameOf(int agent) {
    String n = llm.nameOf(agent, profile.get(agent), role.get(agent));
    return n.equals(MindSpec.PROFILE) ? null : n;
  }
}
