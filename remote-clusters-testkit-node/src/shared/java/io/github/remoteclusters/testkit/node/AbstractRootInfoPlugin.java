package io.github.remoteclusters.testkit.node;

import java.util.Collection;
import java.util.List;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestHandler;

/**
 * The part of the root-info plugin that every Elasticsearch line shares. Each line's {@code
 * RootInfoPlugin} only adapts {@code getRestHandlers}, whose signature changes between minors, to
 * {@link #restHandlers()}.
 */
public abstract class AbstractRootInfoPlugin extends Plugin implements ActionPlugin {

  private volatile ClusterService clusterService;

  /** Creates the plugin; Elasticsearch calls this reflectively. */
  protected AbstractRootInfoPlugin() {}

  @Override
  public Collection<?> createComponents(PluginServices services) {
    this.clusterService = services.clusterService();
    return List.of();
  }

  /**
   * The handlers this plugin serves.
   *
   * @return the {@code GET /} and {@code HEAD /} handler
   */
  protected final List<RestHandler> restHandlers() {
    return List.of(new RootInfoHandler(() -> clusterService));
  }
}
