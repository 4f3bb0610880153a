package org.elasticsearch.xpack.security.testkit;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.elasticsearch.action.ActionRequest;
import org.elasticsearch.action.ActionResponse;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.xpack.security.Security;

/**
 * The x-pack security plugin of Elasticsearch 8.19 without its SAML transport actions and REST
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
  public List<ActionPlugin.ActionHandler<? extends ActionRequest, ? extends ActionResponse>>
      getActions() {
    return super.getActions().stream()
        .filter(h -> !SamlClasses.isSaml(h.getTransportAction()))
        .toList();
  }

  @Override
  public List<RestHandler> getRestHandlers(
      Settings settings,
      NamedWriteableRegistry namedWriteableRegistry,
      RestController restController,
      ClusterSettings clusterSettings,
      IndexScopedSettings indexScopedSettings,
      SettingsFilter settingsFilter,
      IndexNameExpressionResolver indexNameExpressionResolver,
      Supplier<DiscoveryNodes> nodesInCluster,
      Predicate<NodeFeature> clusterSupportsFeature) {
    return super.getRestHandlers(
            settings,
            namedWriteableRegistry,
            restController,
            clusterSettings,
            indexScopedSettings,
            settingsFilter,
            indexNameExpressionResolver,
            nodesInCluster,
            clusterSupportsFeature)
        .stream()
        .filter(h -> !SamlClasses.isSaml(h.getClass()))
        .toList();
  }
}
