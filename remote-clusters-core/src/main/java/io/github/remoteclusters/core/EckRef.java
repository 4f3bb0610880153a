package io.github.remoteclusters.core;

import io.github.remoteclusters.compat.EsVersion;
import java.util.Objects;

/**
 * Where an ECK-managed cluster lives: its {@code Elasticsearch} resource and the ECK environment
 * (one operator) that manages it.
 *
 * @param name the name of the {@code Elasticsearch} resource
 * @param namespace the Kubernetes namespace of the resource
 * @param environment a name for the operator installation; two clusters with the same environment
 *     are managed by the same operator in the same Kubernetes cluster
 * @param operatorVersion the version of the ECK operator of that environment, or null when not
 *     stated (features such as the remote cluster Service template, 3.3, and file-based secure
 *     settings, 3.5, depend on it)
 * @since 0.1.0
 */
public record EckRef(String name, String namespace, String environment, EsVersion operatorVersion) {

  /**
   * A reference without an operator version.
   *
   * @param name the resource name
   * @param namespace the namespace
   * @param environment the environment
   */
  public EckRef(String name, String namespace, String environment) {
    this(name, namespace, environment, null);
  }

  /** Checks that no component is null or empty. */
  public EckRef {
    requireText(name, "name");
    requireText(namespace, "namespace");
    requireText(environment, "environment");
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  /**
   * The in-cluster DNS name of the transport service ({@code <name>-es-transport.<ns>.svc}).
   *
   * @return the host name
   */
  public String transportServiceHost() {
    return EckNames.transportHost(name, namespace);
  }

  /**
   * The in-cluster DNS name of the remote cluster server service ({@code
   * <name>-es-remote-cluster.<ns>.svc}).
   *
   * @return the host name
   */
  public String remoteClusterServiceHost() {
    return EckNames.remoteClusterHost(name, namespace);
  }

  /**
   * Whether the other cluster is managed by the same operator.
   *
   * @param other the other cluster's reference
   * @return true when both environments are equal
   */
  public boolean sameEnvironment(EckRef other) {
    Objects.requireNonNull(other, "other");
    return environment.equals(other.environment);
  }
}
