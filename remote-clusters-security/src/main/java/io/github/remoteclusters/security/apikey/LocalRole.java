package io.github.remoteclusters.security.apikey;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.internal.FieldPatterns;
import io.github.remoteclusters.security.internal.RoleJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A role on the local (querying) cluster that grants remote access under the API key model; the
 * effective access is the intersection of this role and the key's {@code access}.
 *
 * <pre>{@code
 * LocalRole role = LocalRole.builder("remote-search")
 *     .remoteIndices(RemoteIndicesPrivileges.of(List.of("my-remote"), List.of("logs-*"),
 *         LocalRole.SEARCH_PRIVILEGES))
 *     .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of("my-remote")))
 *     .build();
 * List<ApiKeyProblem> problems = role.validate(EsVersion.of(8, 15));
 * }</pre>
 *
 * @param name the role name
 * @param cluster local cluster privileges
 * @param remoteIndices the {@code remote_indices} entries
 * @param remoteCluster the {@code remote_cluster} entries
 * @since 0.1.0
 */
public record LocalRole(
    String name,
    List<String> cluster,
    List<RemoteIndicesPrivileges> remoteIndices,
    List<RemoteClusterPrivileges> remoteCluster) {

  /** Index privileges for cross-cluster search (and ES|QL, which needs {@code read_cross_cluster}). */
  public static final List<String> SEARCH_PRIVILEGES = List.of("read", "read_cross_cluster", "view_index_metadata");

  /** Remote index privilege for cross-cluster replication. */
  public static final List<String> REPLICATION_PRIVILEGES = List.of("cross_cluster_replication");

  /** Copies the lists. */
  public LocalRole {
    Objects.requireNonNull(name, "name");
    cluster = List.copyOf(Objects.requireNonNull(cluster, "cluster"));
    remoteIndices = List.copyOf(Objects.requireNonNull(remoteIndices, "remoteIndices"));
    remoteCluster = List.copyOf(Objects.requireNonNull(remoteCluster, "remoteCluster"));
  }

  /**
   * Starts a role.
   *
   * @param name the role name
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A role for cross-cluster search of the given indices on the given remotes.
   *
   * @param name the role name
   * @param aliases remote aliases or patterns
   * @param indices index names or patterns
   * @return the role
   */
  public static LocalRole forCrossClusterSearch(String name, List<String> aliases, List<String> indices) {
    return builder(name).remoteIndices(RemoteIndicesPrivileges.of(aliases, indices, SEARCH_PRIVILEGES)).build();
  }

  /**
   * A role for cross-cluster replication of the given leader indices: local {@code manage_ccr}
   * and remote {@code cross_cluster_replication}.
   *
   * @param name the role name
   * @param aliases remote aliases or patterns
   * @param leaderIndices leader index names or patterns
   * @return the role
   */
  public static LocalRole forCrossClusterReplication(String name, List<String> aliases, List<String> leaderIndices) {
    return builder(name).cluster("manage_ccr")
        .remoteIndices(RemoteIndicesPrivileges.of(aliases, leaderIndices, REPLICATION_PRIVILEGES)).build();
  }

  /**
   * Validates the role as a local cluster of the given version would, with its messages.
   *
   * @param localVersion the local cluster's version
   * @return the problems, empty when valid
   */
  public List<ApiKeyProblem> validate(EsVersion localVersion) {
    Objects.requireNonNull(localVersion, "localVersion");
    List<ApiKeyProblem> problems = new ArrayList<>();
    if (!remoteIndices.isEmpty() && !localVersion.isAtLeast(8, 6)) {
      problems.add(unsupported("remote_indices", "8.6", localVersion));
    }
    for (int i = 0; i < remoteIndices.size(); i++) {
      validateIndices(remoteIndices.get(i), "remote_indices[" + i + "]", problems);
    }
    if (!remoteCluster.isEmpty() && !localVersion.isAtLeast(8, 15)) {
      problems.add(unsupported("remote_cluster", "8.15", localVersion));
      return problems;
    }
    List<String> allowed = localVersion.isAtLeast(8, 17)
        ? List.of("monitor_enrich", "monitor_stats") : List.of("monitor_enrich");
    for (int i = 0; i < remoteCluster.size(); i++) {
      validateCluster(remoteCluster.get(i), "remote_cluster[" + i + "]", allowed, problems);
    }
    return problems;
  }

  /**
   * The body of {@code PUT /_security/role/<name>}.
   *
   * @return pretty-printed JSON
   */
  public String toJson() {
    return RoleJson.role(this);
  }

  private ApiKeyProblem unsupported(String field, String since, EsVersion version) {
    return ApiKeyProblem.error(ApiKeyProblemCode.UNSUPPORTED_VERSION, field, "failed to parse role [" + name
        + "]. unexpected field [" + field + "] (" + field + " needs " + since + " or later; local cluster is "
        + version + ")");
  }

  private void validateIndices(RemoteIndicesPrivileges entry, String path, List<ApiKeyProblem> problems) {
    // RoleDescriptor parses a remote_indices entry with the indices parser, so its messages say
    // "indices privileges"; only the missing [clusters] message says "remote indices privileges"
    String prefix = "failed to parse indices privileges for role [" + name + "]. ";
    if (entry.clusters().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".clusters",
          "the [remote_indices] sub-field [clusters] must refer to at least one cluster alias or cluster alias pattern"));
    } else if (entry.clusters().contains("")) {
      // RoleDescriptorRequestValidator: only the empty string; "* " is a valid pattern
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".clusters",
          "remote index cluster alias cannot be an empty string"));
    }
    if (entry.names().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".names",
          prefix + "[names] cannot be an empty array"));
    }
    if (entry.privileges().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".privileges",
          prefix + "missing required [privileges] field"));
    }
    if (entry.fieldSecurity() != null && entry.fieldSecurity().grant().isEmpty()
        && !entry.fieldSecurity().except().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".field_security",
          prefix + "field_security requires grant if except is given"));
    } else if (entry.fieldSecurity() != null) {
      String notSubset = FieldPatterns.exceptNotSubsetOfGrant(entry.fieldSecurity().grant(), entry.fieldSecurity().except());
      if (notSubset != null) {
        problems.add(ApiKeyProblem.error(ApiKeyProblemCode.EXCEPT_NOT_SUBSET_OF_GRANT, path + ".field_security",
            "failed to parse indices privileges for role [" + name + "] - " + notSubset));
      }
    }
  }

  private void validateCluster(RemoteClusterPrivileges entry, String path, List<String> allowed, List<ApiKeyProblem> problems) {
    String prefix = "failed to parse remote_cluster for role [" + name + "]. ";
    // Elasticsearch checks the privilege names as it reads them: lower-cased and trimmed, and the
    // message lists every given privilege after "Found"
    boolean unsupported = entry.privileges().stream()
        .anyMatch(p -> !allowed.contains(p.toLowerCase(Locale.ROOT).trim()));
    if (unsupported) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".privileges", prefix
          + "[" + String.join(", ", allowed) + "] are the only values allowed for [privileges] within"
          + " [remote_cluster]. Found [" + String.join(", ", entry.privileges()) + "]"));
      return;
    }
    if (entry.privileges().isEmpty() && entry.clusters().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path, "remote cluster groups must not be null or empty"));
      return;
    }
    if (entry.clusters().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".clusters",
          prefix + "[clusters] must be defined when [privileges] are defined"));
    }
    if (entry.privileges().isEmpty()) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".privileges",
          prefix + "[privileges] must be defined when [clusters] are defined"));
    }
    if (entry.clusters().stream().anyMatch(String::isBlank)) {
      problems.add(ApiKeyProblem.error(ApiKeyProblemCode.INVALID_ROLE, path + ".clusters",
          "remote_cluster clusters aliases must contain valid non-empty, non-null values"));
    }
  }

  /**
   * Builds a {@link LocalRole}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String name;
    private final List<String> cluster = new ArrayList<>();
    private final List<RemoteIndicesPrivileges> remoteIndices = new ArrayList<>();
    private final List<RemoteClusterPrivileges> remoteCluster = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds local cluster privileges.
     *
     * @param privileges for example {@code manage_ccr}
     * @return this builder
     */
    public Builder cluster(String... privileges) {
      cluster.addAll(List.of(privileges));
      return this;
    }

    /**
     * Adds {@code remote_indices} entries.
     *
     * @param entries the entries
     * @return this builder
     */
    public Builder remoteIndices(RemoteIndicesPrivileges... entries) {
      remoteIndices.addAll(List.of(entries));
      return this;
    }

    /**
     * Adds {@code remote_cluster} entries.
     *
     * @param entries the entries
     * @return this builder
     */
    public Builder remoteCluster(RemoteClusterPrivileges... entries) {
      remoteCluster.addAll(List.of(entries));
      return this;
    }

    /**
     * Builds the role; call {@link LocalRole#validate(EsVersion)} to check it.
     *
     * @return the role
     */
    public LocalRole build() {
      return new LocalRole(name, cluster, remoteIndices, remoteCluster);
    }
  }
}
