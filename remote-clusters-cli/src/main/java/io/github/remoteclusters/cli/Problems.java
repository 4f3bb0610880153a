package io.github.remoteclusters.cli;

import io.github.remoteclusters.core.Problem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints problems for people, one a line, except that a warning repeated with the same code and
 * message for many links (such as {@code SECURITY_DISABLED} for each of 2,000 links) is printed
 * once, with the count and the first few paths. Errors are always printed one by one; JSON output
 * keeps every problem.
 */
final class Problems {

  /** More than this many identical warnings are printed as one line. */
  static final int GROUP_ABOVE = 3;

  private Problems() {}

  static void print(PrintWriter err, List<Problem> problems) {
    Map<String, List<Problem>> warnings = new LinkedHashMap<>();
    List<Object> lines = new ArrayList<>(); // a Problem, or the key of a group of warnings
    for (Problem p : problems) {
      if (p.isError()) {
        lines.add(p);
        continue;
      }
      String key = p.code() + "\u0000" + p.message();
      List<Problem> group = warnings.get(key);
      if (group == null) {
        warnings.put(key, group = new ArrayList<>());
        lines.add(key);
      }
      group.add(p);
    }
    for (Object line : lines) {
      if (line instanceof Problem p) {
        err.println(p);
        continue;
      }
      List<Problem> group = warnings.get((String) line);
      if (group.size() <= GROUP_ABOVE) {
        group.forEach(err::println);
        continue;
      }
      Problem first = group.get(0);
      List<String> paths = new ArrayList<>();
      for (Problem p : group.subList(0, GROUP_ABOVE)) {
        paths.add(p.path());
      }
      err.println(first.severity().id() + " " + first.code() + " at " + String.join(", ", paths)
          + " and " + (group.size() - GROUP_ABOVE) + " more (" + group.size() + " in all): "
          + first.message());
    }
  }
}
