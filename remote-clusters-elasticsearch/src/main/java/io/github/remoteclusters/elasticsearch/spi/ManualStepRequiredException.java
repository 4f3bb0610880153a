package io.github.remoteclusters.elasticsearch.spi;

import java.util.Objects;

/**
 * Thrown by a port when what it was asked to do needs a person, with the instructions.
 *
 * @since 0.1.0
 */
public final class ManualStepRequiredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The cluster the step is for. */
  private final String cluster;

  /** The alias the step is for. */
  private final String alias;

  /**
   * Creates the exception.
   *
   * @param cluster the cluster the step is for
   * @param alias the alias the step is for
   * @param instructions what a person has to do
   */
  public ManualStepRequiredException(String cluster, String alias, String instructions) {
    super("[" + cluster + "/" + alias + "] manual step required: " + instructions);
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.alias = Objects.requireNonNull(alias, "alias");
  }

  /** {@return the cluster the step is for} */
  public String cluster() {
    return cluster;
  }

  /** {@return the alias the step is for} */
  public String alias() {
    return alias;
  }
}
