package dev.peerwatch.config.scenario;

import dev.peerwatch.config.ConfigException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of a scenario's spellings into enums, with an error that lists what is allowed. */
final class Ids {
  private Ids() {}

  /**
   * The constant of {@code type} spelled {@code id}, or a ConfigException such as {@code unknown
   * role 'boss' (allowed: worker, monitor, both)}; {@code what} names the kind of value.
   */
  static <E extends Enum<E>> E parse(
      Class<E> type, String what, String id, Function<E, String> spelling) {
    for (E e : type.getEnumConstants()) {
      if (spelling.apply(e).equals(id)) {
        return e;
      }
    }
    throw new ConfigException(
        "unknown "
            + what
            + " '"
            + id
            + "' (allowed: "
            + Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "))
            + ")");
  }
}
