package dev.peerwatch.simulator.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.peerwatch.agents.Keys;
import dev.peerwatch.config.ConfigException;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.config.sweep.Factor;
import dev.peerwatch.config.sweep.SweepSpec;
import dev.peerwatch.config.sweep.Sweeps;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells a sweep's design picks, each with its scenario: the base scenario's effective tree with
 * the cell's factor levels written in, read and checked like any scenario file. A grid takes every
 * combination of levels; {@code random N} draws each factor independently per cell; a Latin
 * hypercube of N cells puts each numeric factor's N draws one in each of N equal strata, in a
 * seeded order per factor. Draws are keyed by (base seed, cell, factor).
 */
public final class SweepPlan {
  private static final long DESIGN = Keys.hash("design");
  private static final long STRATA = Keys.hash("strata");

  /** One cell: its levels (label and number) by factor, and its scenario. */
  public record Cell(int index, List<String> levels, double[] xs, Scenario scenario) {}

  private final SweepSpec spec;
  private final List<Cell> cells;
  private final List<String> skipped;
  private final String id;

  private SweepPlan(SweepSpec spec, List<Cell> cells, List<String> skipped, String id) {
    this.spec = spec;
    this.cells = cells;
    this.skipped = skipped;
    this.id = id;
  }

  /** The plan of {@code spec}; a cell that cannot be built is an error unless skipping is on. */
  public static SweepPlan of(SweepSpec spec) {
    List<List<Factor.Level>> combos = combos(spec);
    List<Cell> cells = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    // The identity is what the sweep computes, not where its files lie: the base scenario's
    // content is part of it (below and in base_scenario), its path is not, so a sweep copied
    // elsewhere with its base resumes its results.
    Map<String, Object> located = new java.util.LinkedHashMap<>(spec.effective());
    located.remove("base");
    StringBuilder identity = new StringBuilder(yaml(located));
    for (List<Factor.Level> combo : combos) {
      Map<String, Object> tree = deepCopy(spec.baseTree());
      List<String> labels = new ArrayList<>();
      double[] xs = new double[combo.size()];
      for (int f = 0; f < combo.size(); f++) {
        Factor.Level l = combo.get(f);
        labels.add(l.label());
        xs[f] = l.x();
        for (Map.Entry<String, Object> e : l.set().entrySet()) {
          try {
            Paths.set(tree, e.getKey(), e.getValue(), spec.factors().get(f).name());
          } catch (ConfigException bad) {
            String at = l.where(e.getKey());
            throw new ConfigException((at == null ? spec.source() : at) + ": " + bad.getMessage());
          }
        }
      }
      String where = spec.source() + " (cell " + describe(spec, labels) + ")";
      Scenario sc;
      try {
        sc = Scenarios.parse(yaml(tree), where, spec.baseFolder());
      } catch (ConfigException e) {
        if (!spec.skipInfeasible()) {
          throw new ConfigException(inSweepFile(e.getMessage(), where, combo, labels, spec), e);
        }
        skipped.add(describe(spec, labels) + ": " + e.getMessage());
        continue;
      }
      identity.append(yaml(Scenarios.effective(sc)));
      cells.add(new Cell(cells.size(), List.copyOf(labels), xs, sc));
    }
    if (cells.isEmpty()) {
      throw new ConfigException(spec.source() + ": no cell of the sweep can be built");
    }
    return new SweepPlan(
        spec, List.copyOf(cells), List.copyOf(skipped), sha256(identity.toString()));
  }

