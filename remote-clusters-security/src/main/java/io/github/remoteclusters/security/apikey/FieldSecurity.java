package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;

/**
 * Field level security of an index entry: the fields granted and the fields excepted.
 *
 * @param grant the granted field patterns
 * @param except the excepted field patterns, empty when none
 * @since 0.1.0
 */
public record FieldSecurity(List<String> grant, List<String> except) {

  /** Copies the lists. */
  public FieldSecurity {
    grant = List.copyOf(Objects.requireNonNull(grant, "grant"));
    except = List.copyOf(Objects.requireNonNull(except, "except"));
  }

  /**
   * Whether this restricts fields; Elasticsearch treats a lone {@code grant: ["*"]} without
   * {@code except} as no field level security.
   *
   * @return {@code false} only for {@code grant: ["*"]} with no exceptions
   */
  public boolean restrictsFields() {
    return !(grant.equals(List.of("*")) && except.isEmpty());
  }
}
