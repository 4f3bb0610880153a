package io.github.remoteclusters.compat;

import java.util.Objects;
import java.util.Optional;

/**
 * An Elasticsearch version: {@code MAJOR.MINOR}, {@code MAJOR.MINOR.PATCH}, or
 * {@code MAJOR.MINOR.PATCH-QUALIFIER} for pre-releases such as {@code 9.1.0-beta1} or
 * {@code 8.19.0-SNAPSHOT}.
 *
 * <p>A version given without a patch level ({@code 8.19}) has patch 0 and remembers that the
 * patch was not given, so that {@link #toString()} gives back what was parsed. Ordering follows
 * Elasticsearch: a pre-release sorts before the release of the same number, and a version whose
 * patch was not given sorts with patch 0.
 *
 * @param major the major version, at least 0
 * @param minor the minor version, at least 0
 * @param patch the patch level, at least 0 (0 when not given)
 * @param qualifier the pre-release qualifier without its dash, or empty for a release
 * @param patchGiven whether the text this version came from named a patch level
 * @since 0.1.0
 */
public record EsVersion(int major, int minor, int patch, String qualifier, boolean patchGiven)
    implements Comparable<EsVersion> {

  /** The form {@link #parse(String)} accepts, quoted in its error messages. */
  public static final String EXPECTED_FORM = "MAJOR.MINOR[.PATCH][-QUALIFIER]";

  private static final int MAX_NUMBER_DIGITS = 9;

  /** Checks the components. */
  public EsVersion {
    Objects.requireNonNull(qualifier, "qualifier");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException(
          "version numbers must not be negative but got " + major + "." + minor + "." + patch);
    }
    if (!qualifier.isEmpty() && !isQualifier(qualifier, 0, qualifier.length())) {
      throw new IllegalArgumentException(
          "qualifier [" + qualifier + "] must be letters and digits, optionally joined by '-'");
    }
    if (!qualifier.isEmpty() && !patchGiven) {
      throw new IllegalArgumentException("a qualifier needs a patch level, as in 9.1.0-beta1");
    }
  }

  /**
   * A release version {@code major.minor} with no patch level given.
   *
   * @param major the major version
   * @param minor the minor version
   * @return the version
   */
  public static EsVersion of(int major, int minor) {
    return new EsVersion(major, minor, 0, "", false);
  }

  /**
   * A release version {@code major.minor.patch}.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch level
   * @return the version
   */
  public static EsVersion of(int major, int minor, int patch) {
    return new EsVersion(major, minor, patch, "", true);
  }

  /**
   * Parses {@code MAJOR.MINOR}, {@code MAJOR.MINOR.PATCH} or {@code MAJOR.MINOR.PATCH-QUALIFIER}.
   *
   * @param text the text to parse
   * @return the version
   * @throws InvalidVersionException when the text has any other form; the message quotes it and
   *     the expected form
   */
  public static EsVersion parse(String text) {
    EsVersion v = parseOrNull(text);
    if (v == null) {
      throw new InvalidVersionException(text, EXPECTED_FORM);
    }
    return v;
  }

  /**
   * Parses like {@link #parse(String)} but returns empty instead of throwing.
   *
   * @param text the text to parse, may be {@code null}
   * @return the version, or empty when the text is not a version
   */
  public static Optional<EsVersion> tryParse(String text) {
    return Optional.ofNullable(parseOrNull(text));
  }

  private static EsVersion parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    int i = 0;
    int majorEnd = digitsEnd(text, i);
    if (majorEnd < 0 || majorEnd >= n || text.charAt(majorEnd) != '.') {
      return null;
    }
    int minorEnd = digitsEnd(text, majorEnd + 1);
    if (minorEnd < 0) {
      return null;
    }
    int major = Integer.parseInt(text, i, majorEnd, 10);
    int minor = Integer.parseInt(text, majorEnd + 1, minorEnd, 10);
    if (minorEnd == n) {
      return new EsVersion(major, minor, 0, "", false);
    }
    if (text.charAt(minorEnd) != '.') {
      return null;
    }
    int patchEnd = digitsEnd(text, minorEnd + 1);
    if (patchEnd < 0) {
      return null;
    }
    int patch = Integer.parseInt(text, minorEnd + 1, patchEnd, 10);
    if (patchEnd == n) {
      return new EsVersion(major, minor, patch, "", true);
    }
    if (text.charAt(patchEnd) != '-' || !isQualifier(text, patchEnd + 1, n)) {
      return null;
    }
    return new EsVersion(major, minor, patch, text.substring(patchEnd + 1), true);
  }

  /** End of a run of 1 to 9 ASCII digits starting at {@code from}, or -1. */
  private static int digitsEnd(String text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    int count = i - from;
    return count == 0 || count > MAX_NUMBER_DIGITS ? -1 : i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isQualifier(String text, int from, int to) {
    if (from >= to || text.charAt(from) == '-' || text.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean letterOrDigit = isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letterOrDigit && !(c == '-' && text.charAt(i - 1) != '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this is a pre-release (has a qualifier).
   *
   * @return true for versions such as {@code 9.1.0-beta1}
   */
  public boolean isPreRelease() {
    return !qualifier.isEmpty();
  }

  /**
   * This version's minor line, such as {@code 8.19} for {@code 8.19.5}.
   *
   * @return the version with patch and qualifier dropped
   */
  public EsVersion minorVersion() {
    return patchGiven ? of(major, minor) : this;
  }

  /**
   * Whether this version and the other have the same major and minor.
   *
   * @param other the other version
   * @return true when the minor lines are equal
   */
  public boolean sameMinor(EsVersion other) {
    return major == other.major && minor == other.minor;
  }

  /**
   * Compares only major and minor, ignoring patch and qualifier.
   *
   * @param other the other version
   * @return negative, zero or positive as this minor line is older, equal or newer
   */
  public int compareMinor(EsVersion other) {
    int c = Integer.compare(major, other.major);
    return c != 0 ? c : Integer.compare(minor, other.minor);
  }

  /**
   * Whether this version is at least {@code major.minor} (patch and qualifier ignored).
   *
   * @param major the major to compare to
   * @param minor the minor to compare to
   * @return true when this minor line is the same or newer
   */
  public boolean isAtLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  /**
   * Orders by major, minor, patch; a pre-release sorts before the release of the same number and
   * qualifiers compare as text. Whether the patch was given does not matter.
   */
  @Override
  public int compareTo(EsVersion other) {
    int c = compareMinor(other);
    if (c == 0) {
      c = Integer.compare(patch, other.patch);
    }
    if (c == 0) {
      if (qualifier.isEmpty() != other.qualifier.isEmpty()) {
        c = qualifier.isEmpty() ? 1 : -1;
      } else {
        c = qualifier.compareTo(other.qualifier);
      }
    }
    return c;
  }

  /** The version as it was written: {@code 8.19}, {@code 8.19.5} or {@code 9.1.0-beta1}. */
  @Override
  public String toString() {
    if (!patchGiven) {
      return major + "." + minor;
    }
    return qualifier.isEmpty()
        ? major + "." + minor + "." + patch
        : major + "." + minor + "." + patch + "-" + qualifier;
  }
}
