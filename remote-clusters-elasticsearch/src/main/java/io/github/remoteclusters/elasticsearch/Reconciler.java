package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.TopologyPlan;
import java.util.List;

/**
 * Makes real clusters match a topology, idempotently, and reports link status.
 *
 * <p>For each local cluster it reads {@code GET _cluster/settings} and {@code GET _remote/info},
 * computes the minimal difference to the plan for the aliases it owns, and sends at most one
 * {@code PUT _cluster/settings}; nothing when nothing differs. It never touches an alias it does
 * not own (see {@link io.github.remoteclusters.elasticsearch.spi.OwnershipStore}). Once every cluster is
 * written it waits, for all clusters at once and under one deadline, until the changed aliases are
 * connected, and diagnoses those that are not. A cluster succeeds only when every link of the plan
 * this tool owns there is connected, whether or not the run changed it.
 *
 * <pre>{@code
 * try (Reconciler r = Reconciler.builder()
 *     .ownership(OwnershipStore.jsonFile(Path.of("owned.json")))
 *     .build()) {
 *   Topology topology = TopologyReader.read(file).orElseThrow();
 *   r.apply(topology).throwIfFailed();
 * }
 * }</pre>
 *
 * <p>A reconciler keeps one connection per cluster until it is closed. It is not meant for
 * concurrent runs.
 *
 * @since 0.1.0
 */
public interface Reconciler extends AutoCloseable {

  /**
   * A builder with the defaults: clusters reached at their topology {@code url} without
   * credentials, ownership kept in memory, credentials refused (manual), a 30-second
   * verification, no writes to later clusters after a cluster failed to be read or written.
   *
   * @return a new builder
   */
  static ReconcilerBuilder builder() {
    return new ReconcilerBuilder();
  }

  /**
   * Plans the topology and applies the plan.
   *
   * @param topology the topology
   * @return the report; {@link ApplyReport#rejected()} when the planner found errors
   */
  ApplyReport apply(Topology topology);

  /**
   * Plans the topology with what this tool owns: {@link
   * io.github.remoteclusters.core.plan.RemoteClusterPlanner#plan(Topology, java.util.Collection)}
   * given the footprints of the ownership store, so that the plan holds the removal of owned
   * links the topology no longer has, migrations of security model and key updates by id. This
   * is the plan {@link #apply(Topology)} applies; a dry run shows it.
   *
   * @param topology the topology
   * @return the plan
   */
  TopologyPlan plan(Topology topology);

  /**
   * Applies a plan already made for the topology. Only what the plan names is done: an owned
   * alias a plan made without the ownership record does not name is left alone.
   *
   * @param topology the topology the plan was made for
   * @param plan the plan
   * @return the report
   */
  ApplyReport apply(Topology topology, TopologyPlan plan);

  /**
   * The status of every alias on every local cluster of a topology (those that are the local
   * side of a link, or on which this tool owns aliases), with a diagnosis of each disconnected
   * one; links of the topology that are not configured are reported {@code NOT_CONFIGURED}.
   *
   * @param topology the topology
   * @return one status per alias, grouped by cluster in topology order
   */
  List<LinkStatus> status(Topology topology);

  /**
   * The status of every alias on one cluster.
   *
   * @param topology the topology the cluster belongs to (for diagnoses)
   * @param cluster the cluster
   * @return one status per alias
   */
  List<LinkStatus> status(Topology topology, Cluster cluster);

  /**
   * Rotates the cross-cluster API key of an API-key link without losing the connection: creates
   * a new key on the remote, stores it on the local cluster, reloads its secure settings, waits
   * until the alias is connected, and only then invalidates the old keys.
   *
   * @param topology the topology holding the link
   * @param local the local cluster's name
   * @param alias the alias
   * @return the outcome on the local cluster
   * @throws IllegalArgumentException when the link does not use API keys
   */
  ClusterOutcome rotateApiKey(Topology topology, String local, String alias);

  /** Closes the connections and ends the verification threads. */
  @Override
  void close();
}
