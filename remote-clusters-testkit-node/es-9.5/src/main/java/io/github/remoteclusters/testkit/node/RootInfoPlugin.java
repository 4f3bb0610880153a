package io.github.remoteclusters.testkit.node;

import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.rest.RestHandler;

/** Serves {@code GET /} on Elasticsearch 9.5 (the three-argument {@code getRestHandlers}). */
public final class RootInfoPlugin extends AbstractRootInfoPlugin {

  /** Creates the plugin; Elasticsearch calls this reflectively. */
  public RootInfoPlugin() {}

  @Override
  public Collection<RestHandler> getRestHandlers(
      RestHandlersServices services,
      Supplier<DiscoveryNodes> nodesInCluster,
      Predicate<NodeFeature> clusterSupportsFeature) {
    return restHandlers();
  }
}
