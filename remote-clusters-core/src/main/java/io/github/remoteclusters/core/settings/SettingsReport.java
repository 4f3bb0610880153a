package io.github.remoteclusters.core.settings;

import io.github.remoteclusters.core.ProblemCode;
import java.util.List;

/**
 * The outcome of validating a {@code PUT _cluster/settings} body.
 *
 * @param problems every problem found, in body order (persistent first)
 * @since 0.1.0
 */
public record SettingsReport(List<SettingsProblem> problems) {

  /** Copies the list. */
  public SettingsReport {
    problems = List.copyOf(problems);
  }

  /**
   * Whether Elasticsearch would accept the {@code cluster.remote.*} part of the body.
   *
   * @return true when there is no problem
   */
  public boolean valid() {
    return problems.isEmpty();
  }

  /**
   * Whether the body was not JSON at all.
   *
   * @return true when a problem has code {@link ProblemCode#SYNTAX}
   */
  public boolean unreadable() {
    for (SettingsProblem p : problems) {
      if (p.code() == ProblemCode.SYNTAX) {
        return true;
      }
    }
    return false;
  }
}
