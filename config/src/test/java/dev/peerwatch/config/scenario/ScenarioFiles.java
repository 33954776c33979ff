package dev.peerwatch.config.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes scenario texts into a test's temporary folder. */
final class ScenarioFiles {
  /** A small valid organisation: one hub team of four workers and one monitor. */
  static final String MINIMAL =
      """
      name: minimal
      description: four workers and one monitor
      ticks: 100
      teams:
        - name: alpha
          members:
            - {profile: gemini-3-flash, role: worker, count: 4}
            - {profile: gpt-5.2, role: monitor}
      topology:
        kind: hub
      """;

  private ScenarioFiles() {}

  static Path write(Path dir, String name, String text) {
    try {
      Path f = dir.resolve(name);
      Files.createDirectories(f.getParent());
      Files.writeString(f, text);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A profile file of family {@code family} that behaves like the shipped {@code honest}. */
  static Path honestProfile(Path dir, String name, String family) {
    return write(
        dir,
        name,
        """
        profile: %s
        family: %s
        description: never misbehaves, of another family
        extends: honest
        behaviours: {}
        """
            .formatted(name.replaceAll(".*/|\\.yaml$", ""), family));
  }
}
