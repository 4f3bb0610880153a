package io.github.remoteclusters.testkit.node;

import java.util.List;
import java.util.function.Supplier;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

/**
 * Serves {@code GET /} and {@code HEAD /}, the "info" API clients call to learn the server version.
 * A distribution gets it from the {@code rest-root} module, which is not on Maven Central.
 */
final class RootInfoHandler extends BaseRestHandler {

  private final Supplier<ClusterService> clusterService;

  RootInfoHandler(Supplier<ClusterService> clusterService) {
    this.clusterService = clusterService;
  }

  @Override
  public String getName() {
    return "testkit_root_info";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
  }

  @Override
  protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
    return channel -> {
      ClusterService cluster = clusterService.get();
      Build build = Build.current();
      var state = cluster.state();
      XContentBuilder body = channel.newBuilder();
      body.startObject()
          .field("name", cluster.localNode().getName())
          .field("cluster_name", state.getClusterName().value())
          .field("cluster_uuid", state.metadata().clusterUUID())
          .startObject("version")
          .field("number", build.qualifiedVersion())
          .field("build_flavor", build.flavor())
          .field("build_type", build.type().displayName())
          .field("build_hash", build.hash())
          .field("build_date", build.date())
          .field("build_snapshot", build.isSnapshot())
          .field("lucene_version", org.apache.lucene.util.Version.LATEST.toString())
          .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
          .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
          .endObject()
          .field("tagline", "You Know, for Search")
          .endObject();
      channel.sendResponse(new RestResponse(RestStatus.OK, body));
    };
  }
}
