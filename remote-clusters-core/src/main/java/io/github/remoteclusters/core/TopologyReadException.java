package io.github.remoteclusters.core;

import java.util.List;
import java.util.Objects;

/**
 * A topology could not be read; thrown by {@link TopologyReadResult#orElseThrow()} for callers who
 * prefer an exception to a {@link TopologyReadResult.Failed} value. The message lists every
 * problem with its path.
 *
 * @since 0.1.0
 */
public final class TopologyReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The problems; a list of records, each serializable in practice. */
  @SuppressWarnings("serial")
  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong, at least one
   */
  public TopologyReadException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    StringBuilder out = new StringBuilder("the topology could not be read:");
    for (Problem p : problems) {
      out.append("\n  ").append(p);
    }
    return out.toString();
  }

  /** {@return what is wrong, each with its path} */
  public List<Problem> problems() {
    return problems;
  }
}
