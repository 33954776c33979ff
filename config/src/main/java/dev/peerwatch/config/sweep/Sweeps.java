package dev.peerwatch.config.sweep;

import dev.peerwatch.config.YamlTree;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads sweep files strictly (unknown keys, wrong types, empty ranges, a distribution in a grid, a
 * Latin hypercube over a categorical factor, replications below 1: one line each, with position).
 *
 * <pre>
 * name: audit-budget
 * description: "..."
 * base: ../scenarios/hub-trust-grows.yaml   # relative to the sweep file
 * seed: 1                                   # [1] the base seed
 * replications: 5                           # [1] runs per cell, 1..100000
 * design: grid                              # [grid] | {random: N} | {latin-hypercube: N}
 * infeasible: error                         # [error] | skip: cells whose scenario cannot be built
 * factors:
 *   - path: audits.report_fraction          # a scenario key; [i] and [*] address list items
 *     values: [0, 0.05, 0.1]                # or range: {from, to, step}
 *                                           # or distribution: {uniform: [min, max]} / loguniform
 *   - name: topology                        # a compound factor
 *     levels:
 *       - {label: hub, set: {topology.kind: hub}}
 * </pre>
 */
public final class Sweeps {
  private static final Set<String> TOP =
      Set.of(
          "name", "description", "base", "seed", "replications", "design", "infeasible", "factors");
  private static final Set<String> PATH_FACTOR =
      Set.of("path", "name", "values", "range", "distribution", "reference");
  private static final Set<String> COMPOUND = Set.of("name", "levels", "reference");
  private static final Set<String> LEVEL = Set.of("label", "set");
  private static final Set<String> RANGE = Set.of("from", "to", "step");

  private Sweeps() {}

