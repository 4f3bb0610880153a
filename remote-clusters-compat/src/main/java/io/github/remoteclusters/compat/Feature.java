package io.github.remoteclusters.compat;

import java.util.Objects;

/**
 * Remote-cluster features whose availability depends on the Elasticsearch version, with the
 * versions they were introduced, became generally available, were deprecated or removed.
 *
 * @since 0.1.0
 */
public enum Feature {
  /** Proxy connection mode ({@code mode: proxy}, {@code proxy_address}, {@code server_name}). */
  PROXY_MODE("proxy connection mode", v(7, 7), v(7, 7), null, null),
  /** The API-key security model (remote cluster server on port 9443): beta 8.10, GA 8.14. */
  API_KEY_SECURITY("API-key security model", v(8, 10), v(8, 14), null, null),
  /** The TLS certificate security model (transport port 9300): deprecated from 9.0. */
  CERTIFICATE_SECURITY("TLS certificate security model", v(6, 0), v(6, 0), v(9, 0), null),
  /** Migrating a certificate-based link to API keys in place: nodes on 8.10 or later. */
  CERTIFICATE_TO_API_KEY_MIGRATION("in-place migration to API keys", v(8, 10), v(8, 14), null, null),
  /** The {@code remote_indices} role field. */
  REMOTE_INDICES_PRIVILEGES("remote_indices role privileges", v(8, 6), v(8, 6), null, null),
  /** The {@code remote_cluster} role field with privilege {@code monitor_enrich}. */
  REMOTE_CLUSTER_PRIVILEGES("remote_cluster role privileges", v(8, 15), v(8, 15), null, null),
  /** The {@code remote_cluster} privilege {@code monitor_stats}. */
  REMOTE_CLUSTER_MONITOR_STATS("remote_cluster privilege monitor_stats", v(8, 17), v(8, 17), null, null),
  /** Cross-cluster API keys for search grant {@code monitor_enrich} (keys made earlier do not). */
  CROSS_CLUSTER_API_KEY_MONITOR_ENRICH("monitor_enrich in cross-cluster API keys", v(8, 15), v(8, 15), null, null),
  /** DLS/FLS on {@code search} together with {@code replication} in one cross-cluster API key. */
  API_KEY_SEARCH_DLS_FLS_WITH_REPLICATION(
      "DLS/FLS on search together with replication in a cross-cluster API key", v(8, 10), null, null, v(8, 14)),
  /** ES|QL cross-cluster queries: technical preview 8.13, GA 9.1. */
  ESQL_CROSS_CLUSTER("ES|QL cross-cluster queries", v(8, 13), v(9, 1), null, null),
  /** ES|QL cross-cluster queries over the API-key security model. */
  ESQL_CROSS_CLUSTER_API_KEY("ES|QL cross-cluster queries with API keys", v(8, 14), v(9, 1), null, null),
  /** ES|QL ENRICH across clusters with the API-key security model. */
  ESQL_ENRICH_API_KEY("ES|QL ENRICH across clusters with API keys", v(8, 15), v(9, 1), null, null),
  /** {@code skip_unavailable} defaults to true (false up to 8.14). */
  SKIP_UNAVAILABLE_DEFAULT_TRUE("skip_unavailable defaulting to true", v(8, 15), v(8, 15), null, null),
  /** Strong identity verification ({@code cluster.remote.signing.*}), technical preview. */
  STRONG_IDENTITY_VERIFICATION("strong identity verification", v(9, 3), null, null, null),
  /** {@code certificate_identity} on cross-cluster API keys. */
  API_KEY_CERTIFICATE_IDENTITY("certificate_identity on cross-cluster API keys", v(9, 3), null, null, null);

  private final String title;
  private final EsVersion introduced;
  private final EsVersion generallyAvailable;
  private final EsVersion deprecated;
  private final EsVersion removed;

  Feature(
      String title,
      EsVersion introduced,
      EsVersion generallyAvailable,
      EsVersion deprecated,
      EsVersion removed) {
    this.title = Objects.requireNonNull(title);
    this.introduced = Objects.requireNonNull(introduced);
    this.generallyAvailable = generallyAvailable;
    this.deprecated = deprecated;
    this.removed = removed;
  }

  private static EsVersion v(int major, int minor) {
    return EsVersion.of(major, minor);
  }

  /**
   * A human-readable name.
   *
   * @return for example {@code API-key security model}
   */
  public String title() {
    return title;
  }

  /**
   * The first minor that has the feature, in any stage.
   *
   * @return the version
   */
  public EsVersion introduced() {
    return introduced;
  }

  /**
   * The first minor where the feature is generally available, if it is.
   *
   * @return the version, or empty while it is in preview or beta
   */
  public java.util.Optional<EsVersion> generallyAvailable() {
    return java.util.Optional.ofNullable(generallyAvailable);
  }

  /**
   * The first minor where the feature is deprecated, if it is.
   *
   * @return the version, or empty
   */
  public java.util.Optional<EsVersion> deprecated() {
    return java.util.Optional.ofNullable(deprecated);
  }

  /**
   * The first minor without the feature, if it was removed.
   *
   * @return the version, or empty
   */
  public java.util.Optional<EsVersion> removed() {
    return java.util.Optional.ofNullable(removed);
  }
}
