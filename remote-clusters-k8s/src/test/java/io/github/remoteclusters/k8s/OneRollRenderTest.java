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

  /** ECK [logs]: local of two API-key links, remote of a third whose server it must enable. */
  private static final String THREE_CHANGES = """
      clusters:
        - name: logs
          version: "9.2.1"
          deployment: eck
          license: enterprise
          remoteClusterAddress: "logs.example.net:9443"
          eck: {name: logs, namespace: obs, environment: east, operatorVersion: "3.5.0"}
        - {name: a, version: "9.2.1", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "a.example.net:9443", remoteClusterServer: true}
        - {name: b, version: "9.2.1", deployment: self-managed, license: enterprise,
           remoteClusterAddress: "b.example.net:9443", remoteClusterServer: true}
      links:
        - {local: logs, remote: a, alias: to-a, access: {search: [{names: ["m-*"]}]}}
        - {local: b, remote: logs, alias: to-logs, access: {replication: [{names: ["f-*"]}]}}
        - {local: logs, remote: b, alias: to-b, access: {search: [{names: ["n-*"]}]}}
      """;

  @Test
  void oneManifestChangeAndOneRestartingStepForTheCluster() {
    Topology topology = Topologies.parse(THREE_CHANGES);
    TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
    List<PlanStep> restarting = plan.links().stream()
        .filter(r -> r instanceof PlanResult.Planned)
        .flatMap(r -> ((PlanResult.Planned) r).plan().steps().stream())
        .filter(s -> s.restartsNodes() && s.target().equals("logs")).toList();
    assertThat(restarting).hasSize(1);
    assertThat(restarting.get(0).description()).contains("one rolling restart of [logs] for: ")
        .contains("STORE_CREDENTIALS of alias [to-a]")
        .contains("STORE_CREDENTIALS of alias [to-b]")
        .contains("ENABLE_REMOTE_CLUSTER_SERVER of alias [to-logs]");
    // the verification of the first link waits for the roll, in the plan of the last link
    assertThat(((PlanResult.Planned) plan.links().get(0)).plan().steps().stream()
        .filter(s -> s.action() == io.github.remoteclusters.core.plan.StepAction.VERIFY_CONNECTED)
        .findFirst().orElseThrow().description()).contains("of alias [to-b] has rolled [logs]");

    RenderResult result = EckAdapter.of(EckOptions.defaults().withMaterials(LinkMaterials.of(
        Map.of("logs/to-a", new Credential("c2VjcmV0OmtleQ=="),
            "logs/to-b", new Credential("b3RoZXI6a2V5")),
        Map.of("a", "CA-OF-a", "b", "CA-OF-b"), Map.of("a", "CA-OF-a", "b", "CA-OF-b"))))
        .render(topology, plan);
    assertThat(result).isInstanceOf(RenderResult.Rendered.class);
    List<RenderedResource> es = ((RenderResult.Rendered) result).resources().stream()
        .filter(r -> r.resource().getKind().equals("Elasticsearch")
            && r.resource().getMetadata().getName().equals("logs")).toList();
    assertThat(es).hasSize(1);
    String yaml = EckAdapter.toYaml(es);
    assertThat(yaml).contains("remoteClusterServer").contains("logs-remote-credentials");
  }
}
