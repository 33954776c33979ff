package dev.peerwatch.config;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of the study's spellings into enums, with an error that lists what is allowed. */
final class StudyEnums {
  private StudyEnums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String id, Function<E, String> spelling) {
    for (E e : type.getEnumConstants()) {
      if (spelling.apply(e).equals(id)) {
        return e;
      }
    }
    throw new ConfigException(
        "unknown "
            + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
            + " '"
            + id
            + "' (allowed: "
            + Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "))
            + ")");
  }
}
