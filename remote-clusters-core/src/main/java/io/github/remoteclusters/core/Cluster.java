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
    Path caFile) {

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
   * A cluster whose REST API is trusted through the JVM's CAs (no {@code caFile}).
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
    this(name, version, deployment, eck, url, transportAddress, remoteClusterAddress, serverName,
        remoteClusterServer, license, null);
  }

  /**
   * This cluster with a CA file for its HTTPS endpoint.
   *
   * @param file the PEM file, or null for the JVM's CAs
   * @return the new cluster
   */
  public Cluster withCaFile(Path file) {
    return new Cluster(name, version, deployment, eck, url, transportAddress, remoteClusterAddress,
        serverName, remoteClusterServer, license, file);
  }

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
        + "]";
  }
}
