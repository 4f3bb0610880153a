/**
 * Kubernetes adapter for remote-cluster links on Elastic Cloud on Kubernetes (ECK): render the
 * resources of a {@link io.github.remoteclusters.core.Topology}, apply them with fabric8 and
 * report a status an operator can write into its own custom resource.
 *
 * <p>Entry points: {@link io.github.remoteclusters.k8s.EckAdapter#render} and {@link
 * io.github.remoteclusters.k8s.EckReconciler#reconcile}. Every type of this package is
 * <em>experimental</em> until 1.0 (in the sense of apiguardian's {@code @API(status =
 * EXPERIMENTAL)}): it may change in a minor release.
 */
package io.github.remoteclusters.k8s;
