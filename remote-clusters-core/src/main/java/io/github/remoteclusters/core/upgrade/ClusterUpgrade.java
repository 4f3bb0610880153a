package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.EsVersion;
import java.util.Objects;

/**
 * One hop of one cluster: a rolling upgrade from one version to the next on its path. A stepping
 * stone is written as a minor line ({@code 8.19}), meaning its latest patch release.
 *
 * @param cluster the cluster's name
 * @param from the version before the hop
 * @param to the version after the hop
 * @since 0.2.0
 */
public record ClusterUpgrade(String cluster, EsVersion from, EsVersion to) {

  /** Checks the components. */
  public ClusterUpgrade {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * Whether the hop crosses a major version.
   *
   * @return true for hops such as 8.19 to 9.2
   */
  public boolean major() {
    return to.major() != from.major();
  }
}
