package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 9: the render and the plan agree on one roll per ECK cluster. ECK rolls the nodes
 * for a config change ("remoteClusterServer.enabled ... Triggers a rolling restart (new
 * elasticsearch.yml)") and for a secure-settings change ("every new/changed cross-cluster key
 * causes a rolling restart of the client cluster"; shared/research/eck-implementation.md, from
 * ECK's {@code nodespec/podspec.go}); the render writes both into one {@code Elasticsearch}
 * manifest, and the plan has one restarting step for that cluster.
 */
class OneRollRenderTest {

  private static final String LOCAL_AND_REMOTE = """
      clusters:
        - {name: search, version: "9.1.3", deployment: eck, license: enterprise,
           remoteClusterAddress: "search.example.com:9443", remoteClusterServer: false,
           eck: {name: search, namespace: elastic, environment: k8s, operatorVersion: "3.3.0"}}
        - {name: dc1, version: "9.1.3", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "dc1.example.com:9443", serverName: dc1.example.com,
           remoteClusterServer: true}
        - {name: dc2, version: "9.1.3", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "dc2.example.com:9443", remoteClusterServer: true}
      links:
        - {local: search, remote: dc1, alias: dc1, access: {search: [{names: ["a-*"]}]}}
        - {local: dc2, remote: search, alias: search, access: {search: [{names: ["b-*"]}]}}
      """;

  @Test
  void oneManifestChangeAndOneRestartingStepForTheCluster() {
    Topology topology = Topologies.parse(LOCAL_AND_REMOTE);
    TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
    List<PlanStep> restarting = plan.links().stream()
        .filter(r -> r instanceof PlanResult.Planned)
        .flatMap(r -> ((PlanResult.Planned) r).plan().steps().stream())
        .filter(s -> s.restartsNodes() && s.target().equals("search")).toList();
    assertThat(restarting).hasSize(1);
    assertThat(restarting.get(0).description()).contains("one rolling restart of [search] for: "
        + "STORE_CREDENTIALS of alias [dc1]").contains("ENABLE_REMOTE_CLUSTER_SERVER of alias [search]");

    RenderResult result = EckAdapter.of(EckOptions.defaults().withMaterials(LinkMaterials.of(
        Map.of("search/dc1", new Credential("c2VjcmV0OmtleQ==")),
        Map.of("dc1", "CA-OF-dc1"), Map.of("dc1", "CA-OF-dc1")))).render(topology, plan);
    assertThat(result).isInstanceOf(RenderResult.Rendered.class);
    List<RenderedResource> es = ((RenderResult.Rendered) result).resources().stream()
        .filter(r -> r.resource().getKind().equals("Elasticsearch")
            && r.resource().getMetadata().getName().equals("search")).toList();
    assertThat(es).hasSize(1);
    String yaml = EckAdapter.toYaml(es);
    assertThat(yaml).contains("remoteClusterServer").contains("search-remote-credentials");
  }
}
