package io.github.remoteclusters.security.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Elasticsearch's "unknown field" message of its object parsers, with the "did you mean" suggestion
 * a node adds: candidates whose Levenshtein similarity (1 - distance / longer length) is above 0.5,
 * best first, then by name.
 */
public final class UnknownFields {

  private UnknownFields() {}

  /** The message for an unknown field of the named parser. */
  public static String message(String parser, String field, List<String> candidates) {
    String message = "[" + parser + "] unknown field [" + field + "]";
    record Scored(float score, String name) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      float score = similarity(field, candidate);
      if (score > 0.5f) {
        scored.add(new Scored(score, candidate));
      }
    }
    if (scored.isEmpty()) {
      return message;
    }
    scored.sort(Comparator.comparing(Scored::score).reversed().thenComparing(Scored::name));
    List<String> names = scored.stream().map(Scored::name).toList();
    return message + " did you mean " + (names.size() == 1 ? "[" + names.get(0) + "]" : "any of " + names) + "?";
  }

  /** Lucene's {@code LevenshteinDistance.getDistance}: 1 - edits / max(length). */
  static float similarity(String target, String other) {
    int n = target.length();
    int m = other.length();
    if (n == 0 || m == 0) {
      return n == m ? 1 : 0;
    }
    int[] previous = new int[n + 1];
    int[] current = new int[n + 1];
    for (int i = 0; i <= n; i++) {
      previous[i] = i;
    }
    for (int j = 1; j <= m; j++) {
      char c = other.charAt(j - 1);
      current[0] = j;
      for (int i = 1; i <= n; i++) {
        int cost = target.charAt(i - 1) == c ? 0 : 1;
        current[i] = Math.min(Math.min(current[i - 1] + 1, previous[i] + 1), previous[i - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return 1.0f - ((float) previous[n] / Math.max(m, n));
  }
}
