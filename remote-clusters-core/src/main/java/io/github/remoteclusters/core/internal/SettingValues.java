package io.github.remoteclusters.core.internal;

import java.util.List;
import java.util.Locale;

/**
 * Elasticsearch's value parsers for {@code cluster.remote.*} settings, returning its error message
 * (or null when the value parses). Not API.
 */
public final class SettingValues {

  /**
   * Every per-alias key a plan writes ({@code cluster.remote.<alias>.<key>}), in the order plans
   * write them; all are dynamic.
   */
  public static final List<String> ALIAS_KEYS =
      List.of(
          "mode",
          "seeds",
          "node_connections",
          "proxy",
          "proxy_address",
          "proxy_socket_connections",
          "server_name",
          "skip_unavailable",
          "transport.ping_schedule",
          "transport.compress",
          "transport.compression_scheme");

  private SettingValues() {}

  /** Booleans.parseBoolean: strict, case-sensitive {@code true}/{@code false}. */
  public static String booleanError(String value) {
    if ("true".equals(value) || "false".equals(value)) {
      return null;
    }
    return "Failed to parse value [" + value + "] as only [true] or [false] are allowed.";
  }

  /**
   * Setting.intSetting with a minimum of 1: an integer of any size is read, then checked against 1
   * and {@link Integer#MAX_VALUE}; anything else is "Failed to parse value".
   */
  public static String positiveIntError(String key, String value) {
    java.math.BigInteger parsed;
    try {
      if (!value.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException(value);
      }
      parsed = new java.math.BigInteger(value);
    } catch (NumberFormatException e) {
      return "Failed to parse value [" + value + "] for setting [" + key + "]";
    }
    if (parsed.compareTo(java.math.BigInteger.ONE) < 0) {
      return "Failed to parse value [" + value + "] for setting [" + key + "] must be >= 1";
    }
    if (parsed.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      return "Failed to parse value [" + value + "] for setting [" + key + "] must be <= "
          + Integer.MAX_VALUE;
    }
    return null;
  }

  /** The connection mode enum, parsed upper-cased. */
  public static String modeError(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (upper.equals("SNIFF") || upper.equals("PROXY")) {
      return null;
    }
    return "No enum constant org.elasticsearch.transport.RemoteConnectionStrategy.ConnectionStrategy."
        + upper;
  }

  /** {@code transport.compress}: {@code true}, {@code false} or {@code indexing_data}. */
  public static String compressError(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (upper.equals("TRUE") || upper.equals("FALSE") || upper.equals("INDEXING_DATA")) {
      return null;
    }
    return "No enum constant org.elasticsearch.transport.Compression.Enabled." + upper;
  }

  /** {@code transport.compression_scheme}: {@code deflate} or {@code lz4}. */
  public static String compressionSchemeError(String value) {
    String upper = value.toUpperCase(Locale.ROOT);
    if (upper.equals("DEFLATE") || upper.equals("LZ4")) {
      return null;
    }
    return "No enum constant org.elasticsearch.transport.Compression.Scheme." + upper;
  }

  private static final String[] TIME_UNITS = {"nanos", "micros", "ms", "s", "m", "h", "d"};

  /**
   * TimeValue.parseTimeValue. Units are matched on the lower-cased value except minutes, which
   * Elasticsearch matches on the value as given: {@code 5M} is "unit is missing or unrecognized"
   * while {@code 5MS}, {@code 5S} and {@code 5H} parse.
   */
  public static String timeValueError(String key, String value) {
    String normalized = value.toLowerCase(Locale.ROOT).trim();
    for (String unit : TIME_UNITS) {
      boolean matches = unit.equals("m") ? value.endsWith("m") : normalized.endsWith(unit);
      if (matches) {
        String number = normalized.substring(0, normalized.length() - unit.length()).trim();
        long parsed;
        try {
          parsed = Long.parseLong(number);
        } catch (NumberFormatException e) {
          return isDouble(number)
              ? "failed to parse [" + value + "], fractional time values are not supported"
              : "failed to parse [" + value + "]";
        }
        if (parsed < -1) {
          return "failed to parse setting ["
              + key
              + "] with value ["
              + value
              + "] as a time value: negative durations are not supported";
        }
        return null;
      }
    }
    if (normalized.matches("-0*1") || normalized.matches("0+")) {
      return null;
    }
    return "failed to parse setting ["
        + key
        + "] with value ["
        + value
        + "] as a time value: unit is missing or unrecognized";
  }

  private static boolean isDouble(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether the alias matches Elasticsearch's affix key grammar {@code [-\w]+} (ASCII). */
  public static boolean isValidAlias(String alias) {
    if (alias.isEmpty()) {
      return false;
    }
    for (int i = 0; i < alias.length(); i++) {
      char c = alias.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
