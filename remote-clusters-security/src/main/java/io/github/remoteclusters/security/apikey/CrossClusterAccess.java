package io.github.remoteclusters.security.apikey;

import io.github.remoteclusters.compat.EsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code access} of a cross-cluster API key: what a local cluster may search and replicate.
 * Build it with the constructor, or parse and validate JSON with {@link CrossClusterApiKeys}.
 *
 * @param search the search entries
 * @param replication the replication entries
 * @since 0.1.0
 */
public record CrossClusterAccess(List<SearchAccess> search, List<ReplicationAccess> replication) {

  /** Search index privileges Elasticsearch grants per search entry. */
  public static final List<String> SEARCH_INDEX_PRIVILEGES =
      List.of("read", "read_cross_cluster", "view_index_metadata");

  /** Index privileges Elasticsearch grants per replication entry. */
  public static final List<String> REPLICATION_INDEX_PRIVILEGES =
      List.of("cross_cluster_replication", "cross_cluster_replication_internal");

  /** Copies the lists. */
  public CrossClusterAccess {
    search = List.copyOf(Objects.requireNonNull(search, "search"));
    replication = List.copyOf(Objects.requireNonNull(replication, "replication"));
  }

  /**
   * The role descriptor a key with this access gets on a remote of the given version: cluster
   * privileges {@code cross_cluster_search} (plus {@code monitor_enrich} from 8.15) when there are
   * search entries and {@code cross_cluster_replication} when there are replication entries;
   * search entries with {@code read, read_cross_cluster, view_index_metadata} then replication
   * entries with {@code cross_cluster_replication, cross_cluster_replication_internal}.
   *
   * @param remoteVersion the version of the cluster that creates the key
   * @return the descriptor
   */
  public RoleDescriptorPreview roleDescriptor(EsVersion remoteVersion) {
    Objects.requireNonNull(remoteVersion, "remoteVersion");
    List<String> cluster = new ArrayList<>();
    if (!search.isEmpty()) {
      cluster.add("cross_cluster_search");
      if (remoteVersion.isAtLeast(8, 15)) {
        cluster.add("monitor_enrich");
      }
    }
    if (!replication.isEmpty()) {
      cluster.add("cross_cluster_replication");
    }
    List<IndicesPrivileges> indices = new ArrayList<>();
    for (SearchAccess entry : search) {
      indices.add(new IndicesPrivileges(entry.names(), SEARCH_INDEX_PRIVILEGES, entry.query(),
          entry.fieldSecurity(), entry.allowRestrictedIndices()));
    }
    for (ReplicationAccess entry : replication) {
      indices.add(new IndicesPrivileges(entry.names(), REPLICATION_INDEX_PRIVILEGES, null, null,
          entry.allowRestrictedIndices()));
    }
    return new RoleDescriptorPreview("cross_cluster", cluster, indices);
  }

  /**
   * The access as the JSON of the {@code access} field, as Elasticsearch takes it: {@link
   * CrossClusterApiKeys#parseAccess(String, EsVersion)} of it gives an equal value (a query parsed
   * from an object is written as that object).
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    return io.github.remoteclusters.security.internal.Json.access(this);
  }
}
