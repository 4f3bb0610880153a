package io.github.remoteclusters.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The transport trust filter of a cluster ({@code xpack.security.transport.ssl.trust_restrictions.path}):
 * the subject name patterns of the node certificates it accepts. Elastic Cloud's console offers
 * it as {@code trust.yml}; the docs for Cloud to ECK with certificates install it on the ECK
 * cluster, with the ECK line changed to {@code *.node.<cluster-name>.<namespace>.es.local}.
 *
 * @param subjectNames the {@code trust.subject_name} patterns, at least one
 * @param source the {@code trust.yml} file they were read from, or null when given inline
 * @since 0.1.0
 */
public record TrustRestrictions(List<String> subjectNames, Path source) {

  /** Checks and copies the list. */
  public TrustRestrictions {
    subjectNames = List.copyOf(subjectNames);
    if (subjectNames.isEmpty()) {
      throw new IllegalArgumentException("trust restrictions need at least one subject name");
    }
    subjectNames.forEach(s -> Objects.requireNonNull(s, "subject name"));
  }

  /** {@return the content of a {@code trust.yml} file holding these patterns} */
  public String trustYml() {
    StringBuilder out = new StringBuilder("trust.subject_name:\n");
    subjectNames.forEach(s -> out.append("  - \"").append(s).append("\"\n"));
    return out.toString();
  }
}
