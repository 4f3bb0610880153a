package io.github.remoteclusters.core;

import io.github.remoteclusters.core.internal.ModelRules;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.util.Objects;

/**
 * A remote-cluster link: the local cluster connects to the remote one under an alias.
 *
 * <p>Optional components are {@code null} when not set; the planner then chooses the default the
 * way ECK and Elasticsearch do.
 *
 * @param local the name of the local (querying) cluster
 * @param remote the name of the remote (queried) cluster
 * @param alias the remote cluster alias on the local cluster ({@code cluster.remote.<alias>})
 * @param security the security model, or null to choose API keys where both sides support them
 * @param mode the connection mode, or null for the scenario's default
 * @param skipUnavailable {@code cluster.remote.<alias>.skip_unavailable}, or null
 * @param nodeConnections {@code node_connections} (sniff mode), or null
 * @param proxySocketConnections {@code proxy_socket_connections} (proxy mode), or null
 * @param transport the {@code transport.*} options, never null
 * @param access for API keys, the {@code access} of the cross-cluster API key (an immutable value,
 *     parsed and checked by the security module), or null
 * @param state whether the link should exist
 * @since 0.1.0
 */
public record Link(
    String local,
    String remote,
    String alias,
    SecurityModel security,
    Mode mode,
    Boolean skipUnavailable,
    Integer nodeConnections,
    Integer proxySocketConnections,
    TransportOptions transport,
    CrossClusterAccess access,
    LinkState state) {

  /**
   * Checks the required components and the alias by Elasticsearch's rule (the one the topology
   * reader applies).
   *
   * @throws IllegalArgumentException when the alias is invalid, such as {@code ""}, {@code "a b"},
   *     {@code "my.alias"} or {@code "*"}
   */
  public Link {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(state, "state");
    String aliasError = ModelRules.aliasError(alias);
    if (aliasError != null) {
      throw new IllegalArgumentException(aliasError);
    }
  }

  /**
   * A present link with every option left to the defaults.
   *
   * @param local the local cluster's name
   * @param remote the remote cluster's name
   * @param alias the alias
   * @return the link
   */
  public static Link of(String local, String remote, String alias) {
    return new Link(
        local, remote, alias, null, null, null, null, null, TransportOptions.NONE, null,
        LinkState.PRESENT);
  }

  /**
   * Whether the link has an access.
   *
   * @return true when {@code access} is set
   */
  public boolean hasAccess() {
    return access != null;
  }

  /**
   * Whether the access asks for replication (a {@code replication} entry).
   *
   * @return true when the link is meant for cross-cluster replication
   */
  public boolean wantsReplication() {
    return access != null && !access.replication().isEmpty();
  }

  /**
   * Whether the access asks for search (a {@code search} entry).
   *
   * @return true when the link is meant for cross-cluster search
   */
  public boolean wantsSearch() {
    return access != null && !access.search().isEmpty();
  }

  /**
   * This link with another security model.
   *
   * @param value the model, or null for the default
   * @return the new link
   */
  public Link withSecurity(SecurityModel value) {
    return new Link(local, remote, alias, value, mode, skipUnavailable, nodeConnections,
        proxySocketConnections, transport, access, state);
  }

  /**
   * This link with another connection mode.
   *
   * @param value the mode, or null for the default
   * @return the new link
   */
  public Link withMode(Mode value) {
    return new Link(local, remote, alias, security, value, skipUnavailable, nodeConnections,
        proxySocketConnections, transport, access, state);
  }

  /**
   * This link with another access.
   *
   * @param value the access, or null
   * @return the new link
   */
  public Link withAccess(CrossClusterAccess value) {
    return new Link(local, remote, alias, security, mode, skipUnavailable, nodeConnections,
        proxySocketConnections, transport, value, state);
  }

  /**
   * This link with another state.
   *
   * @param value present or absent
   * @return the new link
   */
  public Link withState(LinkState value) {
    return new Link(local, remote, alias, security, mode, skipUnavailable, nodeConnections,
        proxySocketConnections, transport, access, value);
  }
}
