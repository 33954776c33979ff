package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.ConfigException;
import dev.peerwatch.simulator.study.Rules;
import picocli.CommandLine.Option;

/** {@code --rules}, shared by {@code replicate} and {@code analyze}. */
final class RulesOption {
  @Option(
      names = "--rules",
      paramLabel = "RULES",
      description =
          "study (default): the study's own analysis rules; corrected: mends four of them"
              + " (see README, 'Where the study's rules have a defect').",
      defaultValue = "study")
  String rules;

  /** The rules named, or a ConfigException listing the allowed ones. */
  Rules rules() {
    for (Rules r : Rules.values()) {
      if (r.id().equals(rules)) {
        return r;
      }
    }
    throw new ConfigException("--rules '" + rules + "' is not known (allowed: study, corrected)");
  }
}
