package io.github.remoteclusters.security.apikey;

import io.github.remoteclusters.security.internal.Json;
import java.util.List;
import java.util.Objects;

/**
 * The role descriptor Elasticsearch derives from a cross-cluster API key's {@code access}: what
 * the key will grant on the remote cluster.
 *
 * @param name always {@code cross_cluster}
 * @param cluster the cluster privileges
 * @param indices the index entries, search entries first
 * @since 0.1.0
 */
public record RoleDescriptorPreview(String name, List<String> cluster, List<IndicesPrivileges> indices) {

  /** Copies the lists. */
  public RoleDescriptorPreview {
    Objects.requireNonNull(name, "name");
    cluster = List.copyOf(Objects.requireNonNull(cluster, "cluster"));
    indices = List.copyOf(Objects.requireNonNull(indices, "indices"));
  }

  /**
   * The descriptor as Elasticsearch shows it in {@code GET /_security/api_key} ({@code
   * role_descriptors.cross_cluster}).
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    return Json.roleDescriptor(this);
  }
}
