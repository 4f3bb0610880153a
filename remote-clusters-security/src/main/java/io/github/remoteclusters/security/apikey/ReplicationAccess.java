package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;

/**
 * One {@code access.replication} entry of a cross-cluster API key.
 *
 * @param names leader index names or patterns, not empty
 * @param allowRestrictedIndices whether patterns also cover restricted (system) indices
 * @since 0.1.0
 */
public record ReplicationAccess(List<String> names, boolean allowRestrictedIndices) {

  /** Checks the components and copies the names. */
  public ReplicationAccess {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names is invalid: must not be empty");
    }
  }

  /**
   * An entry for these names without restricted indices.
   *
   * @param names index names or patterns
   * @return the entry
   */
  public static ReplicationAccess of(String... names) {
    return new ReplicationAccess(List.of(names), false);
  }
}
