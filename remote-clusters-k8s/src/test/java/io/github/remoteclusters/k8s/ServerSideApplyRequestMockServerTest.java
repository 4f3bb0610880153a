package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.github.remoteclusters.k8s.internal.KubeOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the server-side apply request the adapter sends: fabric8's mock server (CRUD mode, no real
 * API server can run here) cannot apply it, so an expectation answers the PATCH and the test
 * checks the recorded request.
 */
@EnableKubernetesMockClient(crud = true)
class ServerSideApplyRequestMockServerTest {

  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void sendsAnApplyPatchWithOurFieldManagerAndOnlyTheFieldsWeTouch() throws Exception {
    GenericKubernetesResource es = createClusters(true);
    server.expect().patch()
        .withPath("/apis/elasticsearch.k8s.elastic.co/v1/namespaces/ns1/elasticsearches/cluster1"
            + "?fieldManager=remote-clusters&force=true")
        .andReturn(200, es)
        .once();
    int before = server.getRequestCount();

    ReconcileOutcome o = EckAdapter.of(EckOptions.defaults().withApplyMode(ApplyMode.SERVER_SIDE_APPLY))
        .reconciler(client, "default", ConnectionProbe.unknown())
        .reconcile(Topologies.parse(Topologies.SAME_ENV_CERT), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());

    assertThat(o.changes()).extracting(Object::toString).contains("UPDATED Elasticsearch ns1/cluster1");
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      requests.add(server.takeRequest());
    }
    RecordedRequest patch = requests.subList(before, requests.size()).stream()
        .filter(r -> r.getMethod().equals("PATCH"))
        .findFirst()
        .orElseThrow();
    assertThat(patch.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    JsonNode body = new ObjectMapper(new YAMLFactory()).readTree(patch.getUtf8Body());
    assertThat(body.path("kind").asText()).isEqualTo("Elasticsearch");
    assertThat(body.path("metadata").path("annotations").has("user")).isFalse();
    assertThat(body.path("metadata").path("annotations")
            .path("remoteclusters.github.io/managed-remote-clusters").asText())
        .isEqualTo("cert-link");
    assertThat(body.path("spec").has("version")).isFalse();
    assertThat(body.path("spec").has("nodeSets")).as("untouched lists are not applied").isFalse();
    assertThat(body.path("spec").has("status")).isFalse();
    List<String> names = new ArrayList<>();
    body.path("spec").path("remoteClusters").forEach(e -> names.add(e.path("name").asText()));
    assertThat(names).containsExactly("user-alias", "cert-link");
  }

  @Test
  void theDefaultPatchesOnlyWhatItOwnsGuardedByTheResourceVersion() throws Exception {
    createClusters(false);
    int before = server.getRequestCount();

    ReconcileOutcome o = EckAdapter.of(EckOptions.defaults())
        .reconciler(client, "default", ConnectionProbe.unknown())
        .reconcile(Topologies.parse(Topologies.SAME_ENV_CERT), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());

    assertThat(EckOptions.defaults().applyMode()).isEqualTo(ApplyMode.PATCH_OWNED);
    assertThat(o.changes()).extracting(Object::toString).contains("UPDATED Elasticsearch ns1/cluster1");
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      requests.add(server.takeRequest());
    }
    RecordedRequest patch = requests.subList(before, requests.size()).stream()
        .filter(r -> r.getMethod().equals("PATCH"))
        .findFirst()
        .orElseThrow();
    assertThat(patch.getHeader("Content-Type")).startsWith("application/json-patch+json");
    assertThat(patch.getPath()).doesNotContain("fieldManager");
    JsonNode after = new ObjectMapper().valueToTree(
        client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns1")
            .withName("cluster1").get());
    List<String> names = new ArrayList<>();
    after.at("/spec/remoteClusters").forEach(e -> names.add(e.path("name").asText()));
    assertThat(names).containsExactly("user-alias", "cert-link");
  }

  /** cluster1 (with the user's alias) in ns1 and cluster2 in ns2; returns cluster1. */
  private GenericKubernetesResource createClusters(boolean userAnnotation) {
    GenericKubernetesResourceBuilder b = new GenericKubernetesResourceBuilder()
        .withApiVersion("elasticsearch.k8s.elastic.co/v1")
        .withKind("Elasticsearch")
        .withNewMetadata().withName("cluster1").withNamespace("ns1").endMetadata()
        .addToAdditionalProperties("spec", Map.of(
            "version", "8.19.3",
            "nodeSets", List.of(Map.of("name", "default", "count", 1)),
            "remoteClusters", List.of(Map.of("name", "user-alias",
                "elasticsearchRef", Map.of("name", "other")))));
    if (userAnnotation) {
      b.editMetadata().addToAnnotations("user", "kept").endMetadata();
    }
    GenericKubernetesResource es = b.build();
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns1").resource(es).create();
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns2")
        .resource(new GenericKubernetesResourceBuilder(es).editMetadata().withName("cluster2")
            .withNamespace("ns2").endMetadata().build())
        .create();
    return es;
  }
}
