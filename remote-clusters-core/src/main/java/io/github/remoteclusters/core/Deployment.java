package io.github.remoteclusters.core;

import java.util.Optional;

/**
 * How an Elasticsearch cluster is deployed; decides what can be automated and where a person has
 * to act.
 *
 * @since 0.1.0
 */
public enum Deployment {
  /** Managed by Elastic Cloud on Kubernetes. */
  ECK("eck"),
  /** Installed and run by its owner. */
  SELF_MANAGED("self-managed"),
  /** Elastic Cloud Hosted. */
  ECH("ech"),
  /** Elastic Cloud Enterprise. */
  ECE("ece");

  private final String id;

  Deployment(String id) {
    this.id = id;
  }

  /**
   * The name used in topology files.
   *
   * @return {@code eck}, {@code self-managed}, {@code ech} or {@code ece}
   */
  public String id() {
    return id;
  }

  /**
   * Whether this is one of the Elastic Cloud offerings (ECH or ECE), which put a proxy in front of
   * the cluster.
   *
   * @return true for ECH and ECE
   */
  public boolean isElasticCloud() {
    return this == ECH || this == ECE;
  }

  /**
   * The deployment with the given topology-file name.
   *
   * @param id the name, such as {@code self-managed}
   * @return the deployment, or empty when there is none by that name
   */
  public static Optional<Deployment> fromId(String id) {
    java.util.Objects.requireNonNull(id, "id");
    for (Deployment d : values()) {
      if (d.id.equals(id)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