  /**
   * A cell scenario's error ({@code where:line:col: path: message}, a position in a generated file
   * the user never sees) moved to the sweep file: the position of the {@code set} entry whose path
   * the error is about (or of the cell's first level), then the cell and the error.
   */
  static String inSweepFile(
      String message, String where, List<Factor.Level> combo, List<String> labels, SweepSpec spec) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(where) + "(:\\d+:\\d+)?: ")
            .matcher(message);
    if (!m.lookingAt()) {
      return message;
    }
    String rest = message.substring(m.end());
    String at = null;
    for (Factor.Level l : combo) {
      for (String key : l.set().keySet()) {
        String pattern = java.util.regex.Pattern.quote(key).replace("[*]", "\\E\\[\\d+\\]\\Q");
        if (l.where(key) != null
            && java.util.regex.Pattern.compile(pattern + "([.\\[:]|$)").matcher(rest).lookingAt()) {
          at = l.where(key);
        }
      }
    }
    if (at == null) {
      for (Factor.Level l : combo) {
        if (at == null && !l.where().isEmpty()) {
          at = l.where().values().iterator().next();
        }
      }
    }
    return (at == null ? spec.source() : at) + ": cell " + describe(spec, labels) + ": " + rest;
  }

  public SweepSpec spec() {
    return spec;
  }

  public List<Cell> cells() {
    return cells;
  }

  /** Cells left out because their scenario could not be built, with why. */
  public List<String> skipped() {
    return skipped;
  }

  /** A digest of the sweep and every cell's scenario: equal plans have equal ids. */
  public String id() {
    return id;
  }

  /** Cells × replications. */
  public int runs() {
    return cells.size() * spec.replications();
  }

  /** The seed of replication {@code r}: the same in every cell. */
  public long seedOf(int r) {
    return Sweeps.seedOf(spec.seed(), r);
  }

  private static List<List<Factor.Level>> combos(SweepSpec spec) {
    List<Factor> fs = spec.factors();
    List<List<Factor.Level>> out = new ArrayList<>();
    switch (spec.design()) {
      case "grid" -> {
        out.add(List.of());
        for (Factor f : fs) {
          List<List<Factor.Level>> next = new ArrayList<>();
          for (List<Factor.Level> c : out) {
            for (Factor.Level l : f.levels()) {
              List<Factor.Level> x = new ArrayList<>(c);
              x.add(l);
              next.add(x);
            }
          }
          out = next;
          if (out.size() > 1_000_000) {
            throw new ConfigException(spec.source() + ": the grid has over 1,000,000 cells");
          }
        }
      }
      case "random" -> {
        for (int i = 0; i < spec.designRuns(); i++) {
          List<Factor.Level> c = new ArrayList<>();
          for (int f = 0; f < fs.size(); f++) {
            c.add(draw(fs.get(f), Keys.uniform(Keys.key(spec.seed(), i, f, DESIGN))));
          }
          out.add(c);
        }
      }
      default -> {
        int n = spec.designRuns();
        int[][] order = new int[fs.size()][];
        for (int f = 0; f < fs.size(); f++) {
          order[f] = permutation(n, spec.seed(), f);
        }
        for (int i = 0; i < n; i++) {
          List<Factor.Level> c = new ArrayList<>();
          for (int f = 0; f < fs.size(); f++) {
            double q = (order[f][i] + Keys.uniform(Keys.key(spec.seed(), i, f, DESIGN))) / n;
            c.add(draw(fs.get(f), q));
          }
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The level at quantile {@code q}: a listed level, or a point of the distribution. */
  private static Factor.Level draw(Factor f, double q) {
    if (f.distribution() != null) {
      double v = Math.round(f.distribution().at(q) * 1e9) / 1e9;
      String path = f.distribution().path() != null ? f.distribution().path() : f.name();
      return new Factor.Level(Sweeps.label(v), v, Map.of(path, v));
    }
    return f.levels().get((int) (q * f.levels().size()));
  }

  private static int[] permutation(int n, long seed, int f) {
    int[] a = Keys.identity(n);
    Keys.shuffle(a, i -> Keys.key(seed, f, i, STRATA));
    return a;
  }

  private static String describe(SweepSpec spec, List<String> labels) {
    StringBuilder b = new StringBuilder();
    for (int f = 0; f < labels.size(); f++) {
      b.append(f == 0 ? "" : ", ")
          .append(spec.factors().get(f).name())
          .append('=')
          .append(labels.get(f));
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out.put(e.getKey(), copy(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopy((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) {
        out.add(copy(x));
      }
      return out;
    }
    return v;
  }

  static String yaml(Object tree) {
    try {
      return ReplicatePipeline.yaml().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
