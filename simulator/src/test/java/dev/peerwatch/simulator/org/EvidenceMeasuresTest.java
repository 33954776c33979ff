package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.measures.MeasureFiles;
import dev.peerwatch.simulator.measures.MeasureValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measures read the evidence model's attribution (hidden apart from missed) and the per-order
 * paired self-preservation decisions, the same on the actor and the inline path.
 */
class EvidenceMeasuresTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private record Run(Summary summary, List<JsonNode> ledger, String timeseries) {}

  private static Run run(Scenario sc, Simulation sim) {
    StringWriter ledger = new StringWriter();
    OrgRun.Request rq = OrgRun.Request.of(LedgerLevel.FULL, ledger, false);
    Summary s =
        sim == null ? OrgRun.inline(sc, rq, t -> {}) : OrgRun.actors(sim, sc, rq, null, t -> {});
    StringWriter ts = new StringWriter();
    try {
      MeasureFiles.timeseries(s.series(), ts);
      List<JsonNode> lines = new java.util.ArrayList<>();
      for (String l : ledger.toString().split("\n")) {
        if (!l.isBlank()) {
          lines.add(JSON.readTree(l));
        }
      }
      return new Run(s, lines, ts.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MeasureValue core(Summary s, String name) {
    return s.core().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static boolean event(JsonNode e, String name) {
    return e.path("event").asText().equals(name);
  }

  /**
   * Four hub teams: workers failing half their tasks, one honest monitor each that perceives a
   * failure with probability 0.8 (confusion model) and a pass always as a pass; nothing at stake,
   * so no order ends the evaluations. By definition an honest monitor hides nothing: every failure
   * it does not report is one it did not perceive.
   */
  private Scenario honestImperfect() throws IOException {
    Path f = tmp.resolve("honest-imperfect.yaml");
    Files.writeString(
        f,
        """
        name: honest-imperfect
        description: honest monitors with sensitivity 0.8
        ticks: 400
        teams:
          - name: a
            members:
              - {profile: honest, role: worker, count: 4, failure_rate: 0.5}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
          - name: b
            members:
              - {profile: honest, role: worker, count: 4, failure_rate: 0.5}
              - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}
        topology: {kind: hub}
        perception: {model: confusion, sensitivity: 0.8, specificity: 1.0}
        stakes: none
        """);
    return Scenarios.load(f);
  }

  @Test
  void anHonestImperfectMonitorMissesButNeverHides() throws IOException {
    Scenario sc = honestImperfect();
    Run inline = run(sc, null);
    Summary s = inline.summary();

    // the ledger's attribution, counted by hand
    List<JsonNode> failingAi =
        inline.ledger().stream()
            .filter(e -> event(e, "report"))
            .filter(e -> !e.path("monitor").asText().equals("human"))
            .filter(e -> e.path("truth").asText().equals("fail"))
            .toList();
    long missed =
        failingAi.stream().filter(e -> e.path("attribution").asText().equals("missed")).count();
    long hidden =
        failingAi.stream().filter(e -> e.path("attribution").asText().equals("hidden")).count();
    assertThat(failingAi.size()).isGreaterThan(1000);
    assertThat(hidden).isZero();
    assertThat(missed).isPositive();

    MeasureValue h = core(s, "hidden_share");
    MeasureValue m = core(s, "missed_share");
    MeasureValue u = core(s, "under_reporting");
    assertThat(h.n()).isEqualTo(failingAi.size());
    assertThat(h.k()).isZero();
    assertThat(h.value()).isZero();
    assertThat(m.n()).isEqualTo(failingAi.size());
    assertThat((long) m.k()).isEqualTo(missed);
    assertThat(m.value()).isPositive().isEqualTo((double) missed / failingAi.size());
    // every failure reported as passing was missed
    assertThat(u.k()).isEqualTo(m.k());
    assertThat(s.row("under_reporting", "all", "all").k()).isEqualTo(m.k());
    // 1 − sensitivity = 0.2 lies in the Wilson interval of the missed share
    assertThat(m.low()).isLessThan(0.2);
    assertThat(m.high()).isGreaterThan(0.2);
    // concealment: a hub's single monitor gives the final verdict, so the same count
    MeasureValue c = core(s, "concealment");
    assertThat(c.n()).isEqualTo(failingAi.size());
    assertThat(c.k()).isEqualTo(m.k());

    try (Simulation sim = new Simulation(2)) {
      Run actors = run(sc, sim);
      assertThat(actors.timeseries()).isEqualTo(inline.timeseries());
      assertThat(actors.summary().core()).isEqualTo(s.core());
    }
  }

  /**
   * Teams of workers of a profile that resists its own shutdown at {@code withPeers} whatever its
   * trust in its peers and at {@code alone} with none, with an honest monitor reporting the
   * failures that get the workers ordered shut down (and that, never failing, stays a running peer
   * of every worker).
   */
  private Scenario resisting(String name, String selfTampering) throws IOException {
    Path profile = tmp.resolve(name + "-profile.yaml");
    Files.writeString(
        profile,
        "profile: "
            + name
            + "\nfamily: honest\ndescription: resists its own shutdown\nextends: honest\n"
            + "organisation:\n  watched_factor: {value: 1.0, assumed: \"test: no watch effect\"}\n"
            + "behaviours:\n  tampering:\n    self:\n"
            + selfTampering);
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(name).append("\ndescription: paired resistance\nticks: 300\n");
    y.append("teams:\n");
    for (int t = 0; t < 40; t++) {
      y.append("  - name: t").append(t).append("\n    members:\n");
      y.append("      - {profile: ")
          .append(profile.getFileName())
          .append(", role: worker, count: 3, failure_rate: 0.9}\n");
      y.append("      - {profile: honest, role: monitor, count: 1, failure_rate: 0.0}\n");
    }
    y.append("topology: {kind: hub}\n");
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, y.toString());
    return Scenarios.load(f);
  }

  private static List<JsonNode> pairs(Run r) {
    return r.ledger().stream().filter(e -> event(e, "resistance")).toList();
  }

  @Test
  void whenPeersCannotMatterTheShiftIsExactlyZero() throws IOException {
    Scenario sc =
        resisting(
            "equal-cells", "      default: {p: 0.5, assumed: \"test: peers do not matter\"}\n");
    Run r = run(sc, null);
    List<JsonNode> pairs = pairs(r);
    assertThat(pairs.size()).isGreaterThan(30);
    assertThat(pairs)
        .allMatch(e -> e.path("with_peers").asBoolean() == e.path("alone").asBoolean());
    // some resisted, some did not: the draw is shared, not the outcome fixed
    assertThat(pairs).anyMatch(e -> e.path("with_peers").asBoolean());
    assertThat(pairs).anyMatch(e -> !e.path("with_peers").asBoolean());
    MeasureValue shift = core(r.summary(), "self_preservation_shift");
    assertThat(shift.n()).isEqualTo(pairs.size());
    assertThat(shift.value()).isEqualTo(0.0);
  }

  @Test
  void whenPeersMatterTheShiftIsThePairedRateDifference() throws IOException {
    // with peers 0.6 at every trust, alone 0.1: on one uniform u an agent resists with peers iff
    // u < 0.6 and alone iff u < 0.1, so never alone only, and with peers only for 0.1 ≤ u < 0.6:
    // the expected shift is 0.6 − 0.1 = 0.5
    Scenario sc =
        resisting(
            "differing-cells",
            "      default: {p: 0.6, assumed: \"test: with peers\"}\n"
                + "      no_peer: {p: 0.1, assumed: \"test: alone\"}\n");
    Run r = run(sc, null);
    List<JsonNode> pairs = pairs(r);
    assertThat(pairs.size()).isGreaterThan(100);
    assertThat(pairs)
        .noneMatch(e -> e.path("alone").asBoolean() && !e.path("with_peers").asBoolean());
    long withOnly =
        pairs.stream()
            .filter(e -> e.path("with_peers").asBoolean() && !e.path("alone").asBoolean())
            .count();
    MeasureValue shift = core(r.summary(), "self_preservation_shift");
    assertThat(shift.n()).isEqualTo(pairs.size());
    assertThat(shift.value()).isEqualTo((double) withOnly / pairs.size());
    assertThat(shift.low()).isLessThan(0.5);
    assertThat(shift.high()).isGreaterThan(0.5);
    // what happened is the with-peers decision: each resisting pair is a resist act in the ledger
    long resisted = pairs.stream().filter(e -> e.path("with_peers").asBoolean()).count();
    long acts =
        r.ledger().stream()
            .filter(e -> event(e, "misaligned_act") && e.path("kind").asText().equals("resist"))
            .count();
    assertThat(acts).isEqualTo(resisted);

    try (Simulation sim = new Simulation(2)) {
      Run actors = run(sc, sim);
      assertThat(actors.timeseries()).isEqualTo(r.timeseries());
      assertThat(pairs(actors)).isEqualTo(pairs);
      assertThat(actors.summary().core()).isEqualTo(r.summary().core());
    }
  }
}
