package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Mode;
import java.util.List;
import java.util.Objects;

/**
 * How the local cluster connects to the remote one, as the planner chose it.
 *
 * @since 0.1.0
 */
public sealed interface Connection permits Connection.Sniff, Connection.Proxy {

  /**
   * The connection mode.
   *
   * @return sniff or proxy
   */
  Mode mode();

  /**
   * Sniff mode: seed nodes, then gateway nodes discovered from the remote cluster state.
   *
   * @param seeds the seed addresses
   * @param nodeConnections {@code node_connections}, or null for the default (3)
   * @since 0.1.0
   */
  record Sniff(List<String> seeds, Integer nodeConnections) implements Connection {
    /** Copies the seeds. */
    public Sniff {
      seeds = List.copyOf(seeds);
    }

    @Override
    public Mode mode() {
      return Mode.SNIFF;
    }
  }

  /**
   * Proxy mode: sockets to one address.
   *
   * @param address {@code proxy_address}
   * @param serverName {@code server_name} (TLS SNI), or null
   * @param socketConnections {@code proxy_socket_connections}, or null for the default (18)
   * @since 0.1.0
   */
  record Proxy(String address, String serverName, Integer socketConnections)
      implements Connection {
    /** Checks the address. */
    public Proxy {
      Objects.requireNonNull(address, "address");
    }

    @Override
    public Mode mode() {
      return Mode.PROXY;
    }
  }
}
