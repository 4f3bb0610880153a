package io.github.remoteclusters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String OTHER_ENV =
      """
      clusters:
        - name: local
          version: "9.1.0"
          deployment: eck
          eck: {name: cluster1, namespace: ns1, environment: a}
        - name: remote
          version: "9.1.0"
          deployment: eck
          eck: {name: cluster2, namespace: ns2, environment: b}
          remoteClusterAddress: "rc.example.com:9443"
      links:
        - local: local
          remote: remote
          alias: far
          security: api-key
          access:
            search: [{names: ["logs-*"]}]
      """;

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("topology.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void rendersMultiDocumentYamlWithEveryResourceIdentified() throws IOException {
    CliRun run = CliRun.of("k8s", "render", file(OTHER_ENV).toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(run.out())) {
      it.forEachRemaining(docs::add);
    }
    assertThat(docs).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode d : docs) {
      assertThat(d.path("apiVersion").asText()).isNotEmpty();
      assertThat(d.path("kind").asText()).isNotEmpty();
      assertThat(d.path("metadata").path("name").asText()).isNotEmpty();
      assertThat(d.path("metadata").path("namespace").asText()).isNotEmpty();
    }
    assertThat(docs).extracting(d -> d.path("kind").asText())
        .contains("Elasticsearch", "Secret");
    assertThat(run.out()).contains("::redacted::");
    assertThat(run.err()).contains("needed: ", "encoded cross-cluster API key");
  }

  @Test
  void jsonIsOneKubernetesList() throws IOException {
    CliRun run = CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--format", "json");
    assertThat(run.exitCode()).isZero();
    JsonNode list = JSON.readTree(run.out());
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items").size()).isGreaterThanOrEqualTo(3);
    assertThat(CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--json").out())
        .isEqualTo(run.out());
  }

  @Test
  void olderEckVersionAddsTheLoadBalancerService() throws IOException {
    CliRun run = CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--eck-version", "3.2.0");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("cluster2-es-remote-cluster-lb");
  }

  @Test
  void whatEckCannotExpressExitsOneWithTheReason() throws IOException {
    String yaml =
        OTHER_ENV.replace(", environment: a", "").replace(", environment: b", "")
            .replace("search: [{names: [\"logs-*\"]}]", "search: [{names: [\"a\"]}, {names: [\"b\"]}]");
    CliRun run = CliRun.of("k8s", "render", file(yaml).toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("cannot be expressed on ECK", "ECK_UNSUPPORTED");
    CliRun json = CliRun.of("k8s", "render", file(yaml).toString(), "--format", "json");
    assertThat(json.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(json.out()).path("rendered").asBoolean(true)).isFalse();
  }

  @Test
  void invalidInputExitsTwoWithoutAStackTrace() throws IOException {
    CliRun missing = CliRun.of("k8s", "render", dir.resolve("nope.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").doesNotContain("\tat ");
    CliRun bad = CliRun.of("k8s", "render", file("clusters: [oops").toString(), "--json");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(JSON.readTree(bad.out()).has("errors")).isTrue();
    CliRun unknownKey = CliRun.of("k8s", "render", file("clusters: []\nfoo: 1\n").toString());
    assertThat(unknownKey.exitCode()).isEqualTo(2);
    CliRun version = CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--eck-version", "x");
    assertThat(version.exitCode()).isEqualTo(2);
    assertThat(version.err()).contains("--eck-version");
    assertThat(CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--format", "xml").exitCode())
        .isEqualTo(2);
    CliRun bare = CliRun.of("k8s");
    assertThat(bare.exitCode()).isEqualTo(2);
    assertThat(bare.err()).contains("render");
    assertThat(bare.out()).isEmpty();
  }

  @Test
  void baseManifestsComeOutWholeWithTheUsersNodeSets() throws IOException {
    Path base = dir.resolve("manifests");
    Files.createDirectories(base);
    Files.writeString(base.resolve("local.yaml"),
        "apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\n"
            + "metadata: {name: cluster1, namespace: ns1}\n"
            + "spec:\n  version: 9.1.0\n  nodeSets:\n    - {name: hot, count: 3}\n"
            + "    - {name: warm, count: 2}\n");
    CliRun run =
        CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--base", base.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(run.out())) {
      it.forEachRemaining(docs::add);
    }
    JsonNode local = docs.stream()
        .filter(d -> d.path("metadata").path("name").asText().equals("cluster1")
            && d.path("kind").asText().equals("Elasticsearch"))
        .findFirst().orElseThrow();
    assertThat(local.at("/spec/nodeSets/0/name").asText()).isEqualTo("hot");
    assertThat(local.at("/spec/nodeSets/1/name").asText()).isEqualTo("warm");
    assertThat(local.at("/spec/nodeSets/1/count").asInt()).isEqualTo(2);
    assertThat(local.at("/spec/nodeSets/1/config").path("cluster.remote.far.mode").asText())
        .isEqualTo("proxy");
    // cluster2 has no manifest in --base: still a patch, and said so
    assertThat(run.out()).contains("# PATCH, not a complete manifest: only the fields"
        + " remote-clusters sets on Elasticsearch ns2/cluster2");
    assertThat(run.out()).doesNotContain("on Elasticsearch ns1/cluster1");
    assertThat(run.err()).contains("patch: Elasticsearch ns2/cluster2").contains("--base has no manifest");
  }

  @Test
  void withoutBaseTheStandardErrorSaysWhichObjectsArePatches() throws IOException {
    CliRun run = CliRun.of("k8s", "render", file(OTHER_ENV).toString());
    assertThat(run.err()).contains("patch: Elasticsearch ns1/cluster1 holds only the fields")
        .contains("render with --base");
  }

  @Test
  void unreadableBaseExitsTwo() throws IOException {
    CliRun run = CliRun.of("k8s", "render", file(OTHER_ENV).toString(), "--base",
        dir.resolve("missing").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: --base: [").contains("is neither a file nor a folder");
  }
}
