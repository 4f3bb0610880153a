package io.github.remoteclusters.elasticsearch.internal.access;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An access with the clients users handed over by cluster name: a named cluster is reached through
 * its client, any other as the underlying access says. Not API.
 *
 * @param endpoints the access for the other clusters
 * @param clients the users' clients by cluster name
 */
public record ClientsAccess(ClusterAccess endpoints, Map<String, ElasticsearchClient> clients)
    implements ClusterAccess {

  /** Copies the map. */
  public ClientsAccess {
    Objects.requireNonNull(endpoints, "endpoints");
    clients = Map.copyOf(clients);
  }

  @Override
  public ClusterEndpoint endpoint(Cluster cluster) {
    return endpoints.endpoint(cluster);
  }

  @Override
  public Optional<ElasticsearchClient> client(Cluster cluster) {
    ElasticsearchClient c = clients.get(Objects.requireNonNull(cluster, "cluster").name());
    return c != null ? Optional.of(c) : endpoints.client(cluster);
  }

  /** {@return the cluster names with a client, never the clients (they may hold credentials)} */
  @Override
  public String toString() {
    return "ClientsAccess[clients=" + new java.util.TreeSet<>(clients.keySet()) + ", endpoints="
        + endpoints + "]";
  }
}
