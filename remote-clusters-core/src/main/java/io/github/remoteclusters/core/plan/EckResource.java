package io.github.remoteclusters.core.plan;

import java.util.Objects;

/**
 * A Kubernetes resource managed by ECK.
 *
 * @param kind the resource kind, such as {@code Elasticsearch}
 * @param name the resource name
 * @param namespace the namespace
 * @since 0.1.0
 */
public record EckResource(String kind, String name, String namespace) {

  /** Checks that no component is null. */
  public EckResource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
  }
}
