package io.github.remoteclusters.compat.internal;

import io.github.remoteclusters.compat.EsVersion;

/**
 * Release facts the rules need: the last minor of each finished major, the newest known minor of
 * the current major, and which minor of the previous major each {@code X.0} counts as its previous
 * minor (the last one released before it).
 */
public final class Releases {

  /** The oldest major any rule covers. */
  public static final int OLDEST_MAJOR = 5;

  /** The major still receiving minors; its last minor is not known. */
  public static final int OPEN_MAJOR = 9;

  /** The newest minor of {@link #OPEN_MAJOR} known to be released (9.5.3 is on Maven Central). */
  public static final int NEWEST_KNOWN_MINOR_OF_OPEN_MAJOR = 5;

  private Releases() {}

  /**
   * The last minor of a finished major, or -1 when the major is not finished or not covered.
   *
   * @param major the major
   * @return 6 for 5, 8 for 6, 17 for 7, 19 for 8, otherwise -1
   */
  public static int lastMinor(int major) {
    switch (major) {
      case 5:
        return 6;
      case 6:
        return 8;
      case 7:
        return 17;
      case 8:
        return 19;
      default:
        return -1;
    }
  }

  /**
   * The newest minor known to be released for a major, or -1 for majors not released yet.
   *
   * @param major the major
   * @return the newest known minor
   */
  public static int newestKnownMinor(int major) {
    int last = lastMinor(major);
    if (last >= 0) {
      return last;
    }
    return major == OPEN_MAJOR ? NEWEST_KNOWN_MINOR_OF_OPEN_MAJOR : -1;
  }

  /**
   * Whether the minor line can exist: false for minors after the last minor of a finished major
   * (such as 8.20). Majors after the open one are taken as possible future releases.
   *
   * @param v the version
   * @return false when the version was never released and never will be
   */
  public static boolean mayExist(EsVersion v) {
    int last = lastMinor(v.major());
    return last < 0 || v.minor() <= last;
  }

  /**
   * The minor of the previous major that an {@code X.0} release counts as its previous minor: the
   * last one released before it. 8.19 shipped after 9.0, so 9.0's is 8.18; 6.8 shipped after
   * 7.0, so 7.0's is 6.7.
   *
   * @param major the major whose {@code .0} release is meant
   * @return the previous minor, or {@code null} when not known
   */
  public static EsVersion previousMinorOfFirstRelease(int major) {
    switch (major) {
      case 6:
        return EsVersion.of(5, 6);
      case 7:
        return EsVersion.of(6, 7);
      case 8:
        return EsVersion.of(7, 17);
      case 9:
        return EsVersion.of(8, 18);
      default:
        return null;
    }
  }

  /**
   * The previous minor of a minor line: {@code X.(Y-1)}, or for {@code X.0} the minor named by
   * {@link #previousMinorOfFirstRelease(int)}.
   *
   * @param v the version
   * @return the previous minor, or {@code null} when not known
   */
  public static EsVersion previousMinor(EsVersion v) {
    return v.minor() > 0
        ? EsVersion.of(v.major(), v.minor() - 1)
        : previousMinorOfFirstRelease(v.major());
  }

  /**
   * Whether {@code older} shipped together with {@code newer}, the {@code .0} of the next major,
   * and is its previous minor (8.18 with 9.0, 6.7 with 7.0).
   *
   * @param older the version of the older major
   * @param newer the version of the newer major
   * @return true for such a pair
   */
  public static boolean releasedTogether(EsVersion older, EsVersion newer) {
    EsVersion prev = newer.minor() == 0 ? previousMinorOfFirstRelease(newer.major()) : null;
    return prev != null && prev.sameMinor(older) && lastMinor(older.major()) != older.minor();
  }
}
