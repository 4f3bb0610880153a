package io.github.remoteclusters.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Lets tests of other packages validate against ECK's CRD schema ({@link EckCrdSchema}). */
public final class EckCrdSchemaAccess {

  private EckCrdSchemaAccess() {}

  /**
   * The schema errors of an {@code Elasticsearch} resource.
   *
   * @param resource the resource
   * @return the messages; empty when valid
   */
  public static List<String> errors(HasMetadata resource) {
    return EckCrdSchema.errors(resource);
  }
}
