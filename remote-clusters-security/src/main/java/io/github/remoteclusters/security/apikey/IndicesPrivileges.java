package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;

/**
 * One index entry of a role descriptor.
 *
 * @param names index names or patterns
 * @param privileges the index privileges
 * @param query the DLS query as JSON text, or {@code null}
 * @param fieldSecurity the field security, or {@code null}
 * @param allowRestrictedIndices whether restricted indices are covered
 * @since 0.1.0
 */
public record IndicesPrivileges(
    List<String> names,
    List<String> privileges,
    String query,
    FieldSecurity fieldSecurity,
    boolean allowRestrictedIndices) {

  /** Copies the lists. */
  public IndicesPrivileges {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    privileges = List.copyOf(Objects.requireNonNull(privileges, "privileges"));
  }
}
