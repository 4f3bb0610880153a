package org.elasticsearch.xpack.security.testkit;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.xpack.security.Security;

/**
 * The x-pack security plugin of Elasticsearch 9.5 without its SAML transport actions and REST
 * handlers, whose classes link OpenSAML (not on Maven Central). Everything else, including API
 * keys, the file realm, TLS and the remote cluster server, is the real plugin.
 *
 * <p>Its package starts with {@code org.elasticsearch.xpack.} because Elasticsearch lets only
 * such plugins install the REST interceptor security needs.
 */
public class SamlFreeSecurity extends Security {

  /**
   * Creates the plugin; Elasticsearch calls this reflectively.
   *
   * @param settings the node settings
   */
  public SamlFreeSecurity(Settings settings) {
    super(settings);
  }

  @Override
  public List<ActionPlugin.ActionHandler> getActions() {
    return super.getActions().stream()
        .filter(h -> !SamlClasses.isSaml(h.getTransportAction()))
        .toList();
  }

  @Override
  public List<RestHandler> getRestHandlers(
      ActionPlugin.RestHandlersServices services,
      Supplier<DiscoveryNodes> nodesInCluster,
      Predicate<NodeFeature> clusterSupportsFeature) {
    Collection<RestHandler> all =
        super.getRestHandlers(services, nodesInCluster, clusterSupportsFeature);
    return all.stream().filter(h -> !SamlClasses.isSaml(h.getClass())).toList();
  }
}
