package io.github.remoteclusters.core;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.internal.ModelRules;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An Elasticsearch cluster of a topology: what it runs, how it is deployed and how to reach it.
 *
 * <p>Optional components are {@code null} when not known.
 *
 * @param name the name links use to refer to it, unique in a topology
 * @param version the Elasticsearch version it runs
 * @param deployment how it is deployed
 * @param eck where ECK manages it; non-null exactly when {@code deployment} is {@link
 *     Deployment#ECK}
 * @param url the HTTP(S) URL of its REST API, or null
 * @param transportAddress {@code host:port} where other clusters reach its transport layer (the
 *     certificate model), or null
 * @param remoteClusterAddress {@code host:port} where other clusters reach its remote cluster
 *     server (the API-key model), or null
 * @param serverName the TLS server name those addresses present, or null
 * @param remoteClusterServer whether its remote cluster server is enabled, or null when not stated
 *     (then the deployment's default applies: enabled on ECH and ECE, disabled otherwise)
 * @param license its licence level, or null when not stated
 * @param caFile a PEM file with the CA certificate(s) that sign its HTTPS endpoint ({@code url}),
 *     for clients of its REST API; null to trust the JVM's CAs. A topology file gives it relative
 *     to the file
 * @param remoteClusterCa how peers trust its remote cluster server (port 9443): a public CA or the
 *     private CA of a PEM file; null when not stated (then private, to be supplied)
 * @param transportCa how peers trust its transport layer (certificate model), like {@code
 *     remoteClusterCa}; null when not stated
 * @param remoteClusterService for ECK, how {@code <es>-es-remote-cluster} is exposed outside
 *     Kubernetes, or null when not stated
 * @param transportService for ECK, how {@code <es>-es-transport} is exposed outside Kubernetes, or
 *     null when not stated
 * @param trustRestrictions the transport trust filter this cluster installs (Elastic Cloud's
 *     {@code trust.yml}), or null
 * @param remoteClusterHost for a self-managed cluster, {@code remote_cluster.host}: the address its
 *     remote cluster server binds and publishes, or null when not stated
 * @since 0.1.0
 */
public record Cluster(
    String name,
    EsVersion version,
    Deployment deployment,
    EckRef eck,
    String url,
    String transportAddress,
    String remoteClusterAddress,
    String serverName,
    Boolean remoteClusterServer,
    License license,
    Path caFile,
    CaTrust remoteClusterCa,
    CaTrust transportCa,
    ServiceExposure remoteClusterService,
    ServiceExposure transportService,
    TrustRestrictions trustRestrictions,
    String remoteClusterHost) {

  /**
   * Checks the required components, that {@code eck} goes with an ECK deployment, and the name and
   * addresses by the rules the topology reader applies.
   *
   * @throws IllegalArgumentException naming the field, the value (never credentials) and the rule
   */
  public Cluster {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(deployment, "deployment");
    require(ModelRules.clusterNameError(name));
    if (url != null) {
      require(ModelRules.urlError(url));
    }
    if (transportAddress != null) {
      require(ModelRules.addressError("transportAddress", transportAddress));
    }
    if (remoteClusterAddress != null) {
      require(ModelRules.addressError("remoteClusterAddress", remoteClusterAddress));
    }
    if ((deployment == Deployment.ECK) != (eck != null)) {
      throw new IllegalArgumentException(
          "cluster [" + name + "]: an eck reference is required for, and only for, deployment eck");
    }
  }

  private static void require(String error) {
    if (error != null) {
      throw new IllegalArgumentException(error);
    }
  }

  /**
   * A cluster without the REST CA file and the TLS, exposure and trust-filter details (all
   * null).
   *
   * @param name the name
   * @param version the version
   * @param deployment the deployment
   * @param eck the ECK reference, for and only for ECK
   * @param url the REST API URL, or null
   * @param transportAddress the transport address, or null
   * @param remoteClusterAddress the remote cluster server address, or null
   * @param serverName the TLS server name, or null
   * @param remoteClusterServer whether the remote cluster server is enabled, or null
   * @param license the licence, or null
   */
  public Cluster(
      String name,
      EsVersion version,
      Deployment deployment,
      EckRef eck,
      String url,
      String transportAddress,
      String remoteClusterAddress,
      String serverName,
      Boolean remoteClusterServer,
      License license) {
    this(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, null, null, null, null, null, null, null);
  }

  /**
   * A cluster with a CA file for its REST API, without the TLS, exposure and trust-filter details.
   *
   * @param name the name
   * @param version the version
   * @param deployment the deployment
   * @param eck the ECK reference, for and only for ECK
   * @param url the REST API URL, or null
   * @param transportAddress the transport address, or null
   * @param remoteClusterAddress the remote cluster server address, or null
   * @param serverName the TLS server name, or null
   * @param remoteClusterServer whether the remote cluster server is enabled, or null
   * @param license the licence, or null
   * @param caFile the PEM file of the REST API's CA, or null
   */
  public Cluster(
      String name,
      EsVersion version,
      Deployment deployment,
      EckRef eck,
      String url,
      String transportAddress,
      String remoteClusterAddress,
      String serverName,
      Boolean remoteClusterServer,
      License license,
      Path caFile) {
    this(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, caFile, null, null, null, null, null, null);
  }

  /**
   * This cluster with a CA file for its HTTPS endpoint.
   *
   * @param file the PEM file, or null for the JVM's CAs
   * @return the new cluster
   */
  public Cluster withCaFile(Path file) {
    return new Cluster(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, file, remoteClusterCa, transportCa, remoteClusterService,
        transportService, trustRestrictions, remoteClusterHost);  }

  /**
   * A cluster with only the required parts; for ECK the resource is named like the cluster, in
   * namespace {@code default} and environment {@code default}.
   *
   * @param name the name
   * @param version the version
   * @param deployment the deployment
   * @return the cluster
   */
  public static Cluster of(String name, EsVersion version, Deployment deployment) {
    EckRef eck = deployment == Deployment.ECK ? new EckRef(name, "default", "default") : null;
    return new Cluster(name, version, deployment, eck, null, null, null, null, null, null);
  }

  /**
   * A builder of a cluster of a deployment other than ECK, or of an ECK cluster whose resource is
   * named like the cluster in namespace {@code default} and environment {@code default} (as {@link
   * #of} does); every other component starts null.
   *
   * @param name the name links use to refer to it
   * @param version the Elasticsearch version it runs
   * @param deployment how it is deployed
   * @return a new builder
   */
  public static Builder builder(String name, EsVersion version, Deployment deployment) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(deployment, "deployment");
    EckRef eck = deployment == Deployment.ECK ? new EckRef(name, "default", "default") : null;
    return new Builder(name, version, deployment, eck);
  }

  /**
   * A builder of an ECK cluster managed as the given resource; every other component starts null.
   * The deployment is {@link Deployment#ECK}: an ECK reference on another deployment cannot be
   * built.
   *
   * @param name the name links use to refer to it
   * @param version the Elasticsearch version it runs
   * @param eck the {@code Elasticsearch} resource and the ECK environment that manages it
   * @return a new builder
   */
  public static Builder builder(String name, EsVersion version, EckRef eck) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(eck, "eck");
    return new Builder(name, version, Deployment.ECK, eck);
  }

  /**
   * A builder holding this cluster's components.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, version, deployment, eck);
    b.url = url;
    b.transportAddress = transportAddress;
    b.remoteClusterAddress = remoteClusterAddress;
    b.serverName = serverName;
    b.remoteClusterServer = remoteClusterServer;
    b.license = license;
    b.caFile = caFile;
    b.remoteClusterCa = remoteClusterCa;
    b.transportCa = transportCa;
    b.remoteClusterService = remoteClusterService;
    b.transportService = transportService;
    b.trustRestrictions = trustRestrictions;
    b.remoteClusterHost = remoteClusterHost;
    return b;
  }

  /**
   * This cluster with another remote cluster server CA.
   *
   * @param value {@link CaTrust#PUBLIC}, a PEM file, or null
   * @return the new cluster
   */
  public Cluster withRemoteClusterCa(CaTrust value) {
    return new Cluster(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, caFile, value, transportCa, remoteClusterService, transportService,
        trustRestrictions, remoteClusterHost);
  }

  /**
   * This cluster with another transport CA.
   *
   * @param value {@link CaTrust#PUBLIC}, a PEM file, or null
   * @return the new cluster
   */
  public Cluster withTransportCa(CaTrust value) {
    return new Cluster(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, caFile, remoteClusterCa, value, remoteClusterService,
        transportService, trustRestrictions, remoteClusterHost);
  }

  /**
   * This cluster with other Service exposures.
   *
   * @param remoteCluster how {@code <es>-es-remote-cluster} is exposed, or null
   * @param transport how {@code <es>-es-transport} is exposed, or null
   * @return the new cluster
   */
  public Cluster withServices(ServiceExposure remoteCluster, ServiceExposure transport) {
    return new Cluster(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, caFile, remoteClusterCa, transportCa, remoteCluster, transport,
        trustRestrictions, remoteClusterHost);
  }

  /**
   * This cluster with another transport trust filter.
   *
   * @param value the trust restrictions, or null
   * @return the new cluster
   */
  public Cluster withTrustRestrictions(TrustRestrictions value) {
    return new Cluster(
        name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, caFile, remoteClusterCa, transportCa, remoteClusterService,
        transportService, value, remoteClusterHost);
  }

  /**
   * Whether ECK can deliver this cluster's secure settings (such as {@code
   * cluster.remote.<alias>.credentials}) without a restart: Elasticsearch 9.5 or later on an ECK
   * operator of 3.5 or later (stated as {@code eck.operatorVersion}), with ECK's annotation {@code
   * eck.k8s.elastic.co/file-based-secure-settings: "true"}, which needs every secure setting of
   * the cluster to be reloadable.
   *
   * @return true when a new or rotated API key needs no rolling restart
   */
  public boolean fileBasedSecureSettings() {
    return eck != null
        && eck.operatorVersion() != null
        && eck.operatorVersion().isAtLeast(3, 5)
        && version.isAtLeast(9, 5);
  }

  /**
   * Whether a component in front of this cluster terminates TLS for the endpoint a model uses.
   *
   * @param apiKey true for the remote cluster server (API keys), false for the transport layer
   * @return true when the exposure of that Service says so
   */
  public boolean tlsTerminatedInFront(boolean apiKey) {
    ServiceExposure e = apiKey ? remoteClusterService : transportService;
    return e != null && e.tlsTermination();
  }

  /**
   * Whether the remote cluster server is enabled, with the deployment's default when not stated.
   *
   * @return the stated value, else true on ECH and ECE and false elsewhere
   */
  public boolean remoteClusterServerEnabled() {
    return remoteClusterServer != null ? remoteClusterServer : deployment.isElasticCloud();
  }

  /**
   * Whether both clusters are managed by the same ECK operator.
   *
   * @param other the other cluster
   * @return true when both are ECK clusters of the same environment
   */
  public boolean sameEckEnvironment(Cluster other) {
    Objects.requireNonNull(other, "other");
    return eck != null && other.eck != null && eck.sameEnvironment(other.eck);
  }

  /** {@return the cluster with credentials in its URL replaced by {@code ::redacted::}} */
  @Override
  public String toString() {
    return "Cluster[name="
        + name
        + ", version="
        + version
        + ", deployment="
        + deployment.id()
        + (eck == null ? "" : ", eck=" + eck)
        + (url == null ? "" : ", url=" + Redaction.url(url))
        + (transportAddress == null ? "" : ", transportAddress=" + transportAddress)
        + (remoteClusterAddress == null ? "" : ", remoteClusterAddress=" + remoteClusterAddress)
        + (serverName == null ? "" : ", serverName=" + serverName)
        + (remoteClusterServer == null ? "" : ", remoteClusterServer=" + remoteClusterServer)
        + (license == null ? "" : ", license=" + license.id())
        + (caFile == null ? "" : ", caFile=" + caFile)
        + (remoteClusterCa == null ? "" : ", remoteClusterCa=" + remoteClusterCa)
        + (transportCa == null ? "" : ", transportCa=" + transportCa)
        + (remoteClusterService == null ? "" : ", remoteClusterService=" + remoteClusterService)
        + (transportService == null ? "" : ", transportService=" + transportService)
        + (trustRestrictions == null ? "" : ", trustRestrictions=" + trustRestrictions)
        + (remoteClusterHost == null ? "" : ", remoteClusterHost=" + remoteClusterHost)
        + "]";
  }

  /**
   * Builds a {@link Cluster}. The name, version, deployment and ECK reference are fixed by {@link
   * Cluster#builder(String, EsVersion, Deployment)} or {@link Cluster#builder(String, EsVersion,
   * EckRef)}; every other component starts null (not stated). {@link #build()} checks what only
   * some deployments allow, with the topology reader's rules and words, then the rules of the
   * {@link Cluster} constructor.
   */
  public static final class Builder {
    private final String name;
    private final EsVersion version;
    private final Deployment deployment;
    private final EckRef eck;
    private String url;
    private String transportAddress;
    private String remoteClusterAddress;
    private String serverName;
    private Boolean remoteClusterServer;
    private License license;
    private Path caFile;
    private CaTrust remoteClusterCa;
    private CaTrust transportCa;
    private ServiceExposure remoteClusterService;
    private ServiceExposure transportService;
    private TrustRestrictions trustRestrictions;
    private String remoteClusterHost;

    private Builder(String name, EsVersion version, Deployment deployment, EckRef eck) {
      this.name = name;
      this.version = version;
      this.deployment = deployment;
      this.eck = eck;
    }

    /**
     * Sets the HTTP(S) URL of its REST API.
     *
     * @param value the URL, or null
     * @return this builder
     */
    public Builder url(String value) {
      this.url = value;
      return this;
    }

    /**
     * Sets the {@code host:port} where other clusters reach its transport layer.
     *
     * @param value the address, or null
     * @return this builder
     */
    public Builder transportAddress(String value) {
      this.transportAddress = value;
      return this;
    }

    /**
     * Sets the {@code host:port} where other clusters reach its remote cluster server.
     *
     * @param value the address, or null
     * @return this builder
     */
    public Builder remoteClusterAddress(String value) {
      this.remoteClusterAddress = value;
      return this;
    }

    /**
     * Sets the TLS server name its addresses present.
     *
     * @param value the server name, or null
     * @return this builder
     */
    public Builder serverName(String value) {
      this.serverName = value;
      return this;
    }

    /**
     * Sets whether its remote cluster server is enabled.
     *
     * @param value the value, or null for the deployment's default
     * @return this builder
     */
    public Builder remoteClusterServer(Boolean value) {
      this.remoteClusterServer = value;
      return this;
    }

    /**
     * Sets its licence level.
     *
     * @param value the licence, or null when not stated
     * @return this builder
     */
    public Builder license(License value) {
      this.license = value;
      return this;
    }

    /**
     * Sets the PEM file of the CA certificate(s) that sign its HTTPS endpoint.
     *
     * @param value the file, or null for the JVM's CAs
     * @return this builder
     */
    public Builder caFile(Path value) {
      this.caFile = value;
      return this;
    }

    /**
     * Sets how peers trust its remote cluster server.
     *
     * @param value {@link CaTrust#PUBLIC}, a PEM file, or null
     * @return this builder
     */
    public Builder remoteClusterCa(CaTrust value) {
      this.remoteClusterCa = value;
      return this;
    }

    /**
     * Sets how peers trust its transport layer.
     *
     * @param value {@link CaTrust#PUBLIC}, a PEM file, or null
     * @return this builder
     */
    public Builder transportCa(CaTrust value) {
      this.transportCa = value;
      return this;
    }

    /**
     * Sets how {@code <es>-es-remote-cluster} is exposed outside Kubernetes; ECK only.
     *
     * @param value the exposure, or null
     * @return this builder
     */
    public Builder remoteClusterService(ServiceExposure value) {
      this.remoteClusterService = value;
      return this;
    }

    /**
     * Sets how {@code <es>-es-transport} is exposed outside Kubernetes; ECK only.
     *
     * @param value the exposure, or null
     * @return this builder
     */
    public Builder transportService(ServiceExposure value) {
      this.transportService = value;
      return this;
    }

    /**
     * Sets the transport trust filter this cluster installs.
     *
     * @param value the trust restrictions, or null
     * @return this builder
     */
    public Builder trustRestrictions(TrustRestrictions value) {
      this.trustRestrictions = value;
      return this;
    }

    /**
     * Sets {@code remote_cluster.host}; self-managed only.
     *
     * @param value the address its remote cluster server binds and publishes, or null
     * @return this builder
     */
    public Builder remoteClusterHost(String value) {
      this.remoteClusterHost = value;
      return this;
    }

    /**
     * Builds the cluster.
     *
     * @return the cluster
     * @throws IllegalArgumentException naming the field, the value (never credentials) and the
     *     rule: a Service exposure on a deployment other than ECK, {@code remoteClusterHost} on a
     *     deployment other than self-managed, or a rule of the {@link Cluster} constructor
     */
    public Cluster build() {
      onlyWith("remoteClusterService", remoteClusterService, Deployment.ECK);
      onlyWith("transportService", transportService, Deployment.ECK);
      onlyWith("remoteClusterHost", remoteClusterHost, Deployment.SELF_MANAGED);
      return new Cluster(
          name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
          remoteClusterServer, license, caFile, remoteClusterCa, transportCa, remoteClusterService,
          transportService, trustRestrictions, remoteClusterHost);
    }

    private void onlyWith(String field, Object value, Deployment allowed) {
      if (value != null && deployment != allowed) {
        throw new IllegalArgumentException(
            "cluster [" + name + "]: [" + field + "] is only allowed with deployment ["
                + allowed.id() + "], not [" + deployment.id() + "]");
      }
    }
  }
}
