package io.github.remoteclusters.core.settings;

/**
 * The two scopes of {@code PUT _cluster/settings}; Elasticsearch validates each on its own.
 *
 * @since 0.1.0
 */
public enum SettingsScope {
  /** Settings that survive a full cluster restart. */
  PERSISTENT,
  /** Settings that do not (deprecated by Elasticsearch, still accepted). */
  TRANSIENT;

  /**
   * The body field name.
   *
   * @return {@code persistent} or {@code transient}
   */
  public String id() {
    return this == PERSISTENT ? "persistent" : "transient";
  }
}
