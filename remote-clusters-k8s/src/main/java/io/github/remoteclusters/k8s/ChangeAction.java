package io.github.remoteclusters.k8s;

/**
 * What applying did to one resource.
 *
 * <p>Experimental API.
 *
 * @since 0.1.0
 */
public enum ChangeAction {
  /** The resource did not exist and was created. */
  CREATED,
  /** The resource existed and fields this adapter owns were changed. */
  UPDATED,
  /** Nothing to do: the resource already was as desired; no request was sent. */
  UNCHANGED,
  /** A resource this adapter created was deleted because no link needs it any more. */
  DELETED
}
