package io.github.remoteclusters.security.apikey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code access.search} entry of a cross-cluster API key.
 *
 * @param names index names or patterns, not empty
 * @param query the document level security query as JSON text, or {@code null}
 * @param fieldSecurity the field level security, or {@code null}
 * @param allowRestrictedIndices whether patterns also cover restricted (system) indices
 * @since 0.1.0
 */
public record SearchAccess(
    List<String> names, String query, FieldSecurity fieldSecurity, boolean allowRestrictedIndices) {

  /** Checks the components and copies the names. */
  public SearchAccess {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("names is invalid: must not be empty");
    }
  }

  /**
   * An entry for these names without DLS, FLS or restricted indices.
   *
   * @param names index names or patterns
   * @return the entry
   */
  public static SearchAccess of(String... names) {
    return new SearchAccess(List.of(names), null, null, false);
  }

  /**
   * The DLS query, if any.
   *
   * @return the query JSON
   */
  public Optional<String> queryJson() {
    return Optional.ofNullable(query);
  }

  /**
   * Whether this entry uses document or field level security as Elasticsearch counts it.
   *
   * @return {@code true} with a query or with field security other than a lone {@code grant: ["*"]}
   */
  public boolean usesDocumentOrFieldLevelSecurity() {
    return query != null || (fieldSecurity != null && fieldSecurity.restrictsFields());
  }
}
