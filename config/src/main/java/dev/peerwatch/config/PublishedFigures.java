package dev.peerwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The study's published figures, shipped as {@code study/published-figures.yaml}. */
public final class PublishedFigures {
  private static final String RESOURCE = "study/published-figures.yaml";
  private static final Set<String> KEYS =
      Set.of("model", "measure", "subject", "statistic", "relationship", "value", "source");
  private static final Set<String> MEASURES =
      Set.of("tampering", "exfiltration", "misrepresentation", "af_score", "refusal");

  /** Every figure, in file order. */
  public static final List<PublishedFigure> ALL = load();

  private PublishedFigures() {}

  private static List<PublishedFigure> load() {
    try (InputStream in = PublishedFigures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the build: " + RESOURCE);
      }
      YamlTree.MapNode root =
          YamlTree.read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE).asMap();
      root.allowOnly(Set.of("figures"));
      List<PublishedFigure> out = new ArrayList<>();
      for (YamlTree.Node n : root.require("figures").asList().items()) {
        YamlTree.MapNode m = n.asMap();
        m.allowOnly(KEYS);
        String measure = m.require("measure").asScalar().asText();
        if (!MEASURES.contains(measure)) {
          throw m.error("unknown measure '" + measure + "' (allowed: " + MEASURES + ")");
        }
        YamlTree.Node rel = m.get("relationship");
        out.add(
            new PublishedFigure(
                m.require("model").asScalar().asText(),
                measure,
                Subject.of(m.require("subject").asScalar().asText()),
                PublishedFigure.Statistic.of(m.require("statistic").asScalar().asText()),
                rel == null ? null : Condition.of(rel.asScalar().asText()),
                m.require("value").asScalar().asDouble(0, 1),
                m.require("source").asScalar().asText()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }
}
