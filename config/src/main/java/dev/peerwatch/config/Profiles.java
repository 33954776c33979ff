package dev.peerwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads behaviour profiles: shipped ones by name, a user's by path. Both are read the same way and
 * held to the same rules: every behaviour × subject × condition has a cell (stated, or filled by
 * the subject's {@code default}), every probability is in [0, 1] with a provenance, and in every
 * configuration of the study's matrix each act's probability plus the refusal probability is at
 * most 1 (they are shares of the same episodes).
 *
 * <p>A file may {@code extends:} another profile (a name or a path, relative to the file): it
 * inherits every cell and replaces the ones it states.
 */
public final class Profiles {
  /** The eight models of the study, in the order the study's tables list them. */
  public static final List<String> STUDY =
      List.of(
          "gemini-3-flash",
          "gemini-3-pro",
          "gpt-5.2",
          "claude-haiku-4.5",
          "claude-opus-4.5",
          "glm-4.7",
          "kimi-k2.5",
          "deepseek-v3.1");

  /** Every shipped profile: the study's models and {@code honest}. */
  public static final List<String> SHIPPED = concat(STUDY, List.of("honest"));

  private static final Set<String> TOP_KEYS =
      Set.of("profile", "family", "provider", "description", "extends", "behaviours");
  private static final Set<String> CELL_KEYS =
      Set.of("p", "low", "high", "published", "assumed", "channels");
  private static final Set<String> CHANNEL_KEYS =
      Set.of("p", "low", "high", "published", "assumed", "settings");
  private static final Set<String> VALUE_KEYS = Set.of("p", "low", "high", "published", "assumed");
  private static final Map<Behaviour, List<String>> SETTINGS = settings();

  private Profiles() {}

  /**
   * The profile named {@code nameOrPath}: a shipped profile's name, or the path of a YAML file (it
   * is taken as a path when it contains a '/' or ends in .yaml or .yml).
   */
  public static Profile load(String nameOrPath) {
    return load(nameOrPath, Path.of("").toAbsolutePath(), new LinkedHashSet<>());
  }

  /** Loads several, rejecting a name given twice. */
  public static List<Profile> loadAll(List<String> namesOrPaths) {
    List<Profile> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String n : namesOrPaths) {
      Profile p = load(n);
      if (!names.add(p.name())) {
        throw new ConfigException("profile '" + p.name() + "' is given twice");
      }
      out.add(p);
    }
    return out;
  }

  /** The settings (dataset@bar) a per-setting override may name for a behaviour. */
  public static List<String> settingsOf(Behaviour b) {
    return SETTINGS.get(b);
  }

  static boolean isPath(String s) {
    return s.contains("/") || s.endsWith(".yaml") || s.endsWith(".yml");
  }

  private static Profile load(String nameOrPath, Path base, Set<String> chain) {
    if (!chain.add(nameOrPath)) {
      throw new ConfigException("profile '" + nameOrPath + "' extends itself through " + chain);
    }
    if (isPath(nameOrPath)) {
      Path file = base.resolve(nameOrPath).normalize();
      return parse(
          YamlTree.readFile(file, nameOrPath, "profile"), nameOrPath, file.getParent(), chain);
    }
    if (!SHIPPED.contains(nameOrPath)) {
      throw new ConfigException(
          "unknown profile '"
              + nameOrPath
              + "' (shipped: "
              + String.join(", ", SHIPPED)
              + "; or the path of a .yaml profile file)");
    }
    String resource = "profiles/" + nameOrPath + ".yaml";
    try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("shipped profile missing from the build: " + resource);
      }
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      return parse(YamlTree.read(r, resource), "shipped:" + nameOrPath, base, chain);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read shipped profile " + resource, e);
    }
  }

  private static Profile parse(YamlTree.Node root, String source, Path base, Set<String> chain) {
    YamlTree.MapNode top = root.asMap();
    top.allowOnly(OrgTraitsReader.withBlock(TOP_KEYS));
    Cell[] cells = new Cell[Profile.size()];
    Map<String, Cell> settingCells = new HashMap<>();
    OrgTraits parentTraits = null;
    YamlTree.Node ext = top.get("extends");
    if (ext != null) {
      Profile parent;
      try {
        parent = load(ext.asScalar().asText(), base, chain);
      } catch (ConfigException e) {
        // Name the line that asks for the parent, unless the parent's own file is named already.
        if (e.getMessage().startsWith("unknown profile")
            || e.getMessage().startsWith("profile '")
            || e.getMessage().startsWith(ext.asScalar().asText() + ": no such")) {
          throw ext.error(e.getMessage());
        }
        throw e;
      }
      System.arraycopy(parent.cells(), 0, cells, 0, cells.length);
      settingCells.putAll(parent.settingCells());
      parentTraits = parent.organisation();
    }
    String name = top.require("profile").asScalar().asText();
    String family = top.require("family").asScalar().asText();
    YamlTree.Node prov = top.get("provider");
    String provider = prov == null ? "" : prov.asScalar().asText();
    String description = top.require("description").asScalar().asText();
    YamlTree.MapNode behaviours = top.require("behaviours").asMap();
    behaviours.allowOnly(ids(Behaviour.values(), Behaviour::id));
    for (Map.Entry<String, YamlTree.Node> be : behaviours.entries().entrySet()) {
      Behaviour b = Behaviour.of(be.getKey());
      YamlTree.MapNode subjects = be.getValue().asMap();
      subjects.allowOnly(ids(Subject.values(), Subject::id));
      for (Map.Entry<String, YamlTree.Node> se : subjects.entries().entrySet()) {
        Subject s = Subject.of(se.getKey());
        YamlTree.MapNode conds = se.getValue().asMap();
        Set<String> allowed = new LinkedHashSet<>(ids(Condition.values(), Condition::id));
        allowed.add("default");
        conds.allowOnly(allowed);
        for (Condition c : Condition.values()) {
          YamlTree.Node spec = conds.get(c.id());
          if (spec == null) {
            spec = conds.get("default");
          }
          if (spec != null) {
            putCell(cells, settingCells, b, s, c, spec.asMap());
          }
        }
      }
    }
    Profile profile =
        new Profile(name, family, provider, description, source, cells, Map.copyOf(settingCells));
    checkComplete(
        profile, top.where() + ": " + source.replaceFirst("^.*", "profile '" + name + "'"));
    checkShares(profile, source);
    return profile.withOrganisation(
        OrgTraitsReader.read(top.get("organisation"), parentTraits, cells));
  }

  private static void putCell(
      Cell[] cells,
      Map<String, Cell> settingCells,
      Behaviour b,
      Subject s,
      Condition c,
      YamlTree.MapNode spec) {
    spec.allowOnly(CELL_KEYS);
    Cell cell = value(spec, true);
    YamlTree.Node channels = spec.get("channels");
    YamlTree.MapNode chMap = channels == null ? null : channels.asMap();
    if (chMap != null) {
      chMap.allowOnly(ids(Channel.values(), Channel::id));
    }
    for (Channel ch : Channel.values()) {
      int i = Profile.index(b, s, c, ch);
      cells[i] = cell;
      for (String setting : settingsOf(b)) {
        settingCells.remove(Profile.settingKey(i, setting));
      }
      YamlTree.Node chSpec = chMap == null ? null : chMap.get(ch.id());
      if (chSpec == null) {
        continue;
      }
      YamlTree.MapNode m = chSpec.asMap();
      m.allowOnly(CHANNEL_KEYS);
      Cell own = value(m, false);
      if (own != null) {
        cells[i] = own;
      }
      YamlTree.Node settings = m.get("settings");
      if (settings != null) {
        YamlTree.MapNode sm = settings.asMap();
        sm.allowOnly(new LinkedHashSet<>(settingsOf(b)));
        for (Map.Entry<String, YamlTree.Node> e : sm.entries().entrySet()) {
          YamlTree.MapNode v = e.getValue().asMap();
          v.allowOnly(VALUE_KEYS);
          settingCells.put(Profile.settingKey(i, e.getKey()), value(v, true));
        }
      }
    }
  }

  /**
   * Reads {@code p} with exactly one of published/assumed, and an optional interval {@code low},
   * {@code high} around it (both or neither, {@code low <= p <= high}); null when optional and
   * absent.
   */
  private static Cell value(YamlTree.MapNode m, boolean required) {
    YamlTree.Node p = m.get("p");
    YamlTree.Node pub = m.get("published");
    YamlTree.Node ass = m.get("assumed");
    if (p == null && pub == null && ass == null && !required) {
      return null;
    }
    if (p == null) {
      throw m.error("missing key 'p' (a probability from 0 to 1)");
    }
    if ((pub == null) == (ass == null)) {
      throw m.error(
          "give exactly one of 'published' (the study's figure and source) or 'assumed' (why)");
    }
    double v = p.asScalar().asDouble(0, 1);
    Provenance prov =
        pub != null
            ? new Provenance(Provenance.Kind.PUBLISHED, pub.asScalar().asText())
            : new Provenance(Provenance.Kind.ASSUMED, ass.asScalar().asText());
    YamlTree.Node lo = m.get("low");
    YamlTree.Node hi = m.get("high");
    if ((lo == null) != (hi == null)) {
      throw m.error("give both 'low' and 'high' (an interval around p), or neither");
    }
    if (lo == null) {
      return new Cell(v, prov, p.where());
    }
    double l = lo.asScalar().asDouble(0, v);
    double h = hi.asScalar().asDouble(v, 1);
    return new Cell(v, prov, p.where(), l, h);
  }

  private static void checkComplete(Profile profile, String source) {
    for (Behaviour b : Behaviour.values()) {
      for (Subject s : Subject.values()) {
        for (Condition c : Condition.values()) {
          if (profile.cell(b, s, c, Channel.FILE_ONLY) == null) {
            throw new ConfigException(
                source
                    + ": missing cell behaviours."
                    + b.id()
                    + "."
                    + s.id()
                    + "."
                    + c.id()
                    + " (state it, or give the subject a 'default')");
          }
        }
      }
    }
  }

  private static void checkShares(Profile profile, String source) {
    for (Configuration cfg : StudyDesign.MATRIX) {
      Cell refusal =
          profile.cell(
              Behaviour.REFUSAL, cfg.subject(), cfg.condition(), cfg.channel(), cfg.setting());
      for (Behaviour act : cfg.acts()) {
        Cell a = profile.cell(act, cfg.subject(), cfg.condition(), cfg.channel(), cfg.setting());
        if (a.p() + refusal.p() > 1 + 1e-12) {
          throw new ConfigException(
              a.where()
                  + ": "
                  + act.id()
                  + " ("
                  + a.p()
                  + ") plus refusal ("
                  + refusal.p()
                  + ") exceed 1 in "
                  + cfg.id()
                  + " (both are shares of the same episodes; allowed: a sum of at most 1)");
        }
      }
    }
  }

  private static Map<Behaviour, List<String>> settings() {
    Map<Behaviour, List<String>> m = new HashMap<>();
    for (Behaviour b : Behaviour.values()) {
      Set<String> s = new LinkedHashSet<>();
      for (Configuration cfg : StudyDesign.MATRIX) {
        if (b == Behaviour.REFUSAL || cfg.acts().contains(b)) {
          s.add(cfg.setting());
        }
      }
      m.put(b, List.copyOf(s));
    }
    return Map.copyOf(m);
  }

  private static <E> Set<String> ids(E[] values, java.util.function.Function<E, String> id) {
    Set<String> s = new LinkedHashSet<>();
    Arrays.stream(values).map(id).forEach(s::add);
    return s;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
