package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Validates a topology file completely: the format (reader) and, when it reads, every check the
 * planner makes.
 *
 * @since 0.1.0
 */
public final class TopologyValidator {

  private TopologyValidator() {}

  /**
   * The outcome of a validation.
   *
   * @param problems errors and warnings, in order
   * @param unreadable whether the file cannot be used as a topology: unreadable, not YAML or JSON,
   *     wrong types, unknown keys or invalid values (the CLI's exit 2); false when a well-formed
   *     topology fails a check
   * @since 0.1.0
   */
  public record Report(List<Problem> problems, boolean unreadable) {
    /** Copies the list. */
    public Report {
      problems = List.copyOf(problems);
    }

    /**
     * Whether the topology has no error (warnings do not count).
     *
     * @return true when valid
     */
    public boolean valid() {
      return problems.stream().noneMatch(Problem::isError);
    }
  }

  /**
   * Reads and checks a topology file.
   *
   * @param file the file
   * @param planner the planner whose checks to run
   * @return the report
   */
  public static Report validate(Path file, RemoteClusterPlanner planner) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(planner, "planner");
    return validate(TopologyReader.read(file), planner);
  }

  /**
   * Checks what a reader gave.
   *
   * @param read the read result
   * @param planner the planner whose checks to run
   * @return the report
   */
  public static Report validate(TopologyReadResult read, RemoteClusterPlanner planner) {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(planner, "planner");
    if (read instanceof TopologyReadResult.Failed) {
      TopologyReadResult.Failed failed = (TopologyReadResult.Failed) read;
      return new Report(failed.problems(), true);
    }
    if (read instanceof TopologyReadResult.Loaded) {
      return new Report(planner.check(read.orElseThrow()), false);
    }
    throw new IllegalStateException("unknown read result " + read.getClass());
  }
}
