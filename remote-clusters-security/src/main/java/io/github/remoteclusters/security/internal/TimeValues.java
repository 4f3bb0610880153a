package io.github.remoteclusters.security.internal;

import java.util.List;
import java.util.Locale;

/** Elasticsearch time value rules ({@code 30d}, {@code 12h}, ...), with Elasticsearch's messages. */
public final class TimeValues {

  private static final List<String> SUFFIXES = List.of("nanos", "micros", "ms", "s", "m", "h", "d");

  private TimeValues() {}

  /**
   * Checks a time value the way Elasticsearch parses a setting.
   *
   * @return {@code null} when valid, otherwise Elasticsearch's message
   */
  public static String problem(String setting, String value) {
    String normalized = value.toLowerCase(Locale.ROOT).trim();
    String unrecognized = "failed to parse setting [" + setting + "] with value [" + value
        + "] as a time value: unit is missing or unrecognized";
    for (String suffix : SUFFIXES) {
      if (!normalized.endsWith(suffix)) {
        continue;
      }
      if (suffix.equals("m") && !value.endsWith("m")) {
        // Elasticsearch checks minutes on the raw text, case-sensitively ('M' is not minutes) and
        // untrimmed, then goes on with "h" and "d", which cannot match a text ending in "m"
        return unrecognized;
      }
      String number = normalized.substring(0, normalized.length() - suffix.length()).trim();
      long parsed;
      try {
        parsed = Long.parseLong(number);
      } catch (NumberFormatException e) {
        // Elasticsearch calls an integer too large for a long "fractional"; we say what it is
        if (number.matches("[+-]?\\d+")) {
          return "failed to parse [" + value + "]: the number is too large (at most " + Long.MAX_VALUE + ")";
        }
        return isDouble(number) ? "failed to parse [" + value + "], fractional time values are not supported"
            : "failed to parse [" + value + "]";
      }
      return parsed < -1 ? "failed to parse setting [" + setting + "] with value [" + value
          + "] as a time value: negative durations are not supported" : null;
    }
    return normalized.matches("-0*1|0+") ? null : unrecognized;
  }

  private static boolean isDouble(String number) {
    try {
      Double.parseDouble(number);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
