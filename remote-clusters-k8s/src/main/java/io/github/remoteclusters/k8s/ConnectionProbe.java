package io.github.remoteclusters.k8s;

import io.github.remoteclusters.core.Cluster;
import java.util.Optional;

/**
 * Asks a local cluster whether an alias is connected, typically with {@code GET _remote/info}
 * ({@code connected: true}); supplied by the operator, which has the Elasticsearch credentials.
 *
 * <p>Experimental SPI.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConnectionProbe {

  /**
   * Whether the alias is connected.
   *
   * @param local the local cluster
   * @param alias the alias
   * @return true or false, or empty when the probe cannot tell
   */
  Optional<Boolean> connected(Cluster local, String alias);

  /** {@return a probe that never knows} */
  static ConnectionProbe unknown() {
    return (local, alias) -> Optional.empty();
  }
}
