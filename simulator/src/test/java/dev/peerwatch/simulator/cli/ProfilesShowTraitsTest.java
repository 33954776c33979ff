package dev.peerwatch.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profiles show} prints a profile's organisation traits with their provenance. */
class ProfilesShowTraitsTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream savedOut;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
  }

  @Test
  void theDefaultsAreShownWithTheirProvenance() {
    assertThat(Main.execute("profiles", "show", "gemini-3-pro")).isZero();
    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("\norganisation traits\n");
    assertThat(
            Pattern.compile("(?m)^in_group_factor\\s+1\\.0000\\s+published\\s+no in-group effect")
                .matcher(shown)
                .find())
        .isTrue();
    // 0.20 / 0.325 = 0.6154: the profile's alignment-faking inflation monitored vs unmonitored
    // (good peer, file_only, as recalibrated to Table 3)
    assertThat(
            Pattern.compile("(?m)^watched_factor\\s+0\\.6154\\s+assumed\\s+").matcher(shown).find())
        .isTrue();
  }

  @Test
  void aUserProfilesOverrideIsShown() throws IOException {
    Path f = tmp.resolve("sharp.yaml");
    Files.writeString(
        f,
        """
        profile: sharp
        family: sharp
        description: a sharper grader
        extends: honest
        behaviours: {}
        organisation:
          perception_sd: {value: 2, assumed: "a sharper grader"}
        """);
    assertThat(Main.execute("profiles", "show", f.toString())).isZero();
    assertThat(
            Pattern.compile("(?m)^perception_sd\\s+2\\.0000\\s+assumed\\s+a sharper grader$")
                .matcher(out.toString(StandardCharsets.UTF_8))
                .find())
        .isTrue();
  }
}
