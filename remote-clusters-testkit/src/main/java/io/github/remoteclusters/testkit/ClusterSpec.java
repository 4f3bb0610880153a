package io.github.remoteclusters.testkit;

import io.github.remoteclusters.security.certs.CertificateAuthority;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to start: a single-node Elasticsearch cluster of a given name and version, with extra node
 * settings and a level of security.
 *
 * <p>The kit always binds the node to {@code 127.0.0.1} on ephemeral HTTP and transport ports and
 * runs it as a single-node cluster named {@link #name()}; {@link #settings()} are added to (and may
 * override) that, and to the security settings the kit derives from {@link #security()}.
 *
 * @param name the cluster name, also the node's directory name: lower-case letters, digits, {@code
 *     _} and {@code -}, starting with a letter or digit
 * @param version the Elasticsearch version, one of {@link TestClusters#supportedVersions()}
 * @param settings extra node settings such as {@code cluster.remote.connect=true}; copied
 * @param security how the cluster is secured
 * @param remoteClusterServer whether the node runs a remote cluster server (the API-key model's
 *     endpoint, on an ephemeral port with TLS of its own); needs {@link Security#TLS}
 * @param ca the CA that signs the node certificate, or null for the kit's {@link
 *     TestClusters#defaultCa()}; only with {@link Security#TLS}
 * @param trustedCas further CAs the node trusts for transport and as a remote cluster client;
 *     only with {@link Security#TLS}
 * @since 0.1.0
 */
public record ClusterSpec(
    String name,
    String version,
    Map<String, String> settings,
    Security security,
    boolean remoteClusterServer,
    CertificateAuthority ca,
    List<X509Certificate> trustedCas) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /**
   * Checks the parts and copies the settings.
   *
   * @since 0.1.0
   */
  public ClusterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(trustedCas, "trustedCas");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "cluster name ["
              + name
              + "] is invalid: use 1 to 64 lower-case letters, digits, '_' and '-',"
              + " starting with a letter or digit");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("version of cluster [" + name + "] is blank");
    }
    settings.forEach(
        (k, v) -> {
          Objects.requireNonNull(v, () -> "value of setting [" + k + "]");
          if (k.isBlank() || k.contains("=")) {
            throw new IllegalArgumentException("setting name [" + k + "] is invalid");
          }
        });
    if (security != Security.TLS && (remoteClusterServer || ca != null || !trustedCas.isEmpty())) {
      throw new IllegalArgumentException(
          "cluster ["
              + name
              + "] has security "
              + security
              + ": a remote cluster server, a CA and trusted CAs need security TLS");
    }
    settings = Map.copyOf(settings);
    trustedCas = List.copyOf(trustedCas);
  }

  /**
   * A cluster without security, of a version, with extra settings.
   *
   * @param name the cluster name
   * @param version the Elasticsearch version
   * @param settings extra node settings
   * @since 0.1.0
   */
  public ClusterSpec(String name, String version, Map<String, String> settings) {
    this(name, version, settings, Security.NONE, false, null, List.of());
  }

  /**
   * A cluster with no extra settings and no security.
   *
   * @param name the cluster name
   * @param version the Elasticsearch version, such as {@code 9.5.3}
   * @return the spec
   * @since 0.1.0
   */
  public static ClusterSpec of(String name, String version) {
    return new ClusterSpec(name, version, Map.of());
  }

  /**
   * This spec with one more node setting (or a new value for it).
   *
   * @param key the setting name, such as {@code node.attr.zone}
   * @param value its value
   * @return a new spec
   * @since 0.1.0
   */
  public ClusterSpec withSetting(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new ClusterSpec(name, version, copy, security, remoteClusterServer, ca, trustedCas);
  }

  /**
   * This spec with another level of security.
   *
   * @param level the level
   * @return a new spec
   * @since 0.1.0
   */
  public ClusterSpec withSecurity(Security level) {
    return new ClusterSpec(name, version, settings, level, remoteClusterServer, ca, trustedCas);
  }

  /**
   * This spec with {@link Security#TLS} and a remote cluster server.
   *
   * @return a new spec
   * @since 0.1.0
   */
  public ClusterSpec withRemoteClusterServer() {
    return new ClusterSpec(name, version, settings, Security.TLS, true, ca, trustedCas);
  }

  /**
   * This spec with {@link Security#TLS} and a node certificate signed by another CA than the kit's
   * default one.
   *
   * @param signingCa the CA
   * @return a new spec
   * @since 0.1.0
   */
  public ClusterSpec withCa(CertificateAuthority signingCa) {
    return new ClusterSpec(
        name,
        version,
        settings,
        Security.TLS,
        remoteClusterServer,
        Objects.requireNonNull(signingCa, "signingCa"),
        trustedCas);
  }

  /**
   * This spec with {@link Security#TLS}, trusting one more CA for transport and as a remote
   * cluster client.
   *
   * @param trustedCa the CA certificate
   * @return a new spec
   * @since 0.1.0
   */
  public ClusterSpec withTrustedCa(X509Certificate trustedCa) {
    List<X509Certificate> more = new ArrayList<>(trustedCas);
    more.add(Objects.requireNonNull(trustedCa, "trustedCa"));
    return new ClusterSpec(name, version, settings, Security.TLS, remoteClusterServer, ca, more);
  }
}
