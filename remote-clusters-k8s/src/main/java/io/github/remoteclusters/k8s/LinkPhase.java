package io.github.remoteclusters.k8s;

/**
 * Where a link stands after a reconcile.
 *
 * <p>Experimental API.
 *
 * @since 0.1.0
 */
public enum LinkPhase {
  /** Every resource of the link is in place. */
  CONFIGURED,
  /** Resources are in place except what is waiting for material (API key, CA) or for ECK. */
  PENDING,
  /** The link breaks a rule, conflicts with something the adapter does not own, or a call failed. */
  FAILED,
  /** The link was removed and what the adapter had created for it is gone. */
  REMOVED
}
