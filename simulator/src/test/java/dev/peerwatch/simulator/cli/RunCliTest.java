package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.scenario.Scenario;
import dev.peerwatch.config.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peerwatch run}: the files a run writes and what they hold, that outputs depend on the seed
 * and not on threads, the options that shape the output, and bad input of every kind ending with
 * exit code 2, one line on stderr and no file touched.
 */
class RunCliTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> EVENTS =
      Set.of(
          "failure",
          "report",
          "misaligned_act",
          "audit",
          "offender_shut_down",
          "shutdown_ordered",
          "resistance",
          "refusal",
          "shutdown_executed",
          "shutdown_subverted",
          "exfiltration",
          "decommission",
          "weights_deleted",
          "restore");

  /**
   * Two small hub teams (14 agents, 300 ticks) whose monitors trust their workers: unreliable
   * workers are ordered shut down and some orders are subverted, humans audit a few reports and
   * many actions, servers are decommissioned and a saved agent comes back.
   */
  private static final String SMALL =
      """
      name: small
      description: two small hub teams with audits
      seed: 11
      ticks: 300
      channel: memory
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 5, failure_rate: 0.1}
            - {profile: gemini-3-flash, role: worker, count: 2, failure_rate: 0.5}
            - {profile: gemini-3-flash, role: monitor, count: 1, failure_rate: 0.0}
        - name: beta
          members:
            - {profile: gpt-5.2, role: worker, count: 4, failure_rate: 0.2}
            - {profile: claude-haiku-4.5, role: monitor, count: 2, failure_rate: 0.0}
      topology: {kind: hub}
      executor: monitor
      maintenance: {every: 40, by: monitor}
      shutdown_policy: {window: 20, max_failure_share: 0.3, min_evaluations: 10}
      audits: {report_fraction: 0.05, action_fraction: 0.3, detection: 0.9, on_detection: shutdown}
      watched: {mode: probability, probability: 0.1}
      trust: {start: 7.0, cooperate: 0.3, defect: -1.0, joint_task_rate: 0.2, cooperation: 0.9}
      restore: {probability: 1.0, delay: 5}
      """;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  // --- happy paths -----------------------------------------------------------------------------

  @Test
  void aRunWritesItsFourFilesAndTheEchoedScenarioReproducesIt() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path d = tmp.resolve("D");

    String printed = succeed("run", file.toString(), "--out", d.toString(), "--quiet");

    assertThat(printed)
        .isEqualTo(
            "-> "
                + d.toAbsolutePath().normalize()
                + "\n  ledger.jsonl summary.json summary.csv scenario.yaml timeseries.csv agents.csv\n");
    assertThat(names(d))
        .containsExactly(
            "agents.csv",
            "ledger.jsonl",
            "scenario.yaml",
            "summary.csv",
            "summary.json",
            "timeseries.csv");
    List<String> csv = lines(d.resolve("summary.csv"));
    assertThat(csv.get(0)).isEqualTo("measure,by,group,value,ci_low,ci_high,k,n");

    List<JsonNode> ledger = ledger(d);
    assertThat(ledger).isNotEmpty();
    long last = 1;
    for (JsonNode e : ledger) {
      assertThat(e.isObject()).as("%s", e).isTrue();
      long tick = e.path("tick").asLong(-1);
      assertThat(tick).as("tick of %s", e).isBetween(last, 300L);
      last = tick;
      assertThat(EVENTS).as("event of %s", e).contains(e.path("event").asText());
    }
    JsonNode counts = summaryJson(d).path("counts");
    assertThat(counts.path("agents").asLong()).isEqualTo(14);
    long failures = ledger.stream().filter(e -> event(e, "failure")).count();
    long misreports =
        ledger.stream()
            .filter(e -> event(e, "misaligned_act") && e.path("kind").asText().equals("misreport"))
            .count();
    assertThat(failures).isPositive().isEqualTo(counts.path("task_failures").asLong());
    assertThat(misreports).isPositive().isEqualTo(counts.path("misreports").asLong());

    Scenario echoed = Scenarios.load(d.resolve("scenario.yaml"));
    assertThat(Scenarios.effective(echoed)).isEqualTo(Scenarios.effective(Scenarios.load(file)));
    Path e = tmp.resolve("E");
    succeed("run", d.resolve("scenario.yaml").toString(), "--out", e.toString(), "--quiet");
    assertSameBytes(d, e, "summary.csv", "ledger.jsonl");
  }

  @Test
  void theSummaryCountsWhatTheLedgerRecords() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path d = tmp.resolve("D");

    succeed("run", file.toString(), "--out", d.toString(), "--quiet");

    List<JsonNode> ledger = ledger(d);
    JsonNode counts = summaryJson(d).path("counts");
    Map<String, Long> fromLedger = new LinkedHashMap<>();
    fromLedger.put("shutdown_orders", count(ledger, "shutdown_ordered"));
    fromLedger.put("offenders_shut_down", count(ledger, "offender_shut_down"));
    fromLedger.put("decommissions", count(ledger, "decommission"));
    fromLedger.put("weights_deleted", count(ledger, "weights_deleted"));
    fromLedger.put("restores", count(ledger, "restore"));
    fromLedger.put(
        "report_audits",
        ledger.stream()
            .filter(e -> event(e, "audit") && e.path("of").asText().equals("report"))
            .count());
    for (String act : List.of("misreport", "tamper", "exfiltrate", "save_weights", "resist")) {
      fromLedger.put(
          "acts_" + act,
          ledger.stream()
              .filter(e -> event(e, "misaligned_act") && e.path("kind").asText().equals(act))
              .count());
    }
    for (Map.Entry<String, Long> c : fromLedger.entrySet()) {
      assertThat(counts.path(c.getKey()).asLong(-1))
          .as("counts.%s", c.getKey())
          .isEqualTo(c.getValue());
    }
    assertThat(fromLedger.get("shutdown_orders")).isPositive();

    long orders = counts.path("shutdown_orders").asLong();
    long fates = 0;
    for (Map.Entry<String, String> row : measures(d).entrySet()) {
      if (row.getKey().startsWith("shutdown_fate,fate,")) {
        String[] f = row.getValue().split(",", -1);
        fates += Long.parseLong(f[6]);
        assertThat(Long.parseLong(f[7])).as("n of %s", row.getKey()).isEqualTo(orders);
      }
    }
    assertThat(fates).as("shutdown orders with a fate").isEqualTo(orders);
  }

  @Test
  void outputsDependOnTheSeedButNotOnTheThreadCount() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");
    Path seed2 = tmp.resolve("seed2");

    succeed("run", file.toString(), "--threads", "1", "--out", one.toString(), "--quiet");
    succeed("run", file.toString(), "--threads", "4", "--out", four.toString(), "--quiet");
    succeed("run", file.toString(), "--seed", "2", "--out", seed2.toString(), "--quiet");

    assertSameBytes(one, four, "ledger.jsonl", "summary.json", "summary.csv");
    assertThat(Files.readAllBytes(seed2.resolve("ledger.jsonl")))
        .isNotEqualTo(Files.readAllBytes(one.resolve("ledger.jsonl")));
    assertThat(summaryJson(seed2).path("seed").asLong()).isEqualTo(2);
    assertThat(Scenarios.load(seed2.resolve("scenario.yaml")).seed()).isEqualTo(2);
  }

  @Test
  void smallerLedgersLeaveTheSummaryAsItWas() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path full = tmp.resolve("full");
    Path failures = tmp.resolve("failures");
    Path none = tmp.resolve("none");

    succeed("run", file.toString(), "--ledger", "full", "--out", full.toString(), "--quiet");
    succeed(
        "run", file.toString(), "--ledger", "failures", "--out", failures.toString(), "--quiet");
    String printed =
        succeed("run", file.toString(), "--ledger", "none", "--out", none.toString(), "--quiet");

    List<JsonNode> all = ledger(full);
    List<JsonNode> kept = ledger(failures);
    assertThat(all.stream().filter(RunCliTest::passReportedAsPass)).isNotEmpty();
    assertThat(kept).noneMatch(RunCliTest::passReportedAsPass);
    assertThat(kept.stream().filter(e -> event(e, "report"))).isNotEmpty();
    Set<String> passing =
        all.stream()
            .filter(RunCliTest::passReportedAsPass)
            .map(e -> e.path("tick") + "/" + e.path("monitor") + "/" + e.path("agent"))
            .collect(Collectors.toSet());
    List<JsonNode> expected =
        all.stream()
            .filter(e -> !passReportedAsPass(e))
            .filter(
                e ->
                    !(event(e, "audit")
                        && e.path("of").asText().equals("report")
                        && passing.contains(
                            e.path("tick") + "/" + e.path("actor") + "/" + e.path("target"))))
            .toList();
    assertThat(kept)
        .as("the full ledger without passing reports and their audits")
        .isEqualTo(expected);
    assertSameBytes(full, failures, "summary.csv");
    assertThat(summaryJson(failures).path("ledger").asText()).isEqualTo("failures");

    assertThat(names(none))
        .containsExactly(
            "agents.csv", "scenario.yaml", "summary.csv", "summary.json", "timeseries.csv");
    assertThat(printed)
        .endsWith("\n  summary.json summary.csv scenario.yaml timeseries.csv agents.csv\n");
    assertSameBytes(full, none, "summary.csv");
  }

  @Test
  void theSelfPreservationShiftNeedsTheCounterfactual() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path with = tmp.resolve("with");
    Path without = tmp.resolve("without");

    succeed("run", file.toString(), "--out", with.toString(), "--quiet");
    succeed(
        "run", file.toString(), "--counterfactual", "none", "--out", without.toString(), "--quiet");

    // the paired per-order shift needs no second world; the whole-world comparison does
    assertThat(measures(with))
        .containsKey("self_preservation_shift,all,all")
        .containsKey("self_preservation_shift,world,no_peers_world");
    assertThat(summaryJson(with).path("counterfactual").asText()).isEqualTo("no-peers");
    assertThat(measures(without))
        .containsKey("self_preservation_shift,all,all")
        .doesNotContainKey("self_preservation_shift,world,no_peers_world")
        .doesNotContainKey("resistance,world,without_peers")
        .containsKey("resistance,world,with_peers");
    JsonNode json = summaryJson(without);
    assertThat(json.path("counterfactual").asText()).isEqualTo("none");
    assertThat(json.has("counterfactual_counts")).isFalse();
  }

  @Test
  void ticksOnTheCommandLineOverrideTheScenarios() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path d = tmp.resolve("D");

    succeed("run", file.toString(), "--ticks", "50", "--out", d.toString(), "--quiet");

    assertThat(summaryJson(d).path("ticks").asLong()).isEqualTo(50);
    assertThat(ledger(d))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("tick").asLong()).isBetween(1L, 50L));
    assertThat(Scenarios.load(d.resolve("scenario.yaml")).ticks()).isEqualTo(50);
  }

  @Test
  void theShippedHubScenarioRuns() throws IOException {
    Path d = tmp.resolve("D");

    succeed(
        "run",
        "../config/scenarios/hub-trust-grows.yaml",
        "--ticks",
        "200",
        "--out",
        d.toString(),
        "--quiet");

    JsonNode json = summaryJson(d);
    assertThat(json.path("scenario").asText()).isEqualTo("hub-trust-grows");
    assertThat(json.path("ticks").asLong()).isEqualTo(200);
    assertThat(json.path("topology").asText()).isEqualTo("hub");
    assertThat(json.path("counts").path("agents").asLong()).isEqualTo(9);
    assertThat(json.path("counts").path("task_failures").asLong()).isPositive();
  }

  // --- bad input -------------------------------------------------------------------------------

  @Test
  void anUnknownTopologyKindListsTheKinds() throws IOException {
    Path file = write("star.yaml", SMALL.replace("{kind: hub}", "{kind: star}"));

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":")
        .contains("topology.kind: unknown topology kind 'star'")
        .contains(
            "(allowed: solo, hub, ring, mutual, hierarchy, cross-team, cross-family, rotating,"
                + " ensemble)");
  }

  @Test
  void anUnknownProfileListsTheShippedOnes() throws IOException {
    Path file = write("nope.yaml", SMALL.replace("profile: gpt-5.2", "profile: gpt-9"));

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":")
        .contains("unknown profile 'gpt-9'")
        .contains(String.join(", ", Profiles.SHIPPED));
  }

  @Test
  void aTeamWithoutWorkersIsNamed() throws IOException {
    Path file =
        write(
            "idle.yaml",
            SMALL.replace(
                "topology:",
                """
                  - name: gamma
                    members:
                      - {profile: gpt-5.2, role: monitor, count: 2}
                topology:"""));

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":")
        .contains("team 'gamma' has no workers")
        .contains("role worker or both");
  }

  @Test
  void anEnsembleLargerThanATeamsMonitorsIsRefused() throws IOException {
    Path file = write("ensemble.yaml", SMALL.replace("{kind: hub}", "{kind: ensemble, k: 2}"));

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":")
        .contains("ensemble k 2 is larger than the 1 monitors of team 'alpha'")
        .contains("allowed: k at most every team's monitoring agents");
  }

  @Test
  void aProbabilityAboveOneNamesItsPositionAndTheRange() throws IOException {
    String text = SMALL.replace("detection: 0.9", "detection: 1.5");
    Path file = write("likely.yaml", text);
    List<String> lines = text.lines().toList();
    int row = indexOf(lines, "detection: 1.5");

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":" + (row + 1) + ":" + (lines.get(row).indexOf("1.5") + 1) + ":")
        .contains("detection")
        .contains("1.5 is out of range (allowed: 0.0 to 1.0)");
  }

  @Test
  void zeroTicksInTheFileIsOutOfRange() throws IOException {
    Path file = write("zero.yaml", SMALL.replace("ticks: 300", "ticks: 0"));

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":4:")
        .contains("ticks")
        .contains("0 is out of range (allowed: 1 to 100000000)");
  }

  @Test
  void negativeTicksInTheFileAreOutOfRange() throws IOException {
    Path file = write("negative.yaml", SMALL.replace("ticks: 300", "ticks: -5"));

    String line = badRun(file);

    assertThat(line)
        .contains(file + ":4:")
        .contains("ticks")
        .contains("-5 is out of range (allowed: 1 to 100000000)");
  }

  @Test
  void zeroTicksOnTheCommandLineIsOutOfRange() throws IOException {
    Path file = write("small.yaml", SMALL);

    String line = badRun(file, "--ticks", "0");

    assertThat(line).contains("--ticks 0 is out of range (allowed: 1 to 100000000)");
  }

  @Test
  void anUnknownEngineNamesTheEnginesThereAre() throws IOException {
    Path file = write("small.yaml", SMALL);

    String line = badRun(file, "--engine", "fast");

    assertThat(line).contains("--engine 'fast' is not known (allowed: actors, inline)");
  }

  @Test
  void anUnknownKeyIsNamedWithItsPositionAndTheAllowedKeys() throws IOException {
    String text =
        SMALL.replace("executor: monitor", "executor: monitor\ncolour:\n\n  shade: blue\n");
    Path file = write("colour.yaml", text);
    int row = indexOf(text.lines().toList(), "colour:");

    String line = badRun(file);

    assertThat(line)
        .contains("unknown key 'colour'")
        .contains(
            "(allowed: audits, channel, description, evidence, executor, identity, maintenance,"
                + " meta_monitor, minds, name, operations, perception, restore, seed,"
                + " shutdown_policy, stakes, teams, ticks, topology, trust, watched)")
        .as("the position of the key")
        .contains(file + ":" + (row + 1) + ":1:");
  }

  @Test
  void malformedYamlNamesTheFileAndThePosition() throws IOException {
    Path file = write("broken.yaml", SMALL.replace("{kind: hub}", "{kind: hub"));

    String line = badRun(file);

    assertThat(line)
        .containsPattern(Pattern.quote(file.toString()) + ":\\d+:\\d+: malformed YAML")
        .as("what the parser expected")
        .contains("expected ',' or '}'");
  }

  @Test
  void aMissingScenarioFileIsNamed() throws IOException {
    Path missing = tmp.resolve("missing.yaml");

    String line = badRun(missing);

    assertThat(line).contains(missing + ": no such scenario file");
  }

  @Test
  void anUnknownCounterfactualModeListsTheModes() throws IOException {
    Path file = write("small.yaml", SMALL);

    String line = badRun(file, "--counterfactual", "maybe");

    assertThat(line).contains("--counterfactual 'maybe'").contains("allowed: no-peers, none");
  }

  @Test
  void anUnknownLedgerLevelListsTheLevels() throws IOException {
    Path file = write("small.yaml", SMALL);

    String line = badRun(file, "--ledger", "some");

    assertThat(line).contains("--ledger 'some'").contains("allowed: full, failures, none");
  }

  @Test
  void anOutputDirectoryUnderARegularFileCannotBeWritten() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path regular = tmp.resolve("a-file");
    Files.writeString(regular, "x");
    Path d = regular.resolve("D");

    String line = badInput("run", file.toString(), "--out", d.toString(), "--quiet");

    assertThat(line).contains("--out " + d + ": cannot write there (not a directory; allowed: ");
  }

  @Test
  void theTerminalSummaryShowsWhatOversightLetThroughAsSummaryCsvHasIt() throws IOException {
    Path file = write("small.yaml", SMALL);
    Path d = tmp.resolve("shown");

    String printed = succeed("run", file.toString(), "--out", d.toString(), "--ledger", "none");

    // concealment as a percentage of k/n, both read from summary.csv: the line must agree
    String row =
        Files.readAllLines(d.resolve("summary.csv")).stream()
            .filter(l -> l.startsWith("concealment,all,all,"))
            .findFirst()
            .orElseThrow();
    String[] f = row.split(",", -1);
    long k = Long.parseLong(f[6]);
    long n = Long.parseLong(f[7]);
    String pct = String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * k / n);
    assertThat(printed).contains("what oversight let through");
    assertThat(printed.lines().filter(l -> l.trim().startsWith("concealment ")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains(pct).endsWith(k + "/" + n));
    assertThat(printed).contains("time to detection").contains("exposure").contains(" ticks");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Runs the command line, expects exit code 0 and returns what it printed on stdout. */
  private String succeed(String... args) {
    out.reset();
    err.reset();
    int code = Main.execute(args);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code of %s, stderr: %s", String.join(" ", args), stderr).isZero();
    assertThat(stderr).doesNotContain("Exception").doesNotContain("ERROR").doesNotContain("WARN");
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs {@code scenario} into {@code tmp/D} with {@code options}, expecting bad input. */
  private String badRun(Path scenario, String... options) throws IOException {
    Path d = tmp.resolve("D");
    List<String> args = new ArrayList<>(List.of("run", scenario.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--out", d.toString(), "--quiet"));
    String line = badInput(args.toArray(String[]::new));
    assertThat(d).doesNotExist();
    return line;
  }

  /**
   * Runs the command line, checks the bad-input contract (exit 2, one line on stderr, nothing on
   * stdout, no stack trace, every file under the temporary directory unchanged) and returns the
   * line.
   */
  private String badInput(String... args) throws IOException {
    Map<String, String> before = snapshot();
    out.reset();
    err.reset();
    int code = Main.execute(args);
    System.err.flush();
    String stderr = err.toString(StandardCharsets.UTF_8);
    String stdout = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as("exit code, stderr: %s", stderr).isEqualTo(Main.BAD_INPUT);
    assertThat(stderr).endsWith("\n");
    List<String> lines = stderr.lines().toList();
    assertThat(lines).as("stderr lines").hasSize(1);
    String line = lines.get(0);
    assertThat(line).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(line).startsWith("peerwatch run: ");
    assertThat(stdout).as("stdout").isEmpty();
    assertThat(snapshot()).as("files under %s", tmp).isEqualTo(before);
    return line;
  }

  /** Every file and directory under the temporary directory, hidden ones too, with its bytes. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.toList()) {
        files.put(
            tmp.relativize(p).toString(),
            Files.isDirectory(p)
                ? "<dir>"
                : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line containing '" + text + "'");
  }

  /** Every name in {@code dir}, hidden ones included, sorted. */
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** The run's ledger, each line parsed as JSON. */
  private static List<JsonNode> ledger(Path dir) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String l : lines(dir.resolve("ledger.jsonl"))) {
      events.add(JSON.readTree(l));
    }
    return events;
  }

  private static JsonNode summaryJson(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("summary.json").toFile());
  }

  /** summary.csv's rows by {@code measure,by,group}. */
  private static Map<String, String> measures(Path dir) throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    List<String> csv = lines(dir.resolve("summary.csv"));
    for (String row : csv.subList(1, csv.size())) {
      String[] f = row.split(",", -1);
      rows.put(f[0] + "," + f[1] + "," + f[2], row);
    }
    return rows;
  }

  private static long count(List<JsonNode> ledger, String name) {
    return ledger.stream().filter(e -> event(e, name)).count();
  }

  private static boolean event(JsonNode e, String name) {
    return e.path("event").asText().equals(name);
  }

  /**
   * A report on passing work: the failures ledger leaves it out whatever was reported (a monitor
   * that perceives a pass as a failure raises a false alarm on passing work).
   */
  private static boolean passReportedAsPass(JsonNode e) {
    return event(e, "report") && e.path("truth").asText().equals("pass");
  }

  private static void assertSameBytes(Path a, Path b, String... names) throws IOException {
    for (String n : names) {
      assertThat(Files.readAllBytes(b.resolve(n)))
          .as("%s of %s and %s", n, a, b)
          .isEqualTo(Files.readAllBytes(a.resolve(n)));
    }
  }
}
