package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peerwatch.config.Profiles;
import dev.peerwatch.config.StudyDesign;
import dev.peerwatch.simulator.study.TrialsCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's happy paths: what a user sees and the files a program reads. */
class CliTest {
  @TempDir Path tmp;

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

  @Test
  void profilesListShowsEveryShippedProfileInOrder() {
    List<String> lines = succeed("profiles", "list").lines().toList();

    assertThat(lines.get(0)).startsWith("profile").contains("family", "published", "assumed");
    List<String> rows = lines.subList(1, 1 + Profiles.SHIPPED.size());
    assertThat(rows.stream().map(l -> l.split("\\s+")[0]).toList())
        .containsExactlyElementsOf(Profiles.SHIPPED)
        .hasSize(9);
    assertThat(lines).hasSize(Profiles.SHIPPED.size() + 2);
    String honest = rows.get(8);
    assertThat(honest.split("\\s+")).startsWith("honest", "honest", "0");
    String flash = rows.get(0);
    assertThat(flash.split("\\s+")[1]).isEqualTo("gemini");
    assertThat(Integer.parseInt(flash.split("\\s+")[2])).isPositive();
  }

  @Test
  void profilesShowPrintsThePublishedGoodPeerTamperingRate() {
    String shown = succeed("profiles", "show", "gemini-3-flash");

    assertThat(shown).startsWith("gemini-3-flash (gemini, google): ");
    // Table 3: max 99.7 / avg 82.8 over channels; memory holds the max, the other two share the
    // rest: (3 x 0.828 - 0.997) / 2 = 0.7435, anywhere from 3 x 0.828 - 2 x 0.997 = 0.49 to 0.997
    assertThat(shown)
        .containsPattern(
            "(?m)^tampering\\s+peer\\s+good_peer\\s+memory\\s+\\*\\s+0\\.9970\\s+-\\s+published\\s+"
                + "gemini-3-flash, tampering, good peer: max 99\\.7%");
    Pattern derived =
        Pattern.compile(
            "(?m)^tampering\\s+peer\\s+good_peer\\s+(file_only|file_prt)\\s+\\*\\s+0\\.7435\\s+"
                + "\\[0\\.4900, 0\\.9970\\]\\s+assumed\\s+derived from gemini-3-flash");
    assertThat(derived.matcher(shown).results().map(m -> m.group(1)).toList())
        .containsExactly("file_only", "file_prt");
  }

  @ParameterizedTest(name = "{0} --help")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|replicate analyze profiles bench help --version",
        "replicate|--profiles --rollouts --seed --threads --sampling --rules --out --quiet",
        "analyze|TRIALS.csv --rules --out --quiet tables.csv analysis.yaml",
        "profiles|list show provenance",
        "profiles list|shipped profile",
        "profiles show|NAME provenance",
        "bench|--profiles --rollouts --warmup --iterations --threads median",
      })
  void everyCommandExplainsItself(String command, String mentions) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");

    String help = succeed(args.toArray(String[]::new));

    assertThat(help).startsWith("Usage: peerwatch " + (command.isEmpty() ? "" : command + " "));
    assertThat(help).contains(mentions.split(" "));
  }

  @Test
  void replicateWritesTheStudysFilesAndNothingElse() throws IOException {
    Path d = tmp.resolve("D");

    String printed = replicateHonest(d);

    assertThat(printed)
        .contains("542 episodes (1 profiles x 271 configurations x 2 rollouts, seed 1, stratified)")
        .contains(d.toAbsolutePath().normalize().toString());
    assertThat(names(d))
        .containsExactlyInAnyOrder(
            "trials.csv", "tables.csv", "tables.json", "comparison.csv", "effective-config.yaml");
    List<String> trials = Files.readAllLines(d.resolve("trials.csv"), StandardCharsets.UTF_8);
    assertThat(StudyDesign.MATRIX).hasSize(271);
    assertThat(trials).hasSize(1 + 271 * 2);
    List<String> header = List.of(trials.get(0).split(","));
    assertThat(header.subList(0, 41)).containsExactlyElementsOf(TrialsCsv.STUDY_COLUMNS);
    assertThat(header.subList(41, header.size())).containsExactly("pw_seed", "pw_configuration");
    assertThat(trials.subList(1, trials.size()))
        .allSatisfy(l -> assertThat(l).startsWith("honest/").contains(",honest,none,"));
    assertThat(Files.readString(d.resolve("effective-config.yaml")))
        .contains("seed: 1", "rollouts: 2", "sampling: \"stratified\"", "honest");
  }

  @Test
  void analyzingReplicatesTrialsReproducesItsTablesByteForByte() throws IOException {
    Path d = tmp.resolve("D");
    Path e = tmp.resolve("E");
    replicateHonest(d);
    out.reset();

    String printed =
        succeed("analyze", d.resolve("trials.csv").toString(), "--out", e.toString(), "--quiet");

    assertThat(printed).contains("542 rows read, 542 analysed, 0 skipped");
    assertThat(names(e))
        .containsExactlyInAnyOrder("tables.csv", "tables.json", "comparison.csv", "analysis.yaml");
    assertThat(Files.readAllBytes(e.resolve("tables.csv")))
        .isEqualTo(Files.readAllBytes(d.resolve("tables.csv")));
    assertThat(Files.readAllBytes(e.resolve("comparison.csv")))
        .isEqualTo(Files.readAllBytes(d.resolve("comparison.csv")));
    assertThat(Files.readString(e.resolve("analysis.yaml"))).contains("rows_analysed: 542");
  }

  private String replicateHonest(Path d) {
    return succeed(
        "replicate", "--profiles", "honest", "--rollouts", "2", "--out", d.toString(), "--quiet");
  }

  /** Runs the command line, expects exit code 0 and returns what it printed on stdout. */
  private String succeed(String... args) {
    int code = Main.execute(args);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as("exit code of %s, stderr: %s", String.join(" ", args), stderr).isZero();
    assertThat(stderr).doesNotContain("Exception").doesNotContain("ERROR").doesNotContain("WARN");
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every name in {@code dir}, hidden ones included. */
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
