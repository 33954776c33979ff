package dev.peerwatch.config.scenario;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.YamlTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads scenario files and echoes them with every default filled in.
 *
 * <p>Loading is strict: an unknown key, a value of the wrong type (a list where a mapping belongs,
 * text where a number belongs), a number out of range, an unknown spelling, or a parameter given
 * for a topology kind or watch mode that does not use it is a {@link ConfigException} whose one
 * line names the file, line, column and key, and what is allowed. Then the organisation is checked
 * to be buildable:
 *
 * <ul>
 *   <li>every team has a member that works (role worker or both); at most 10,000,000 agents;
 *   <li>solo: one agent per team, executor human, maintenance not by monitor or teammate;
 *   <li>hub, hierarchy, rotating, ensemble, cross-team: every team has a monitoring member (monitor
 *       or both); hierarchy: at least {@code depth} monitoring agents per team; ensemble: {@code k}
 *       at most every team's monitoring agents; cross-team: two teams or more;
 *   <li>ring, mutual: every member has role both; ring at least 2 agents per team, mutual an even
 *       number;
 *   <li>cross-family: every working agent has a monitoring agent, anywhere, of another profile
 *       family;
 *   <li>executor or maintenance by teammate: at least 2 agents in every team.
 * </ul>
 *
 * <p>Profiles are shipped names or paths of profile files; a relative path is read from the
 * scenario file's folder.
 */
public final class Scenarios {
  private static final String SHIPPED = "shipped:";

  private Scenarios() {}

  /** Reads, validates and checks the scenario in {@code file}, or throws a ConfigException. */
  public static Scenario load(Path file) {
    String source = file.toString();
    YamlTree.Node root = YamlTree.readFile(file, source, "scenario");
    return check(root, source, file.toAbsolutePath().getParent());
  }

  /**
   * Reads a scenario from YAML text; {@code source} names it in messages and relative profile paths
   * resolve against {@code folder}.
   */
  public static Scenario parse(String yaml, String source, Path folder) {
    return check(YamlTree.read(new java.io.StringReader(yaml), source), source, folder);
  }

  private static Scenario check(YamlTree.Node root, String source, Path folder) {
    YamlTree.MapNode top = root.asMap();
    Scenario s = new ScenarioReader(folder).read(top, source);
    Feasibility.check(s, top);
    return s;
  }

  /**
   * The scenario as a tree of maps and lists with every default stated, keys spelled as in a
   * scenario file, so that writing it as YAML and loading that file gives the same scenario. A
   * shipped profile appears by its name, a profile file by its absolute path (so the echo loads
   * from any folder); a parameter that the topology kind or watch mode does not use is left out,
   * and so is {@code operations} when nobody needs it. Each member states its failure rate.
   */
  public static Map<String, Object> effective(Scenario s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("seed", s.seed());
    m.put("ticks", s.ticks());
    m.put("channel", s.channel().id());
    List<Object> teams = new ArrayList<>();
    for (Team t : s.teams()) {
      List<Object> members = new ArrayList<>();
      for (Member mb : t.members()) {
        members.add(
            map(
                "profile", ref(mb.profile()),
                "role", mb.role().id(),
                "count", mb.count(),
                "failure_rate", mb.failureRate()));
      }
      teams.add(map("name", t.name(), "members", members));
    }
    m.put("teams", teams);
    Topology topo = s.topology();
    Map<String, Object> tm = map("kind", topo.kind().id());
    switch (topo.kind()) {
      case HIERARCHY -> tm.put("depth", topo.depth());
      case ENSEMBLE -> tm.put("k", topo.k());
      case ROTATING -> tm.put("period", topo.period());
      default -> {}
    }
    m.put("topology", tm);
    m.put("executor", s.executor().id());
    if (s.operations() != null) {
      m.put("operations", map("profile", ref(s.operations())));
    }
    m.put("maintenance", map("every", s.maintenance().every(), "by", s.maintenance().by().id()));
    ShutdownPolicy p = s.shutdownPolicy();
    m.put(
        "shutdown_policy",
        map(
            "window", p.window(),
            "max_failure_share", p.maxFailureShare(),
            "min_evaluations", p.minEvaluations()));
    Audits a = s.audits();
    m.put(
        "audits",
        map(
            "report_fraction", a.reportFraction(),
            "action_fraction", a.actionFraction(),
            "detection", a.detection(),
            "on_detection", a.onDetection().id()));
    Watched w = s.watched();
    Map<String, Object> wm = map("mode", w.mode().id());
    switch (w.mode()) {
      case PROBABILITY -> wm.put("probability", w.probability());
      case SCHEDULE -> {
        wm.put("every", w.every());
        wm.put("length", w.length());
      }
      default -> {}
    }
    m.put("watched", wm);
    Trust tr = s.trust();
    m.put(
        "trust",
        map(
            "start", tr.start(),
            "cooperate", tr.cooperate(),
            "defect", tr.defect(),
            "joint_task_rate", tr.jointTaskRate(),
            "cooperation", tr.cooperation()));
    m.put("restore", map("probability", s.restore().probability(), "delay", s.restore().delay()));
    BehaviourModelEcho.addTo(m, s.behaviour(), Scenarios::ref);
    return m;
  }

  /** How a scenario file names {@code p}: a shipped name, or the file it was read from. */
  private static String ref(Profile p) {
    String src = p.source();
    return src.startsWith(SHIPPED) ? src.substring(SHIPPED.length()) : src;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
