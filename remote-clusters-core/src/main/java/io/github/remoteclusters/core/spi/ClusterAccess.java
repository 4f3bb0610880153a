package io.github.remoteclusters.core.spi;

import io.github.remoteclusters.core.Cluster;
import java.util.Map;
import java.util.Objects;

/**
 * How the applier reaches a cluster's REST API: the URL, credentials and TLS context for each
 * cluster of a topology.
 *
 * <p>Credentials never belong in a topology file; an implementation looks them up elsewhere (the
 * environment, a vault, a Kubernetes Secret).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ClusterAccess {

  /**
   * The endpoint of a cluster.
   *
   * @param cluster the cluster
   * @return its endpoint
   * @throws IllegalArgumentException when this access knows no way to reach the cluster
   */
  ClusterEndpoint endpoint(Cluster cluster);

  /**
   * Reaches every cluster at the {@code url} of its topology entry; user and password in the URL
   * ({@code https://user:password@host:9200}) become HTTP basic authentication, otherwise there is
   * none (development clusters with security disabled).
   *
   * @return the access
   */
  static ClusterAccess fromTopology() {
    return cluster -> {
      Objects.requireNonNull(cluster, "cluster");
      if (cluster.url() == null) {
        throw new IllegalArgumentException(
            "cluster [" + cluster.name() + "] has no url: the applier cannot reach it");
      }
      return ClusterEndpoint.fromUrl(cluster.url());
    };
  }

  /**
   * Reaches the clusters named in a map, and no other.
   *
   * @param endpoints endpoint by cluster name
   * @return the access
   */
  static ClusterAccess of(Map<String, ClusterEndpoint> endpoints) {
    Map<String, ClusterEndpoint> copy = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
    return cluster -> {
      ClusterEndpoint e = copy.get(Objects.requireNonNull(cluster, "cluster").name());
      if (e == null) {
        throw new IllegalArgumentException(
            "no endpoint for cluster [" + cluster.name() + "]: known are " + copy.keySet());
      }
      return e;
    };
  }
}
