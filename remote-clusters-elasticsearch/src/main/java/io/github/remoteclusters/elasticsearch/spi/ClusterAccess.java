package io.github.remoteclusters.elasticsearch.spi;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.elasticsearch.internal.access.PemCaFiles;
import io.github.remoteclusters.elasticsearch.internal.access.EnvironmentAccess;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
   * An elasticsearch-java client of the caller's own to reach a cluster with, instead of a
   * connection made from {@link #endpoint(Cluster)}; default none. The usual way to hand one over
   * is {@link io.github.remoteclusters.elasticsearch.ReconcilerBuilder#client(String,
   * ElasticsearchClient)}; implement this to choose clients in code.
   *
   * <p>Requests to the cluster then go through the client's transport and transport options: its
   * authentication, proxies, metrics, retries and TLS. Its transport is then responsible for
   * verifying the host name of an HTTPS server against its certificate: the reconciler cannot see
   * into it (every connection the reconciler makes itself verifies host names, always). The
   * reconciler still counts every request, bounds each by its request timeout (a request past it
   * fails naming the cluster and the request), and detects the version with {@code GET /}. It
   * never closes the client: whoever made it closes it, after the reconciler or watcher using it.
   *
   * @param cluster the cluster
   * @return the client, or empty to connect to {@link #endpoint(Cluster)}
   * @throws IllegalArgumentException when this access knows no way to reach the cluster
   */
  default Optional<ElasticsearchClient> client(Cluster cluster) {
    return Optional.empty();
  }

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
      ClusterEndpoint endpoint = ClusterEndpoint.fromUrl(cluster.url());
      return cluster.caFile() == null
          ? endpoint
          : endpoint.withSslContext(PemCaFiles.sslContext(cluster.caFile()));
    };
  }

  /**
   * Reaches every cluster at the {@code url} of its topology entry, trusting the CA of its {@code
   * caFile} for HTTPS (the JVM's CAs when none), with credentials from environment variables named
   * after the cluster, so that a topology file in git holds no secret. For a cluster named {@code
   * dc-east} ({@code NAME} is the name upper-cased, every character other than a letter or digit
   * replaced by {@code _}):
   *
   * <ul>
   *   <li>{@code ES_DC_EAST_API_KEY}: an encoded REST API key ({@code Authorization: ApiKey ...});
   *   <li>or {@code ES_DC_EAST_USER} and {@code ES_DC_EAST_PASSWORD}: HTTP basic authentication.
   * </ul>
   *
   * <p>Without either, credentials in the URL are used, else none. Both ways at once, or a user
   * without a password, is an error naming the variables (never their values).
   *
   * @param env the environment, usually {@code System.getenv()}
   * @return the access
   */
  static ClusterAccess fromEnvironment(Map<String, String> env) {
    return new EnvironmentAccess(env);
  }

  /**
   * Warnings about the dates of a cluster's {@code caFile}: one for each CA certificate that has
   * expired or is not valid yet, naming the file, the certificate's subject and the date. TLS that
   * relies on such a certificate fails as "not trusted"; this says why beforehand.
   *
   * @param cluster the cluster
   * @return the warnings; empty without a {@code caFile}, or when it cannot be read (reading it
   *     for a connection reports that)
   */
  static java.util.List<String> caFileWarnings(Cluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    if (cluster.caFile() == null) {
      return java.util.List.of();
    }
    try {
      return PemCaFiles.validityWarnings(cluster.caFile(), PemCaFiles.read(cluster.caFile()),
          java.time.Instant.now());
    } catch (IllegalArgumentException e) {
      return java.util.List.of();
    }
  }

  /**
   * The prefix of the environment variables that hold a cluster's credentials.
   *
   * @param clusterName the cluster's name
   * @return {@code ES_} and the name upper-cased, every character other than an ASCII letter or
   *     digit replaced by {@code _}: {@code ES_DC_EAST} for {@code dc-east}
   */
  static String environmentPrefix(String clusterName) {
    return EnvironmentAccess.prefix(Objects.requireNonNull(clusterName, "clusterName"));
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
