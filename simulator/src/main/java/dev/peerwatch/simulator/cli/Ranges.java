package dev.peerwatch.simulator.cli;

import dev.peerwatch.config.scenario.Scenario;
import java.util.Map;
import picocli.CommandLine;

/**
 * What each numeric option allows, for the message picocli gives when a value is not a number at
 * all ({@code 'abc' is not a long}): the message names the option, the value, the kind of number
 * and the range, like the commands' own range checks. A value of a choice option (an enum) that is
 * not one of its choices gets the list of choices.
 */
final class Ranges {
  private Ranges() {}

  /** The allowed values of each numeric option, in the words of the range checks. */
  static final Map<String, String> ALLOWED =
      Map.ofEntries(
          Map.entry("--ticks", "1 to " + Scenario.MAX_TICKS),
          Map.entry("--seed", "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE),
          Map.entry("--threads", "1 to 256"),
          Map.entry("--rollouts", "1 to 100000"),
          Map.entry("--port", "0 to 65535"),
          Map.entry("--metrics-port", "0 to 65535"),
          Map.entry("--tick-rate", "a number above 0, ticks per second"),
          Map.entry("--warmup", BenchCommand.WARMUP),
          Map.entry("--warmup-seconds", BenchCommand.WARMUP_SECONDS),
          Map.entry("--join-timeout", "1 to 3600 seconds"),
          Map.entry("--iterations", BenchCommand.ITERATIONS),
          Map.entry("--agents", BenchCommand.AGENTS),
          Map.entry("--heap-agents", BenchCommand.HEAP_AGENTS));

  /** The message for a parameter error: picocli's own, or for a non-number the range too. */
  static String explain(CommandLine.ParameterException ex) {
    String m = ex.getMessage();
    if (!(ex.getCause() instanceof CommandLine.TypeConversionException)
        || !(ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o)) {
      return m;
    }
    String option = o.longestName();
    Class<?> type = o.auxiliaryTypes().length > 0 ? o.auxiliaryTypes()[0] : o.type();
    if (type.isEnum()) {
      StringBuilder names = new StringBuilder();
      for (Object c : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(c);
      }
      return option + " '" + ex.getValue() + "' is not known (allowed: " + names + ")";
    }
    String kind = type == double.class || type == Double.class ? "a number" : "a whole number";
    String value = ex.getValue() == null ? "" : ex.getValue();
    if (o.splitRegex() != null && !o.splitRegex().isEmpty()) {
      for (String part : value.split(o.splitRegex(), -1)) {
        if (!isNumber(part, type)) {
          value = part;
          break;
        }
      }
    }
    String allowed = ALLOWED.get(option);
    return option
        + " '"
        + value
        + "' is not "
        + kind
        + (allowed == null ? "" : " (allowed: " + allowed + ")");
  }

  private static boolean isNumber(String s, Class<?> type) {
    try {
      if (type == double.class || type == Double.class) {
        Double.parseDouble(s);
      } else if (type == int.class || type == Integer.class) {
        Integer.parseInt(s.trim());
      } else {
        Long.parseLong(s.trim());
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
