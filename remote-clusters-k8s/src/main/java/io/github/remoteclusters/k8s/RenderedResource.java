package io.github.remoteclusters.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * One Kubernetes resource of a rendering, with the ECK environment (Kubernetes cluster) it
 * belongs to.
 *
 * <p>Experimental API.
 *
 * @param environment the ECK environment of the cluster the resource belongs to
 * @param resource the fabric8 object; for ECK's {@code Elasticsearch} a partial object holding only
 *     the fields this adapter sets (an apply configuration), to merge into the full manifest
 * @param partial true for such partial objects, false for resources the adapter owns whole
 * @since 0.1.0
 */
public record RenderedResource(String environment, HasMetadata resource, boolean partial) {

  /** Checks that no component is null. */
  public RenderedResource {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(resource, "resource");
  }

  /** {@return {@code Kind namespace/name}, for messages} */
  public String describe() {
    return resource.getKind()
        + " "
        + resource.getMetadata().getNamespace()
        + "/"
        + resource.getMetadata().getName();
  }

  /** {@return kind, name and environment; never the data of a Secret} */
  @Override
  public String toString() {
    return "RenderedResource[" + describe() + " in " + environment
        + (partial ? ", partial" : "") + "]";
  }
}
