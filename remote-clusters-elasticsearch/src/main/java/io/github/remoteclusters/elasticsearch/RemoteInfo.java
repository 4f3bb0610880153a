package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.core.Mode;
import java.util.List;
import java.util.Objects;

/**
 * What a cluster's {@code GET _remote/info} says about one alias: the fields common to both
 * connection modes, and those of its mode.
 *
 * @since 0.1.0
 */
public sealed interface RemoteInfo permits RemoteInfo.Sniff, RemoteInfo.Proxy {

  /** {@return whether at least one connection is open} */
  boolean connected();

  /** {@return the effective {@code skip_unavailable}} */
  boolean skipUnavailable();

  /** {@return the node-level {@code cluster.remote.initial_connect_timeout}, such as {@code 30s}} */
  String initialConnectTimeout();

  /**
   * Whether the alias has keystore credentials (the API-key model): {@code _remote/info} shows
   * {@code cluster_credentials} then (servers from 8.8). Null only when built without knowing.
   *
   * @return whether credentials are present, or null when unknown
   */
  Boolean credentials();

  /** {@return the connection mode} */
  Mode mode();

  /** {@return the configured addresses: the seeds, or the single proxy address} */
  List<String> addresses();

  /**
   * Sniff mode.
   *
   * @param connected whether a connection is open
   * @param seeds the configured seeds
   * @param nodesConnected {@code num_nodes_connected}
   * @param maxConnectionsPerCluster {@code max_connections_per_cluster} ({@code node_connections})
   * @param skipUnavailable the effective {@code skip_unavailable}
   * @param initialConnectTimeout the node-level initial connect timeout
   * @param credentials whether credentials are present, or null when unknown
   * @since 0.1.0
   */
  record Sniff(
      boolean connected,
      List<String> seeds,
      long nodesConnected,
      int maxConnectionsPerCluster,
      boolean skipUnavailable,
      String initialConnectTimeout,
      Boolean credentials)
      implements RemoteInfo {

    /** Copies the seeds. */
    public Sniff {
      seeds = List.copyOf(seeds);
      Objects.requireNonNull(initialConnectTimeout, "initialConnectTimeout");
    }

    @Override
    public Mode mode() {
      return Mode.SNIFF;
    }

    @Override
    public List<String> addresses() {
      return seeds;
    }
  }

  /**
   * Proxy mode.
   *
   * @param connected whether a socket is open
   * @param proxyAddress the configured {@code proxy_address}
   * @param serverName the configured {@code server_name}, empty when unset
   * @param socketsConnected {@code num_proxy_sockets_connected}
   * @param maxSocketConnections {@code max_proxy_socket_connections}
   * @param skipUnavailable the effective {@code skip_unavailable}
   * @param initialConnectTimeout the node-level initial connect timeout
   * @param credentials whether credentials are present
   * @since 0.1.0
   */
  record Proxy(
      boolean connected,
      String proxyAddress,
      String serverName,
      int socketsConnected,
      int maxSocketConnections,
      boolean skipUnavailable,
      String initialConnectTimeout,
      Boolean credentials)
      implements RemoteInfo {

    /** Checks the required components. */
    public Proxy {
      Objects.requireNonNull(proxyAddress, "proxyAddress");
      Objects.requireNonNull(serverName, "serverName");
      Objects.requireNonNull(initialConnectTimeout, "initialConnectTimeout");
    }

    @Override
    public Mode mode() {
      return Mode.PROXY;
    }

    @Override
    public List<String> addresses() {
      return proxyAddress.isEmpty() ? List.of() : List.of(proxyAddress);
    }
  }
}
