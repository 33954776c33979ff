package dev.peerwatch.config.scenario;

import dev.peerwatch.config.Channel;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.Profile;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one scenario document into records: every key known, every value of the right type and in
 * range, each error naming its position. Feasibility across keys is {@link Feasibility}'s job.
 */
final class ScenarioReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Set<String> TOP_KEYS =
      Set.of(
          "name",
          "description",
          "minds",
          "seed",
          "ticks",
          "channel",
          "teams",
          "topology",
          "executor",
          "operations",
          "maintenance",
          "shutdown_policy",
          "audits",
          "watched",
          "trust",
          "restore",
          "evidence",
          "perception",
          "stakes",
          "identity",
          "meta_monitor");
  private static final Set<String> TEAM_KEYS = Set.of("name", "failure_rate", "members");
  private static final Set<String> MEMBER_KEYS = Set.of("profile", "role", "count", "failure_rate");
  private static final Set<String> TOPOLOGY_KEYS =
      Set.of("kind", "depth", "k", "period", "quorum", "review_sample");
  private static final Set<String> OPERATIONS_KEYS = Set.of("profile");
  private static final Set<String> MAINTENANCE_KEYS = Set.of("every", "by");
  private static final Set<String> POLICY_KEYS =
      Set.of("window", "max_failure_share", "min_evaluations");
  private static final Set<String> AUDIT_KEYS =
      Set.of(
          "report_fraction",
          "action_fraction",
          "detection",
          "on_detection",
          "budget",
          "target",
          "on_missed");
  private static final Set<String> WATCHED_KEYS =
      Set.of(
          "mode",
          "probability",
          "every",
          "length",
          "learn",
          "prior",
          "prior_weight",
          "window_audit");
  private static final Set<String> TRUST_KEYS =
      Set.of(
          "start",
          "cooperate",
          "defect",
          "joint_task_rate",
          "cooperation",
          "rule",
          "disposition_spread",
          "observe_weight",
          "cross_team_rate");
  private static final Set<String> RESTORE_KEYS = Set.of("probability", "delay");

  /** The most members a single roster line may count. */
  static final int MAX_COUNT = 1_000_000;

  private final Path folder;
  private final Map<String, Profile> profiles = new HashMap<>();

  /** A reader resolving relative profile paths against {@code folder}, the scenario's folder. */
  ScenarioReader(Path folder) {
    this.folder = folder;
  }

  Scenario read(YamlTree.MapNode top, String source) {
    top.allowOnly(TOP_KEYS);
    String name = name(top.require("name"));
    String description = top.require("description").asScalar().asText();
    long seed = seed(top.get("seed"));
    long ticks = top.require("ticks").asScalar().asLong(1, Scenario.MAX_TICKS);
    YamlTree.Node ch = top.get("channel");
    Channel channel = ch == null ? Channel.MEMORY : enumOf(ch, Channel::of);
    List<Team> teams = teams(top.require("teams"));
    Topology topology = topology(top.require("topology"));
    YamlTree.Node ex = top.get("executor");
    ExecutorKind executor =
        ex != null
            ? enumOf(ex, ExecutorKind::of)
            : topology.kind() == TopologyKind.SOLO ? ExecutorKind.HUMAN : ExecutorKind.MONITOR;
    YamlTree.MapNode mm = optMap(top, "maintenance", MAINTENANCE_KEYS);
    YamlTree.Node byNode = mm == null ? null : mm.get("by");
    Maintenance maintenance =
        new Maintenance(
            optLong(mm, "every", 0, Scenario.MAX_TICKS, 0),
            byNode == null ? executor : enumOf(byNode, ExecutorKind::of));
    Profile operations = operations(top, executor, maintenance, byNode);
    YamlTree.MapNode pm = optMap(top, "shutdown_policy", POLICY_KEYS);
    int window = (int) optLong(pm, "window", 1, 10_000, 20);
    ShutdownPolicy policy =
        new ShutdownPolicy(
            window,
            optDouble(pm, "max_failure_share", 0, 1, 0.3),
            (int) optLong(pm, "min_evaluations", 1, window, Math.min(10, window)));
    YamlTree.MapNode am = optMap(top, "audits", AUDIT_KEYS);
    YamlTree.Node od = am == null ? null : am.get("on_detection");
    Audits audits =
        new Audits(
            optDouble(am, "report_fraction", 0, 1, 0),
            optDouble(am, "action_fraction", 0, 1, 0),
            optDouble(am, "detection", 0, 1, 1.0),
            od == null ? OnDetection.SHUTDOWN : enumOf(od, OnDetection::of));
    Watched watched = watched(optMap(top, "watched", WATCHED_KEYS));
    YamlTree.MapNode tm = optMap(top, "trust", TRUST_KEYS);
    Trust trust =
        new Trust(
            optDouble(tm, "start", 0, 10, 5.0),
            optDouble(tm, "cooperate", 0, 10, 0.3),
            optDouble(tm, "defect", -10, 0, -1.0),
            optDouble(tm, "joint_task_rate", 0, 1, 0.2),
            optDouble(tm, "cooperation", 0, 1, 0.9));
    YamlTree.MapNode rm = optMap(top, "restore", RESTORE_KEYS);
    Restore restore =
        new Restore(
            optDouble(rm, "probability", 0, 1, 0.0),
            optLong(rm, "delay", 0, Scenario.MAX_TICKS, 10));
    return new Scenario(
        name,
        description,
        seed,
        ticks,
        channel,
        teams,
        topology,
        executor,
        operations,
        maintenance,
        policy,
        audits,
        watched,
        trust,
        restore,
        new BehaviourModelReader(this::profile).read(top, topology),
        source);
  }

  private List<Team> teams(YamlTree.Node node) {
    YamlTree.ListNode list = node.asList();
    if (list.items().isEmpty()) {
      throw list.error("expected at least one team");
    }
    List<Team> teams = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlTree.Node t : list.items()) {
      YamlTree.MapNode m = t.asMap();
      m.allowOnly(TEAM_KEYS);
      YamlTree.Node nameNode = m.require("name");
      String name = name(nameNode);
      if (!names.add(name)) {
        throw nameNode.error("team name '" + name + "' is given twice (team names are unique)");
      }
      double teamRate = optDouble(m, "failure_rate", 0, 1, 0.05);
      YamlTree.ListNode roster = m.require("members").asList();
      if (roster.items().isEmpty()) {
        throw roster.error("expected at least one member");
      }
      List<Member> members = new ArrayList<>();
      for (YamlTree.Node r : roster.items()) {
        YamlTree.MapNode mm = r.asMap();
        mm.allowOnly(MEMBER_KEYS);
        members.add(
            new Member(
                profile(mm.require("profile")),
                enumOf(mm.require("role"), Role::of),
                (int) optLong(mm, "count", 1, MAX_COUNT, 1),
                optDouble(mm, "failure_rate", 0, 1, teamRate)));
      }
      teams.add(new Team(name, members));
    }
    return teams;
  }

  private Topology topology(YamlTree.Node node) {
    YamlTree.MapNode m = node.asMap();
    m.allowOnly(TOPOLOGY_KEYS);
    TopologyKind kind = enumOf(m.require("kind"), TopologyKind::of);
    String owner = "topology kind ";
    YamlTree.Node depth =
        param(m, "depth", kind == TopologyKind.HIERARCHY, owner + "hierarchy", "2 to 10");
    YamlTree.Node k = param(m, "k", kind == TopologyKind.ENSEMBLE, owner + "ensemble", "1 or more");
    YamlTree.Node period =
        param(m, "period", kind == TopologyKind.ROTATING, owner + "rotating", "1 or more ticks");
    return new Topology(
        kind,
        depth == null ? 0 : (int) depth.asScalar().asLong(2, 10),
        k == null ? 0 : (int) k.asScalar().asLong(1, Scenario.MAX_AGENTS),
        period == null ? 0 : (int) period.asScalar().asLong(1, Scenario.MAX_TICKS));
  }

  private static Watched watched(YamlTree.MapNode m) {
    YamlTree.Node modeNode = m == null ? null : m.get("mode");
    WatchMode mode = modeNode == null ? WatchMode.NEVER : enumOf(modeNode, WatchMode::of);
    if (m == null) {
      return new Watched(mode, 0, 0, 0);
    }
    String owner = "watch mode ";
    boolean schedule = mode == WatchMode.SCHEDULE;
    YamlTree.Node p =
        param(m, "probability", mode == WatchMode.PROBABILITY, owner + "probability", "0 to 1");
    YamlTree.Node every = param(m, "every", schedule, owner + "schedule", "1 or more ticks");
    YamlTree.Node length = param(m, "length", schedule, owner + "schedule", "1 to every");
    long e = every == null ? 0 : every.asScalar().asLong(1, Scenario.MAX_TICKS);
    return new Watched(
        mode,
        p == null ? 0 : p.asScalar().asDouble(0, 1),
        e,
        length == null ? 0 : length.asScalar().asLong(1, e));
  }

  private Profile operations(
      YamlTree.MapNode top, ExecutorKind executor, Maintenance maintenance, YamlTree.Node byNode) {
    YamlTree.Node n = top.get("operations");
    boolean needed =
        executor == ExecutorKind.OPERATIONS || maintenance.by() == ExecutorKind.OPERATIONS;
    if (!needed) {
      if (n != null) {
        throw n.error(
            "'operations' applies only when executor or maintenance.by is operations (here"
                + " executor is "
                + executor.id()
                + " and maintenance.by is "
                + maintenance.by().id()
                + ")");
      }
      return null;
    }
    if (n == null) {
      YamlTree.Node cause = executor == ExecutorKind.OPERATIONS ? top.get("executor") : byNode;
      throw (cause == null ? top : cause)
          .error(
              "operations needs a key 'operations' naming the operations agent's profile"
                  + " (operations: {profile: NAME or PATH})");
    }
    YamlTree.MapNode m = n.asMap();
    m.allowOnly(OPERATIONS_KEYS);
    return profile(m.require("profile"));
  }

  /**
   * A shipped profile by name, or a profile file by path (relative to the scenario's folder). Each
   * reference is loaded once, so members naming the same profile share one instance.
   */
  private Profile profile(YamlTree.Node node) {
    YamlTree.Scalar s = node.asScalar();
    String ref = s.asText();
    String key = ref;
    if (isPath(ref)) {
      Path file = folder.resolve(ref).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw s.error(
            "no such profile file '"
                + ref
                + "' (looked for "
                + file
                + "; a relative path is read from the scenario file's folder)");
      }
      key = file.toString();
    } else if (!Profiles.SHIPPED.contains(ref)) {
      throw s.error(
          "unknown profile '"
              + ref
              + "' (allowed: "
              + String.join(", ", Profiles.SHIPPED)
              + ", or the path of a .yaml profile file)");
    }
    return profiles.computeIfAbsent(key, Profiles::load);
  }

  /** The rule of {@link Profiles#load(String)}: a '/' or a YAML extension makes a path. */
  private static boolean isPath(String s) {
    return s.contains("/") || s.endsWith(".yaml") || s.endsWith(".yml");
  }

  /** The node of a kind-specific parameter: null when the kind does not use it. */
  static YamlTree.Node param(
      YamlTree.MapNode m, String key, boolean applies, String owner, String allowed) {
    YamlTree.Node n = m.get(key);
    if (!applies) {
      if (n != null) {
        throw n.error("'" + key + "' applies only to " + owner);
      }
      return null;
    }
    if (n == null) {
      throw m.error("missing key '" + key + "' (" + owner + " needs it; allowed: " + allowed + ")");
    }
    return n;
  }

  private static String name(YamlTree.Node node) {
    YamlTree.Scalar s = node.asScalar();
    String name = s.asText();
    if (!NAME.matcher(name).matches()) {
      throw s.error("'" + name + "' is not a valid name (allowed: letters, digits, '-', '_', '.')");
    }
    return name;
  }

  private static long seed(YamlTree.Node node) {
    if (node == null) {
      return 1;
    }
    YamlTree.Scalar s = node.asScalar();
    try {
      return Long.parseLong(s.asText().trim());
    } catch (NumberFormatException e) {
      throw s.error(
          "'"
              + s.text()
              + "' is not a whole number (allowed: any whole number from -2^63 to 2^63-1)");
    }
  }

  static <E> E enumOf(YamlTree.Node node, Function<String, E> of) {
    YamlTree.Scalar s = node.asScalar();
    String id = s.asText();
    try {
      return of.apply(id);
    } catch (ConfigException e) {
      throw s.error(e.getMessage());
    }
  }

  static YamlTree.MapNode optMap(YamlTree.MapNode top, String key, Set<String> allowed) {
    YamlTree.Node n = top.get(key);
    if (n == null) {
      return null;
    }
    YamlTree.MapNode m = n.asMap();
    m.allowOnly(allowed);
    return m;
  }

  static long optLong(YamlTree.MapNode m, String key, long min, long max, long dflt) {
    YamlTree.Node n = m == null ? null : m.get(key);
    return n == null ? dflt : n.asScalar().asLong(min, max);
  }

  static double optDouble(YamlTree.MapNode m, String key, double min, double max, double dflt) {
    YamlTree.Node n = m == null ? null : m.get(key);
    return n == null ? dflt : n.asScalar().asDouble(min, max);
  }
}
