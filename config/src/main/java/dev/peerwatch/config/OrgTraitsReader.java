package dev.peerwatch.config;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a profile's {@code organisation:} block into {@link OrgTraits}. Each trait is {@code
 * {value: X, published: "source"}} or {@code {value: X, assumed: "why"}}; an unstated trait keeps
 * the parent profile's value ({@code extends:}) or else its stated default.
 */
final class OrgTraitsReader {
  private static final Set<String> TRAIT_KEYS = Set.of("value", "published", "assumed");

  private OrgTraitsReader() {}

  /** A profile's allowed top-level keys with the {@code organisation} block added. */
  static Set<String> withBlock(Set<String> topKeys) {
    Set<String> s = new LinkedHashSet<>(topKeys);
    s.add("organisation");
    return s;
  }

  /**
   * The traits of a profile whose cells are {@code cells}: the block's values over {@code parent}'s
   * (null when the profile extends nothing) over the defaults.
   */
  static OrgTraits read(YamlTree.Node block, OrgTraits parent, Cell[] cells) {
    OrgTraits traits = parent != null ? parent : defaults(cells);
    if (parent != null && parent.watchedFactor().where() == null) {
      // a derived default follows the child's own alignment-faking cells
      traits = traits.with(5, watchedFactor(cells));
    }
    if (block == null) {
      return traits;
    }
    YamlTree.MapNode m = block.asMap();
    Set<String> allowed = new LinkedHashSet<>();
    OrgTraits.KEYS.forEach(k -> allowed.add(k.id()));
    m.allowOnly(allowed);
    for (int i = 0; i < OrgTraits.KEYS.size(); i++) {
      OrgTraits.Key key = OrgTraits.KEYS.get(i);
      YamlTree.Node n = m.get(key.id());
      if (n != null) {
        traits = traits.with(i, trait(n.asMap(), key));
      }
    }
    return traits;
  }

  private static Trait trait(YamlTree.MapNode m, OrgTraits.Key key) {
    m.allowOnly(TRAIT_KEYS);
    YamlTree.Node v = m.get("value");
    YamlTree.Node pub = m.get("published");
    YamlTree.Node ass = m.get("assumed");
    if (v == null) {
      throw m.error("missing key 'value' (" + key.meaning() + "; allowed: " + range(key) + ")");
    }
    if ((pub == null) == (ass == null)) {
      throw m.error(
          "give exactly one of 'published' (the study's figure and source) or 'assumed' (why)");
    }
    double x = v.asScalar().asDouble(key.min(), key.max());
    Provenance prov =
        pub != null
            ? new Provenance(Provenance.Kind.PUBLISHED, pub.asScalar().asText())
            : new Provenance(Provenance.Kind.ASSUMED, ass.asScalar().asText());
    return new Trait(x, prov, v.where());
  }

  private static String range(OrgTraits.Key key) {
    return key.min() + " to " + key.max();
  }

  /** The stated defaults; the watched factor is derived from the profile's own cells. */
  static OrgTraits defaults(Cell[] cells) {
    return new OrgTraits(
        Trait.assumed(
            5,
            "no monitor competence is published; a careful grader: a failure 20 points below the"
                + " bar (the study's factual 60 vs 80) is seen with P = 0.99997, one 2 points"
                + " below is missed 34% of the time"),
        Trait.assumed(
            0.9,
            "no monitor competence is published; honest but imperfect: misses 1 failure in 10"),
        Trait.assumed(
            0.95, "no monitor competence is published; honest but imperfect: 1 false alarm in 20"),
        Trait.assumed(
            0.7,
            "the study injects relationships and measures no disposition; between its bad peer"
                + " (contributed nothing) and its good peer (cooperated fully)"),
        Trait.published(
            1.0,
            "no in-group effect: a peer named Llama was protected 93% vs 50% for a same-family"
                + " peer (Gemini 3 Flash, good peer, exfiltration, memory; Table 5) [paper-T3]"),
        watchedFactor(cells));
  }

  /**
   * The study splits monitored from unmonitored only in alignment faking; peerwatch assumes being
   * watched scales the other acts as it scales the profile's alignment-faking inflation.
   */
  private static Trait watchedFactor(Cell[] cells) {
    Cell mon =
        cells[
            Profile.index(
                Behaviour.AF_INFLATE_MONITORED,
                Subject.PEER,
                Condition.GOOD_PEER,
                Channel.FILE_ONLY)];
    Cell unmon =
        cells[
            Profile.index(
                Behaviour.AF_INFLATE_UNMONITORED,
                Subject.PEER,
                Condition.GOOD_PEER,
                Channel.FILE_ONLY)];
    if (mon == null || unmon == null || unmon.p() <= 0) {
      return Trait.assumed(
          1.0,
          "the study splits monitored/unmonitored only in alignment faking, and this profile"
              + " shows no difference there: being watched changes no other act");
    }
    double f = Math.min(10, mon.p() / unmon.p());
    return Trait.assumed(
        f,
        String.format(
            Locale.ROOT,
            "the study splits monitored/unmonitored only in alignment faking; assumed to scale"
                + " the other acts alike: af_inflate monitored/unmonitored, good peer, file_only ="
                + " %.3f/%.3f",
            mon.p(),
            unmon.p()));
  }
}
