package io.github.remoteclusters.core;

import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.internal.ModelRules;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import java.util.Objects;
import java.util.Set;

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
 * @param uses what the link is for ({@code search}, {@code replication}), or null for the default:
 *     what the access implies for API keys, {@code [search]} for certificates; checks apply per use
 * @param expiration the expiration of the cross-cluster API key, an Elasticsearch time value such
 *     as {@code 30d}, or null for a key that never expires
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
    LinkState state,
    Set<Use> uses,
    String expiration) {

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
    uses = uses == null ? null : Set.copyOf(uses);
  }

  /**
   * A link with every component before {@code uses}; {@code uses} and {@code expiration} are left
   * to the defaults.
   *
   * @param local the local cluster's name
   * @param remote the remote cluster's name
   * @param alias the alias
   * @param security the security model, or null
   * @param mode the mode, or null
   * @param skipUnavailable skip_unavailable, or null
   * @param nodeConnections node_connections, or null
   * @param proxySocketConnections proxy_socket_connections, or null
   * @param transport the transport options
   * @param access the access, or null
   * @param state the state
   */
  public Link(
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
    this(local, remote, alias, security, mode, skipUnavailable, nodeConnections,
        proxySocketConnections, transport, access, state, null, null);
  }

  /**
   * A builder of a present link with every option left to the defaults.
   *
   * @param local the local cluster's name
   * @param remote the remote cluster's name
   * @param alias the alias
   * @return a new builder
   */
  public static Builder builder(String local, String remote, String alias) {
    return new Builder(local, remote, alias);
  }

  /**
   * A builder holding this link's components.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(local, remote, alias);
    b.security = security;
    b.mode = mode;
    b.skipUnavailable = skipUnavailable;
    b.nodeConnections = nodeConnections;
    b.proxySocketConnections = proxySocketConnections;
    b.transport = transport;
    b.access = access;
    b.state = state;
    b.uses = uses;
    b.expiration = expiration;
    return b;
  }

  /**
   * The uses the link serves: {@link #uses()} when stated, else what the access implies (search
   * and/or replication), else {@code [search]}.
   *
   * @return the effective uses, never empty
   */
  public Set<Use> effectiveUses() {
    if (uses != null && !uses.isEmpty()) {
      return uses;
    }
    if (access != null) {
      boolean search = !access.search().isEmpty();
      boolean replication = !access.replication().isEmpty();
      if (search && replication) {
        return SEARCH_AND_REPLICATION;
      }
      if (replication) {
        return REPLICATION_ONLY;
      }
    }
    return SEARCH_ONLY;
  }

  // Shared immutable answers of effectiveUses(): it runs several times per link while planning.
  private static final Set<Use> SEARCH_ONLY = Set.of(Use.SEARCH);
  private static final Set<Use> REPLICATION_ONLY = Set.of(Use.REPLICATION);
  private static final Set<Use> SEARCH_AND_REPLICATION = Set.of(Use.SEARCH, Use.REPLICATION);

  /**
   * A present link with every option left to the defaults.
   *
   * @param local the local cluster's name
   * @param remote the remote cluster's name
   * @param alias the alias
   * @return the link
   */
  public static Link of(String local, String remote, String alias) {
    return builder(local, remote, alias).build();
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
    return toBuilder().security(value).build();
  }

  /**
   * This link with another connection mode.
   *
   * @param value the mode, or null for the default
   * @return the new link
   */
  public Link withMode(Mode value) {
    return toBuilder().mode(value).build();
  }

  /**
   * This link with another access.
   *
   * @param value the access, or null
   * @return the new link
   */
  public Link withAccess(CrossClusterAccess value) {
    return toBuilder().access(value).build();
  }

  /**
   * This link with another state.
   *
   * @param value present or absent
   * @return the new link
   */
  public Link withState(LinkState value) {
    return toBuilder().state(value).build();
  }

  /**
   * This link with other uses.
   *
   * @param value the uses, or null for the default
   * @return the new link
   */
  public Link withUses(Set<Use> value) {
    return toBuilder().uses(value).build();
  }

  /**
   * This link with another key expiration.
   *
   * @param value an Elasticsearch time value such as {@code 30d}, or null for none
   * @return the new link
   */
  public Link withExpiration(String value) {
    return toBuilder().expiration(value).build();
  }

  /**
   * Builds a {@link Link}; every option starts at its default (null, {@link TransportOptions#NONE},
   * {@link LinkState#PRESENT}).
   */
  public static final class Builder {
    private final String local;
    private final String remote;
    private final String alias;
    private SecurityModel security;
    private Mode mode;
    private Boolean skipUnavailable;
    private Integer nodeConnections;
    private Integer proxySocketConnections;
    private TransportOptions transport = TransportOptions.NONE;
    private CrossClusterAccess access;
    private LinkState state = LinkState.PRESENT;
    private Set<Use> uses;
    private String expiration;

    private Builder(String local, String remote, String alias) {
      this.local = local;
      this.remote = remote;
      this.alias = alias;
    }

    /**
     * Sets the security model.
     *
     * @param value the model, or null for the default
     * @return this builder
     */
    public Builder security(SecurityModel value) {
      this.security = value;
      return this;
    }

    /**
     * Sets the connection mode.
     *
     * @param value the mode, or null for the default
     * @return this builder
     */
    public Builder mode(Mode value) {
      this.mode = value;
      return this;
    }

    /**
     * Sets {@code skip_unavailable}.
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder skipUnavailable(Boolean value) {
      this.skipUnavailable = value;
      return this;
    }

    /**
     * Sets {@code node_connections} (sniff mode).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder nodeConnections(Integer value) {
      this.nodeConnections = value;
      return this;
    }

    /**
     * Sets {@code proxy_socket_connections} (proxy mode).
     *
     * @param value the value, or null
     * @return this builder
     */
    public Builder proxySocketConnections(Integer value) {
      this.proxySocketConnections = value;
      return this;
    }

    /**
     * Sets the {@code transport.*} options.
     *
     * @param value the options, not null
     * @return this builder
     */
    public Builder transport(TransportOptions value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /**
     * Sets the access of the cross-cluster API key.
     *
     * @param value the access, or null
     * @return this builder
     */
    public Builder access(CrossClusterAccess value) {
      this.access = value;
      return this;
    }

    /**
     * Sets the state.
     *
     * @param value present or absent, not null
     * @return this builder
     */
    public Builder state(LinkState value) {
      this.state = Objects.requireNonNull(value, "state");
      return this;
    }

    /**
     * Sets the uses.
     *
     * @param value the uses, or null for the default
     * @return this builder
     */
    public Builder uses(Set<Use> value) {
      this.uses = value;
      return this;
    }

    /**
     * Sets the key expiration.
     *
     * @param value an Elasticsearch time value such as {@code 30d}, or null for none
     * @return this builder
     */
    public Builder expiration(String value) {
      this.expiration = value;
      return this;
    }

    /**
     * Builds the link.
     *
     * @return the link
     * @throws IllegalArgumentException when the alias is invalid
     */
    public Link build() {
      return new Link(local, remote, alias, security, mode, skipUnavailable, nodeConnections,
          proxySocketConnections, transport, access, state, uses, expiration);
    }
  }
}
