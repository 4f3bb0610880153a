package io.github.remoteclusters.core;

import java.util.List;
import java.util.Objects;

/**
 * What reading a topology file gave: the topology, or the problems that kept it from being read.
 *
 * @since 0.1.0
 */
public sealed interface TopologyReadResult
    permits TopologyReadResult.Loaded, TopologyReadResult.Failed {

  /**
   * The problems found while reading; empty when loaded.
   *
   * @return the problems, all errors
   */
  List<Problem> problems();

  /**
   * The topology, or an exception carrying the problems: for code that cannot go on without it.
   *
   * <pre>{@code
   * Topology topology = TopologyReader.read(file).orElseThrow();
   * }</pre>
   *
   * @return the topology
   * @throws InvalidTopologyException when the read failed; its {@code problems()} say why
   */
  Topology orElseThrow();

  /**
   * The file was read and every rule of the format holds.
   *
   * @param topology the topology
   * @since 0.1.0
   */
  record Loaded(Topology topology) implements TopologyReadResult {
    /** Checks that the topology is not null. */
    public Loaded {
      Objects.requireNonNull(topology, "topology");
    }

    @Override
    public List<Problem> problems() {
      return List.of();
    }

    @Override
    public Topology orElseThrow() {
      return topology;
    }
  }

  /**
   * The file could not be read, or breaks rules of the format.
   *
   * @param problems what is wrong, each with its path
   * @since 0.1.0
   */
  record Failed(List<Problem> problems) implements TopologyReadResult {
    /** Copies the problems and checks there is at least one. */
    public Failed {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a failed read needs at least one problem");
      }
    }

    @Override
    public Topology orElseThrow() {
      throw new InvalidTopologyException(problems);
    }

    /**
     * Whether the text could not be read at all (missing file, not YAML or JSON), as opposed to
     * read but invalid.
     *
     * @return true when a problem has code {@link ProblemCode#UNREADABLE} or {@link
     *     ProblemCode#SYNTAX}
     */
    public boolean unreadable() {
      for (Problem p : problems) {
        if (p.code() == ProblemCode.UNREADABLE || p.code() == ProblemCode.SYNTAX) {
          return true;
        }
      }
      return false;
    }
  }
}
