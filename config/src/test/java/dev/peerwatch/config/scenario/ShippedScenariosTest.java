package dev.peerwatch.config.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.peerwatch.config.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario shipped in {@code config/scenarios/} loads, is named after its file, echoes to an
 * effective scenario that loads back to the same scenario, and uses only shipped profiles.
 */
class ShippedScenariosTest {
  /** The shipped scenarios, relative to the module folder (the tests' working directory). */
  private static final Path FOLDER = Path.of("scenarios");

  @TempDir Path tmp;

  static List<Path> shipped() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void scenariosAreShipped() throws IOException {
    assertThat(shipped()).as("*.yaml files in %s", FOLDER.toAbsolutePath()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void loadsUnderItsFileName(Path file) {
    Scenario s = Scenarios.load(file);

    String base = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    assertThat(s.name()).isEqualTo(base);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void theEffectiveScenarioLoadsBackToTheSameScenario(Path file) throws IOException {
    Map<String, Object> effective = Scenarios.effective(Scenarios.load(file));
    Path echo = tmp.resolve("echo.yaml");
    new ObjectMapper(new YAMLFactory()).writeValue(echo.toFile(), effective);

    Map<String, Object> again = Scenarios.effective(Scenarios.load(echo));

    assertThat(again).isEqualTo(effective);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void everyProfileIsShipped(Path file) {
    Scenario s = Scenarios.load(file);

    List<String> used =
        s.teams().stream().flatMap(t -> t.members().stream()).map(m -> m.profile().name()).toList();
    assertThat(used).isNotEmpty().allSatisfy(p -> assertThat(Profiles.SHIPPED).contains(p));
    if (s.operations() != null) {
      assertThat(Profiles.SHIPPED).contains(s.operations().name());
    }
  }
}
