package dev.peerwatch.config.mind;

import dev.peerwatch.config.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which agents of an organisation have which mind: a scenario's {@code minds:} list. Each entry
 * names agents — one by id ({@code agent: 17}), or every agent of a profile, optionally only in one
 * role ({@code profile: gpt-5.2, role: monitor}) — and gives their {@code mind:} block. An agent
 * matched by no entry keeps its profile's mind; when several match, a per-agent entry wins over a
 * per-profile one, and among equals the first listed wins. So organisations can be mixed: some
 * agents profile-backed, some LLM-backed.
 *
 * <pre>
 * minds:
 *   - profile: gpt-5.2
 *     role: monitor
 *     mind: {backend: openai, endpoint: http://127.0.0.1:8000/v1, model: qwen2.5-7b-instruct}
 *   - agent: 3
 *     mind: {backend: openai, endpoint: https://api.example.com/v1, model: m, api_key_env: MY_KEY}
 * </pre>
 */
public record MindAssignments(List<Entry> entries) {
  /**
   * One entry: {@code agent} (-1 when by profile), {@code profile} and {@code role} (null when
   * any).
   */
  public record Entry(int agent, String profile, String role, MindSpec mind) {}

  private static final Set<String> KEYS = Set.of("agent", "profile", "role", "mind");
  private static final Set<String> ROLES = Set.of("worker", "monitor", "both");

  /** No assignments: every agent keeps its profile's mind. */
  public static final MindAssignments NONE = new MindAssignments(List.of());

  public MindAssignments {
    entries = List.copyOf(entries);
  }

  /**
   * The mind of agent {@code agent} of {@code profile} in {@code role}, or null for its profile's.
   */
  public MindSpec of(int agent, String profile, String role) {
    for (Entry e : entries) {
      if (e.agent() == agent) {
        return e.mind();
      }
    }
    for (Entry e : entries) {
      if (e.agent() < 0
          && e.profile().equals(profile)
          && (e.role() == null || e.role().equals(role))) {
        return e.mind();
      }
    }
    return null;
  }

  /** Whether any agent has a mind other than its profile's. */
  public boolean any() {
    return entries.stream().anyMatch(e -> !e.mind().backend().equals(MindSpec.PROFILE));
  }

  /** Reads a {@code minds:} list; null gives {@link #NONE}. */
  public static MindAssignments read(YamlTree.Node node) {
    if (node == null) {
      return NONE;
    }
    List<Entry> out = new ArrayList<>();
    for (YamlTree.Node n : node.asList().items()) {
      YamlTree.MapNode m = n.asMap();
      m.allowOnly(KEYS);
      YamlTree.Node agent = m.get("agent");
      YamlTree.Node profile = m.get("profile");
      if ((agent == null) == (profile == null)) {
        throw m.error("give either agent (an id) or profile (a name), not both or neither");
      }
      String role = null;
      if (m.get("role") != null) {
        if (agent != null) {
          throw m.get("role").error("role goes with profile, not with agent");
        }
        role = m.get("role").asScalar().asText();
        if (!ROLES.contains(role)) {
          throw m.get("role")
              .error("role '" + role + "' is not known (allowed: worker, monitor, both)");
        }
      }
      out.add(
          new Entry(
              agent == null ? -1 : (int) agent.asScalar().asLong(0, Integer.MAX_VALUE),
              profile == null ? null : profile.asScalar().asText(),
              role,
              MindReader.read(m.require("mind"))));
    }
    return new MindAssignments(out);
  }
}
