package io.github.remoteclusters.k8s.internal;

import java.util.Comparator;
import java.util.Objects;

/**
 * The namespace and name of an ECK {@code Elasticsearch} resource, with its environment.
 *
 * @param environment the ECK environment
 * @param namespace the namespace
 * @param name the name
 */
public record EsKey(String environment, String namespace, String name) implements Comparable<EsKey> {

  private static final Comparator<EsKey> ORDER =
      Comparator.comparing(EsKey::environment)
          .thenComparing(EsKey::namespace)
          .thenComparing(EsKey::name);

  /** Checks that no component is null. */
  public EsKey {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(EsKey o) {
    return ORDER.compare(this, o);
  }

  /** {@return {@code namespace/name}} */
  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
