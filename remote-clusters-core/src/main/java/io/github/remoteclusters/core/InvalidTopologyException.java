package io.github.remoteclusters.core;

import java.util.List;

/**
 * A topology that cannot be used, from {@link TopologyReadResult#orElseThrow()}: it carries every
 * problem the reader found.
 *
 * @since 0.1.0
 */
public final class InvalidTopologyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The problems (a list of records: serializable). */
  @SuppressWarnings("serial")
  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the problems, at least one
   */
  public InvalidTopologyException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "the topology is invalid";
    }
    return "the topology is invalid: " + problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
  }

  /**
   * {@return every problem, in order, each with its path}
   */
  public List<Problem> problems() {
    return problems;
  }
}
