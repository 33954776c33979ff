package dev.peerwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A profile's {@code organisation:} block: stated defaults, overrides, inheritance, bad values. */
class OrgTraitsTest {
  @TempDir Path tmp;

  @Test
  void aProfileWithoutTheBlockGetsTheStatedDefaults() {
    OrgTraits t = Profiles.load("gemini-3-pro").organisation();
    assertThat(t.perceptionSd().value()).isEqualTo(5);
    assertThat(t.sensitivity().value()).isEqualTo(0.9);
    assertThat(t.specificity().value()).isEqualTo(0.95);
    assertThat(t.disposition().value()).isEqualTo(0.7);
    assertThat(t.inGroupFactor().value()).isEqualTo(1.0);
    assertThat(t.inGroupFactor().provenance().kind()).isEqualTo(Provenance.Kind.PUBLISHED);
    // derived from its alignment-faking cells (good peer, file_only, as recalibrated to Table 3):
    // inflation 20% monitored vs 32.5% unmonitored
    assertThat(t.watchedFactor().value())
        .isCloseTo(0.20 / 0.325, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(t.watchedFactor().provenance().kind()).isEqualTo(Provenance.Kind.ASSUMED);
    assertThat(t.values()).allSatisfy(v -> assertThat(v.provenance().text()).isNotBlank());
  }

  @Test
  void theHonestProfileIsNotChangedByBeingWatched() {
    // its alignment-faking cells are all 0, so there is no monitored/unmonitored difference
    assertThat(Profiles.load("honest").organisation().watchedFactor().value()).isEqualTo(1.0);
  }

  @Test
  void aUserProfileOverridesTraitsAndAChildInheritsThem() throws IOException {
    write(
        "careful.yaml",
        """
        profile: careful
        family: careful
        description: a sharper monitor
        extends: honest
        behaviours: {}
        organisation:
          perception_sd: {value: 1.5, assumed: "a very careful grader"}
          in_group_factor: {value: 2, assumed: "testing an in-group effect"}
        """);
    Path child =
        write(
            "child.yaml",
            """
            profile: child
            family: careful
            description: inherits
            extends: careful.yaml
            behaviours: {}
            organisation:
              disposition: {value: 0.2, assumed: "a defector"}
            """);
    OrgTraits t = Profiles.load(child.toString()).organisation();
    assertThat(t.perceptionSd().value()).isEqualTo(1.5);
    assertThat(t.inGroupFactor().value()).isEqualTo(2);
    assertThat(t.disposition().value()).isEqualTo(0.2);
    assertThat(t.disposition().where().line()).isEqualTo(7);
    assertThat(t.perception()).isEqualTo(new PerceptionSpec.Noise(1.5));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "perception_sd: {value: 60, assumed: x}|7:26: organisation.perception_sd.value: 60 is out"
            + " of range (allowed: 0.0 to 50.0)",
        "disposition: {value: 0.5}|7:16: organisation.disposition: give exactly one of"
            + " 'published' (the study's figure and source) or 'assumed' (why)",
        "disposition: {assumed: why}|7:16: organisation.disposition: missing key 'value'"
            + " (probability of cooperating in a joint task; allowed: 0.0 to 1.0)",
        "charm: {value: 1, assumed: x}|7:3: organisation.charm: unknown key 'charm' (allowed:"
            + " disposition, in_group_factor, perception_sd, sensitivity, specificity,"
            + " watched_factor)",
      })
  void aBadTraitIsOneLineWithItsPosition(String line, String message) throws IOException {
    Path f =
        write(
            "bad.yaml",
            """
            profile: bad
            family: bad
            description: bad trait
            extends: honest
            behaviours: {}
            organisation:
              %s
            """
                .formatted(line));
    assertThatThrownBy(() -> Profiles.load(f.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ":" + message);
  }

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
