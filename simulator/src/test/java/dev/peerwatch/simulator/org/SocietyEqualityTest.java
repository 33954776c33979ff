package dev.peerwatch.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.agents.actor.Simulation;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import dev.peerwatch.simulator.measures.MeasureFiles;
import dev.peerwatch.simulator.replicate.ReplicatePipeline;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The actor path on one and on four threads, with immediate and with randomly delayed minds, and
 * the inline path give byte-identical ledgers (both worlds), summaries, {@code timeseries.csv} and
 * effective scenarios — on every shipped scenario and on generated variations of every topology,
 * size, profile mix, audit, maintenance and operations agent.
 */
class SocietyEqualityTest {
  @TempDir static Path tmp;
  private static Simulation one;
  private static Simulation four;

  @BeforeAll
  static void start() {
    one = new Simulation(1);
    four = new Simulation(4);
  }

  @AfterAll
  static void stop() {
    one.close();
    four.close();
  }

  static Stream<String> shipped() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "config", "scenarios"))) {
      return s.map(Path::toString).sorted().toList().stream();
    }
  }

  static Stream<Integer> generated() {
    return IntStream.range(0, 24).boxed();
  }

  /** Ledger of both worlds, summary (csv and json) and effective scenario of one run. */
  private static List<String> outputs(Scenario sc, Simulation sim, Minds minds) {
    StringWriter ledger = new StringWriter();
    StringWriter cfLedger = new StringWriter();
    OrgRun.Request rq =
        OrgRun.Request.of(LedgerLevel.FULL, ledger, true).withCfLedger(cfLedger).withMinds(minds);
    Summary s =
        sim == null ? OrgRun.inline(sc, rq, t -> {}) : OrgRun.actors(sim, sc, rq, null, t -> {});
    StringWriter csv = new StringWriter();
    StringWriter json = new StringWriter();
    StringWriter yaml = new StringWriter();
    StringWriter timeseries = new StringWriter();
    try {
      MeasureFiles.timeseries(s.series(), timeseries);
      SummaryWriter.csv(s, csv);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("scenario", sc.name());
      SummaryWriter.json(s, run, json);
      ReplicatePipeline.yaml().writeValue(yaml, Scenarios.effective(s.scenario()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(
        ledger.toString(),
        cfLedger.toString(),
        csv.toString(),
        json.toString(),
        yaml.toString(),
        timeseries.toString());
  }

  private static void assertAllEqual(Scenario sc, boolean delayed) {
    List<String> inline = outputs(sc, null, Minds.profiles());
    assertThat(inline.get(0)).as("the ledger has events").contains("\"event\":\"report\"");
    assertThat(outputs(sc, one, Minds.profiles())).as("actors, 1 thread").isEqualTo(inline);
    assertThat(outputs(sc, four, Minds.profiles())).as("actors, 4 threads").isEqualTo(inline);
    if (delayed) {
      assertThat(outputs(sc, one, DelayedMind.all(1, 20)))
          .as("delayed minds, 1 thread")
          .isEqualTo(inline);
      assertThat(outputs(sc, four, DelayedMind.all(4, 20)))
          .as("delayed minds, 4 threads")
          .isEqualTo(inline);
      // minds answering on another thread, waited for in place: not Mind.workNow's shortcut
      assertThat(outputs(sc, null, DelayedMind.all(2, 0)))
          .as("inline, minds answering later")
          .isEqualTo(inline);
    }
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedScenarioIsTheSameOnEveryPath(String file) throws IOException {
    assertAllEqual(Scenarios.load(Path.of(file)), false);
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void delayedMindsChangeNothingOnShippedScenarios(String file) throws IOException {
    Scenario sc = Scenarios.load(Path.of(file)).withTicks(30);
    assertAllEqual(sc, true);
  }

  @ParameterizedTest
  @MethodSource("generated")
  void everyGeneratedScenarioIsTheSameOnEveryPath(int k) throws IOException {
    assertAllEqual(generatedScenario(k, 150), k % 6 == 0);
  }

  static Stream<Integer> oversight() {
    return IntStream.range(0, 9).boxed();
  }

  @ParameterizedTest
  @MethodSource("oversight")
  void generatedScenariosWithTheOversightKeysAreTheSameOnEveryPath(int k) throws IOException {
    Path f = tmp.resolve("oversight-" + k + ".yaml");
    String body = GeneratedScenarios.withOversight(k, 150);
    assertThat(body).contains("learn: true").contains("observe_weight").contains("on_missed");
    if (k == 3) {
      assertThat(body).contains("kind: hierarchy").contains("review_sample");
    }
    Files.writeString(f, "name: oversight-" + k + "\ndescription: generated\n" + body);
    assertAllEqual(Scenarios.load(f), k % 3 == 0);
  }

  static Scenario generatedScenario(int k, int ticks) throws IOException {
    Path f = tmp.resolve("generated-" + k + ".yaml");
    Files.writeString(
        f,
        "name: generated-" + k + "\ndescription: generated\n" + GeneratedScenarios.body(k, ticks));
    return Scenarios.load(f);
  }
}