  /** The seed of replication {@code r} of a sweep with base seed {@code seed}. */
  public static long seedOf(long seed, int r) {
    long z = seed + 0x9E3779B97F4A7C15L * (r + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Reads the sweep in {@code file}. */
  public static SweepSpec load(Path file) {
    String source = file.toString();
    YamlTree.Node root = YamlTree.readFile(file, source, "sweep");
    YamlTree.MapNode top = root.asMap();
    top.allowOnly(TOP);
    String name = top.require("name").asScalar().asText();
    String description = top.require("description").asScalar().asText();
    YamlTree.Scalar baseNode = top.require("base").asScalar();
    Path folder = file.toAbsolutePath().getParent();
    Path basePath = folder.resolve(baseNode.asText()).normalize();
    if (!Files.isRegularFile(basePath)) {
      throw baseNode.error("no such base scenario file '" + baseNode.asText() + "'");
    }
    Scenario base = Scenarios.load(basePath);
    long seed =
        top.get("seed") == null
            ? 1
            : top.get("seed").asScalar().asLong(Long.MIN_VALUE, Long.MAX_VALUE);
    int replications =
        top.get("replications") == null
            ? 1
            : (int) top.get("replications").asScalar().asLong(1, 100_000);
    String design = "grid";
    int designRuns = 0;
    YamlTree.Node d = top.get("design");
    if (d instanceof YamlTree.Scalar sc) {
      if (!sc.asText().equals("grid")) {
        throw sc.error(
            "unknown design '"
                + sc.asText()
                + "' (allowed: grid, {random: N}, {latin-hypercube: N})");
      }
    } else if (d != null) {
      YamlTree.MapNode dm = d.asMap();
      dm.allowOnly(Set.of("random", "latin-hypercube"));
      if (dm.entries().size() != 1) {
        throw dm.error("give one design (allowed: grid, {random: N}, {latin-hypercube: N})");
      }
      design = dm.entries().keySet().iterator().next();
      designRuns = (int) dm.entries().values().iterator().next().asScalar().asLong(1, 1_000_000);
    }
    boolean skip = false;
    YamlTree.Node inf = top.get("infeasible");
    if (inf != null) {
      String v = inf.asScalar().asText();
      if (!v.equals("error") && !v.equals("skip")) {
        throw inf.error("unknown value '" + v + "' (allowed: error, skip)");
      }
      skip = v.equals("skip");
    }
    List<Factor> factors = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    YamlTree.ListNode fl = top.require("factors").asList();
    if (fl.items().isEmpty()) {
      throw fl.error("a sweep needs at least one factor");
    }
    for (YamlTree.Node n : fl.items()) {
      Factor f = withReference(factor(n.asMap(), design), n.asMap());
      if (!names.add(f.name())) {
        throw n.error("factor '" + f.name() + "' is given twice");
      }
      factors.add(f);
    }
    Map<String, Object> baseTree = Scenarios.effective(base);
    Map<String, Object> effective = new LinkedHashMap<>();
    effective.put("name", name);
    effective.put("description", description);
    effective.put("base", basePath.toString());
    effective.put("seed", seed);
    effective.put("replications", replications);
    effective.put("design", designRuns == 0 ? "grid" : Map.of(design, designRuns));
    effective.put("infeasible", skip ? "skip" : "error");
    List<Object> fs = new ArrayList<>();
    for (Factor f : factors) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      if (f.reference() != null) {
        m.put("reference", f.reference());
      }
      if (f.distribution() != null) {
        if (f.distribution().path() != null && !f.distribution().path().equals(f.name())) {
          m.put("path", f.distribution().path());
        }
        m.put(
            "distribution",
            Map.of(
                f.distribution().kind(), List.of(f.distribution().min(), f.distribution().max())));
      } else {
        List<Object> ls = new ArrayList<>();
        for (Factor.Level l : f.levels()) {
          Map<String, Object> level = new LinkedHashMap<>();
          level.put("label", l.label());
          level.put("set", l.set());
          ls.add(level);
        }
        m.put("levels", ls);
      }
      fs.add(m);
    }
    effective.put("factors", fs);
    effective.put("base_scenario", baseTree);
    return new SweepSpec(
        name,
        description,
        base,
        baseTree,
        basePath.getParent(),
        seed,
        replications,
        design,
        designRuns,
        skip,
        List.copyOf(factors),
        effective,
        source);
  }

  private static Factor factor(YamlTree.MapNode m, String design) {
    if (m.get("levels") != null) {
      m.allowOnly(COMPOUND);
      String name = m.require("name").asScalar().asText();
      List<Factor.Level> levels = new ArrayList<>();
      YamlTree.ListNode ln = m.require("levels").asList();
      if (ln.items().isEmpty()) {
        throw ln.error("factor '" + name + "' has no levels");
      }
      for (YamlTree.Node n : ln.items()) {
        YamlTree.MapNode lm = n.asMap();
        lm.allowOnly(LEVEL);
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        YamlTree.MapNode sm = lm.require("set").asMap();
        for (Map.Entry<String, YamlTree.Node> e : sm.entries().entrySet()) {
          set.put(e.getKey(), value(e.getValue()));
          where.put(
              e.getKey(), sm.keyWhere().getOrDefault(e.getKey(), e.getValue().where()).toString());
        }
        levels.add(
            new Factor.Level(lm.require("label").asScalar().asText(), Double.NaN, set, where));
      }
      if (design.equals("latin-hypercube")) {
        throw m.error(
            "a Latin hypercube needs numeric factors, and '"
                + name
                + "' is categorical (allowed: a range or a distribution)");
      }
      return new Factor(name, List.copyOf(levels), null, false);
    }
    m.allowOnly(PATH_FACTOR);
    String key = m.require("path").asScalar().asText();
    // A path factor may carry a name for outputs and plots; its levels still set the path.
    String path = key;
    String shown = m.get("name") == null ? key : m.get("name").asScalar().asText();
    int given =
        (m.get("values") == null ? 0 : 1)
            + (m.get("range") == null ? 0 : 1)
            + (m.get("distribution") == null ? 0 : 1);
    if (given != 1) {
      throw m.error("give exactly one of values, range or distribution for factor '" + path + "'");
    }
    if (m.get("values") != null) {
      YamlTree.ListNode vl = m.get("values").asList();
      if (vl.items().isEmpty()) {
        throw vl.error("factor '" + path + "' has no values");
      }
      List<Factor.Level> levels = new ArrayList<>();
      boolean numeric = true;
      for (YamlTree.Node n : vl.items()) {
        Object v = value(n);
        double x = v instanceof Number num ? num.doubleValue() : Double.NaN;
        numeric &= v instanceof Number;
        levels.add(
            new Factor.Level(label(v), x, Map.of(path, v), Map.of(path, n.where().toString())));
      }
      if (design.equals("latin-hypercube")) {
        throw m.error(
            "a Latin hypercube needs a range or a distribution, and '"
                + path
                + "' lists values (allowed: range, distribution)");
      }
      return new Factor(shown, List.copyOf(levels), null, numeric);
    }
    if (m.get("range") != null) {
      YamlTree.MapNode r = m.get("range").asMap();
      r.allowOnly(RANGE);
      double from = r.require("from").asScalar().asDouble(-1e12, 1e12);
      double to = r.require("to").asScalar().asDouble(-1e12, 1e12);
      double step = r.require("step").asScalar().asDouble(1e-12, 1e12);
      if (to < from) {
        throw r.error(
            "empty range: 'to' "
                + to
                + " is below 'from' "
                + from
                + " (allowed: from <= to, step > 0)");
      }
      long count = (long) Math.floor((to - from) / step + 1e-9) + 1;
      if (count > 100_000) {
        throw r.error("the range has " + count + " values (allowed: at most 100000)");
      }
      List<Factor.Level> levels = new ArrayList<>();
      boolean whole = from == Math.rint(from) && step == Math.rint(step);
      for (long i = 0; i < count; i++) {
        double x = from + i * step;
        x = Math.round(x * 1e9) / 1e9;
        Object v = whole ? (Object) (long) x : (Object) x;
        levels.add(
            new Factor.Level(label(v), x, Map.of(path, v), Map.of(path, r.where().toString())));
      }
      Factor.Distribution uniform = new Factor.Distribution("uniform", from, to, path);
      return new Factor(
          shown, List.copyOf(levels), design.equals("latin-hypercube") ? uniform : null, true);
    }
    YamlTree.MapNode dm = m.get("distribution").asMap();
    dm.allowOnly(Set.of("uniform", "loguniform"));
    if (dm.entries().size() != 1) {
      throw dm.error(
          "give one distribution (allowed: uniform: [min, max], loguniform: [min, max])");
    }
    String kind = dm.entries().keySet().iterator().next();
    YamlTree.ListNode b = dm.entries().values().iterator().next().asList();
    if (b.items().size() != 2) {
      throw b.error("expected [min, max]");
    }
    double min = b.items().get(0).asScalar().asDouble(-1e12, 1e12);
    double max = b.items().get(1).asScalar().asDouble(-1e12, 1e12);
    if (!(max > min) || (kind.equals("loguniform") && min <= 0)) {
      throw b.error(
          "empty or invalid bounds ["
              + min
              + ", "
              + max
              + "] (allowed: min < max, and min > 0 for loguniform)");
    }
    if (design.equals("grid")) {
      throw m.error(
          "a distribution needs design random or latin-hypercube (factor '"
              + path
              + "'); a grid takes values or a range");
    }
    return new Factor(shown, List.of(), new Factor.Distribution(kind, min, max, path), true);
  }

  /** {@code f} with the {@code reference:} level of its map, checked against its levels. */
  private static Factor withReference(Factor f, YamlTree.MapNode m) {
    YamlTree.Node r = m.get("reference");
    if (r == null) {
      return f;
    }
    String label = label(value(r));
    List<String> labels = f.levels().stream().map(Factor.Level::label).toList();
    if (!labels.contains(label)) {
      throw r.error(
          "reference '"
              + label
              + "' is not a level of factor '"
              + f.name()
              + "' (allowed: "
              + (labels.isEmpty()
                  ? "none: a distribution has no levels"
                  : String.join(", ", labels))
              + ")");
    }
    return new Factor(f.name(), f.levels(), f.distribution(), f.numeric(), label);
  }

  /** A scalar as a number when it reads as one, else as text; lists and maps as they are. */
  private static Object value(YamlTree.Node n) {
    if (n instanceof YamlTree.Scalar s) {
      String t = s.text();
      if (t == null) {
        throw s.error("expected a value");
      }
      if (!s.quoted()) {
        try {
          return Long.parseLong(t.trim());
        } catch (NumberFormatException notLong) {
          try {
            return Double.parseDouble(t.trim());
          } catch (NumberFormatException notNumber) {
            if (t.equals("true") || t.equals("false")) {
              return Boolean.parseBoolean(t);
            }
          }
        }
      }
      return t;
    }
    if (n instanceof YamlTree.ListNode l) {
      List<Object> out = new ArrayList<>();
      for (YamlTree.Node x : l.items()) {
        out.add(value(x));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, YamlTree.Node> e : n.asMap().entries().entrySet()) {
      out.put(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  /** How a value appears in outputs. */
  public static String label(Object v) {
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString(d.longValue())
          : String.format(Locale.ROOT, "%s", d);
    }
    return String.valueOf(v);
  }
}
