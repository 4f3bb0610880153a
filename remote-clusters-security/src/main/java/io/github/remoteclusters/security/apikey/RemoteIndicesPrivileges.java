package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;

/**
 * A {@code remote_indices} entry of a local role (8.6+): index privileges on remote clusters.
 *
 * @param clusters remote cluster aliases or alias patterns
 * @param names index names or patterns
 * @param privileges index privileges
 * @param query a DLS query as JSON text, or {@code null}
 * @param fieldSecurity field security, or {@code null}
 * @param allowRestrictedIndices whether restricted indices are covered
 * @since 0.1.0
 */
public record RemoteIndicesPrivileges(
    List<String> clusters,
    List<String> names,
    List<String> privileges,
    String query,
    FieldSecurity fieldSecurity,
    boolean allowRestrictedIndices) {

  /** Copies the lists; emptiness is reported by {@link LocalRole#validate}. */
  public RemoteIndicesPrivileges {
    clusters = List.copyOf(Objects.requireNonNull(clusters, "clusters"));
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    privileges = List.copyOf(Objects.requireNonNull(privileges, "privileges"));
  }

  /**
   * An entry without DLS, FLS or restricted indices.
   *
   * @param clusters remote aliases or patterns
   * @param names index names or patterns
   * @param privileges index privileges
   * @return the entry
   */
  public static RemoteIndicesPrivileges of(List<String> clusters, List<String> names, List<String> privileges) {
    return new RemoteIndicesPrivileges(clusters, names, privileges, null, null, false);
  }
}
