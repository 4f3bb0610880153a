package io.github.remoteclusters.security.internal;

import java.util.List;

/**
 * The check Elasticsearch makes when it parses {@code field_security}: every {@code except}
 * pattern must be covered by the {@code grant} patterns.
 *
 * <p>Elasticsearch compares automatons. This covers patterns made of literals and {@code *}: an
 * {@code except} pattern is covered when one {@code grant} pattern contains it. Patterns with
 * {@code ?}, {@code \} or regular expressions ({@code /.../}) are not judged, so nothing valid is
 * rejected here.
 */
public final class FieldPatterns {

  private FieldPatterns() {}

  /**
   * Elasticsearch's message when {@code except} is not a subset of {@code grant}, or {@code null}.
   *
   * @param grant the granted patterns, or {@code null} for all fields
   * @param except the excepted patterns, or {@code null}
   */
  public static String exceptNotSubsetOfGrant(List<String> grant, List<String> except) {
    if (grant == null || except == null || except.isEmpty() || grant.contains("*")) {
      return null;
    }
    for (String pattern : concat(grant, except)) {
      if (pattern.indexOf('?') >= 0 || pattern.indexOf('\\') >= 0 || pattern.startsWith("/")) {
        return null;
      }
    }
    for (String denied : except) {
      boolean covered = false;
      for (String granted : grant) {
        covered |= contains(granted, denied);
      }
      if (!covered) {
        return "Exceptions for field permissions must be a subset of the granted fields but "
            + String.join(",", except) + " is not a subset of " + String.join(",", grant);
      }
    }
    return null;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * Whether every name matched by {@code inner} is matched by {@code outer}: {@code outer} must
   * match {@code inner} as text where a {@code *} of {@code inner} can only be consumed by a
   * {@code *} of {@code outer}.
   */
  static boolean contains(String outer, String inner) {
    int n = outer.length();
    int m = inner.length();
    // matched[o][i]: outer[o..] contains inner[i..]
    boolean[][] matched = new boolean[n + 1][m + 1];
    matched[n][m] = true;
    for (int o = n - 1; o >= 0; o--) {
      char g = outer.charAt(o);
      for (int i = m; i >= 0; i--) {
        if (g == '*') {
          matched[o][i] = matched[o + 1][i] || (i < m && matched[o][i + 1]);
        } else {
          matched[o][i] = i < m && inner.charAt(i) != '*' && inner.charAt(i) == g && matched[o + 1][i + 1];
        }
      }
    }
    return matched[0][0];
  }
}
