package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;

/**
 * A {@code remote_cluster} entry of a local role (8.15+): cluster privileges on remote clusters,
 * only {@code monitor_enrich} (8.15) and {@code monitor_stats} (8.17).
 *
 * @param privileges the cluster privileges
 * @param clusters remote cluster aliases or alias patterns
 * @since 0.1.0
 */
public record RemoteClusterPrivileges(List<String> privileges, List<String> clusters) {

  /** Copies the lists; content is checked by {@link LocalRole#validate}. */
  public RemoteClusterPrivileges {
    privileges = List.copyOf(Objects.requireNonNull(privileges, "privileges"));
    clusters = List.copyOf(Objects.requireNonNull(clusters, "clusters"));
  }
}
