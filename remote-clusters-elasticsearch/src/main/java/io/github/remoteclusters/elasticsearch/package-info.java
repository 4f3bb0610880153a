/**
 * Applying links to real clusters: the {@link io.github.remoteclusters.elasticsearch.Reconciler}
 * reads each local cluster's settings and remote-cluster info, writes the minimal difference in at
 * most one request, verifies the connections and reports per cluster; link status for one cluster
 * or a whole topology.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.elasticsearch;
