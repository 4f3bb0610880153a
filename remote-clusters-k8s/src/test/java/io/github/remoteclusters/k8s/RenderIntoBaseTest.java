package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.remoteclusters.core.ProblemCode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --base}: the user's own manifests come out whole, with the adapter's changes in
 * the user's nodeSets (names from the user), lists and fields kept; every complete {@code
 * Elasticsearch} validates against ECK's CRD schema. Without a base, output is marked a patch.
 */
class RenderIntoBaseTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Path baseFolder() throws URISyntaxException {
    return Path.of(RenderIntoBaseTest.class.getResource("/eck/base/logs.yaml").toURI()).getParent();
  }

  private static JsonNode tree(RenderedResource r) {
    return MAPPER.valueToTree(r.resource());
  }

  private static RenderResult.Rendered renderOtherEnvironment(List<GenericKubernetesResource> base) {
    RenderResult r =
        EckAdapter.of(EckOptions.defaults())
            .render(Topologies.parse(Topologies.OTHER_ENV_API_KEY),
                io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(Topologies.parse(Topologies.OTHER_ENV_API_KEY)), base);
    assertThat(r.problems()).noneMatch(io.github.remoteclusters.core.Problem::isError);
    return (RenderResult.Rendered) r;
  }

  @Test
  void readsEveryElasticsearchOfAFolderAndIgnoresOtherKinds() throws Exception {
    List<GenericKubernetesResource> base = EckAdapter.readManifests(baseFolder());
    assertThat(base).extracting(b -> b.getMetadata().getName())
        .containsExactly("cluster1", "cluster2");
  }

  @Test
  void mergesIntoTheUsersNodeSetsAndKeepsTheirFields() throws Exception {
    RenderResult.Rendered r = renderOtherEnvironment(EckAdapter.readManifests(baseFolder()));
    RenderedResource local =
        r.resources().stream()
            .filter(x -> x.resource().getKind().equals("Elasticsearch")
                && x.resource().getMetadata().getName().equals("cluster1"))
            .findFirst().orElseThrow();
    assertThat(local.partial()).isFalse();
    JsonNode spec = tree(local).path("spec");
    assertThat(spec.path("version").asText()).isEqualTo("9.1.0");
    List<String> names = new ArrayList<>();
    spec.path("nodeSets").forEach(n -> names.add(n.path("name").asText()));
    assertThat(names).containsExactly("hot", "cold");
    for (JsonNode set : spec.path("nodeSets")) {
      assertThat(set.path("config").path("cluster.remote.far.mode").asText()).isEqualTo("proxy");
      assertThat(set.path("config").path("cluster.remote.far.proxy_address").asText())
          .isEqualTo("rc.example.com:9443");
      assertThat(set.path("config").has("node.roles")).isTrue();
    }
    assertThat(spec.path("nodeSets").get(0).path("config")
        .path("xpack.security.authc.realms.native.native1.order").asInt()).isZero();
    assertThat(spec.path("nodeSets").get(1).path("podTemplate").toString()).contains("4Gi");
    List<String> secrets = new ArrayList<>();
    spec.path("secureSettings").forEach(s -> secrets.add(s.path("secretName").asText()));
    assertThat(secrets).containsExactly("gcs-credentials", "cluster1-remote-credentials");
  }

  @Test
  void aManifestWithoutNamespaceMatchesByName() throws Exception {
    RenderResult.Rendered r = renderOtherEnvironment(EckAdapter.readManifests(baseFolder()));
    RenderedResource remote =
        r.resources().stream()
            .filter(x -> x.resource().getKind().equals("Elasticsearch")
                && x.resource().getMetadata().getName().equals("cluster2"))
            .findFirst().orElseThrow();
    assertThat(remote.partial()).isFalse();
    assertThat(remote.resource().getMetadata().getNamespace()).isEqualTo("ns2");
    assertThat(tree(remote).at("/spec/remoteClusterServer/enabled").asBoolean()).isTrue();
    assertThat(tree(remote).at("/spec/nodeSets/0/count").asInt()).isEqualTo(3);
  }

  @Test
  void everyCompleteElasticsearchValidatesAgainstEcksCrd() throws Exception {
    RenderResult.Rendered r = renderOtherEnvironment(EckAdapter.readManifests(baseFolder()));
    List<RenderedResource> complete =
        r.resources().stream()
            .filter(x -> x.resource().getKind().equals("Elasticsearch") && !x.partial())
            .toList();
    assertThat(complete).hasSize(2);
    for (RenderedResource x : complete) {
      assertThat(EckCrdSchema.errors(x.resource())).as(x.describe()).isEmpty();
    }
  }

  @Test
  void theCrdSchemaCatchesWhatEckWouldRefuse() {
    String bad =
        "{\"apiVersion\":\"elasticsearch.k8s.elastic.co/v1\",\"kind\":\"Elasticsearch\","
            + "\"metadata\":{\"name\":\"x\"},\"spec\":{\"version\":\"9.1.0\","
            + "\"nodeSets\":[{\"name\":\"a-nodeset-name-longer-than-23\",\"count\":1}],"
            + "\"remoteClusters\":[{\"name\":\"r\",\"apiKey\":{\"access\":{\"search\":[{\"names\":[\"*\"]}]}}}],"
            + "\"remoteClusterServer\":{\"enabled\":true,\"port\":9443}}}";
    List<String> errors = EckCrdSchema.errors(bad);
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("/spec/nodeSets/0/name"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("search"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("port"));
  }

  @Test
  void withoutABaseTheElasticsearchIsAMarkedPatch() {
    RenderResult.Rendered r = renderOtherEnvironment(List.of());
    assertThat(r.resources()).filteredOn(x -> x.resource().getKind().equals("Elasticsearch"))
        .allMatch(RenderedResource::partial);
    String yaml = EckAdapter.toYaml(r.resources());
    assertThat(yaml).contains("---\n" + EckAdapter.PATCH_COMMENT + " only the fields remote-clusters"
        + " sets on Elasticsearch ns1/cluster1");
    assertThat(yaml.split(EckAdapter.PATCH_COMMENT, -1)).hasSize(3);
  }

  @Test
  void anAliasTheUserDefinedIsAConflict(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("es.yaml"),
        "apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\n"
            + "metadata: {name: cluster1, namespace: ns1}\n"
            + "spec:\n  version: 9.1.0\n  remoteClusters: [{name: far, elasticsearchRef: {name: x}}]\n"
            + "  nodeSets: [{name: default, count: 1}]\n");
    RenderResult r =
        EckAdapter.of(EckOptions.defaults())
            .render(Topologies.parse(Topologies.OTHER_ENV_API_KEY),
                io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(Topologies.parse(Topologies.OTHER_ENV_API_KEY)), EckAdapter.readManifests(dir));
    assertThat(r).isInstanceOf(RenderResult.Rejected.class);
    assertThat(r.problems()).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.ALIAS_COLLISION);
      assertThat(p.message()).contains("alias [far]");
    });
  }

  @Test
  void unreadableManifestsNameTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "kind: Elasticsearch\n  spec: [\n");
    assertThatThrownBy(() -> EckAdapter.readManifests(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read [" + bad + "]");
    assertThatThrownBy(() -> EckAdapter.readManifests(dir.resolve("none")))
        .hasMessageContaining("is neither a file nor a folder");
  }
}
