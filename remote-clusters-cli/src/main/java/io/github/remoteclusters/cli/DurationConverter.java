package io.github.remoteclusters.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Converts durations such as {@code 500ms}, {@code 5s}, {@code 1m}, {@code 1h} or {@code 7d}; must be
 * positive. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern FORM = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "duration [" + value + "] is invalid: expected a whole number and a unit,"
              + " such as 500ms, 5s, 1m, 1h or 7d");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (d.isZero()) {
      throw new CommandLine.TypeConversionException(
          "duration [" + value + "] is invalid: it must be more than 0");
    }
    return d;
  }
}
