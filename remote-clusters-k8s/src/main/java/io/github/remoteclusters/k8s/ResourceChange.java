package io.github.remoteclusters.k8s;

import java.util.Objects;

/**
 * One resource that a reconcile looked at, and what it did to it.
 *
 * <p>Experimental API.
 *
 * @param kind the Kubernetes kind
 * @param namespace the namespace
 * @param name the name
 * @param action what was done
 * @since 0.1.0
 */
public record ResourceChange(String kind, String namespace, String name, ChangeAction action) {

  /** Checks that no component is null. */
  public ResourceChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
  }

  /** {@return true unless the action is {@link ChangeAction#UNCHANGED}} */
  public boolean changed() {
    return action != ChangeAction.UNCHANGED;
  }

  /** {@return {@code ACTION Kind namespace/name}} */
  @Override
  public String toString() {
    return action + " " + kind + " " + namespace + "/" + name;
  }
}
