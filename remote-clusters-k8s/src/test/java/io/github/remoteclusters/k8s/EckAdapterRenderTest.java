package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EckAdapterRenderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EckAdapter ADAPTER = EckAdapter.of(EckOptions.defaults());

  static RenderResult.Rendered rendered(EckAdapter adapter, String yaml) {
    RenderResult r = adapter.render(Topologies.parse(yaml), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(r).as("%s", r.problems()).isInstanceOf(RenderResult.Rendered.class);
    return (RenderResult.Rendered) r;
  }

  static List<Problem> rejected(String yaml) {
    RenderResult r = ADAPTER.render(Topologies.parse(yaml), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(r).isInstanceOf(RenderResult.Rejected.class);
    return r.problems();
  }

  static JsonNode find(RenderResult.Rendered r, String kind, String name) {
    return r.resources().stream()
        .map(RenderedResource::resource)
        .filter(x -> x.getKind().equals(kind) && x.getMetadata().getName().equals(name))
        .<JsonNode>map(x -> JSON.valueToTree(x))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + r.resources()));
  }

  @Test
  void sameEnvironmentApiKeyBecomesRemoteClustersEntryAndEnablesTheServer() {
    RenderResult.Rendered r = rendered(ADAPTER, Topologies.SAME_ENV_API_KEY);
    JsonNode local = find(r, "Elasticsearch", "cluster1");
    assertThat(local.path("apiVersion").asText()).isEqualTo("elasticsearch.k8s.elastic.co/v1");
    assertThat(local.path("metadata").path("namespace").asText()).isEqualTo("ns1");
    JsonNode entry = local.path("spec").path("remoteClusters").get(0);
    assertThat(entry.path("name").asText()).isEqualTo("to-cluster2");
    assertThat(entry.path("elasticsearchRef").path("name").asText()).isEqualTo("cluster2");
    assertThat(entry.path("elasticsearchRef").path("namespace").asText()).isEqualTo("ns2");
    // ECK's schema: search is one object, not a list
    assertThat(entry.path("apiKey").path("access").path("search").isObject()).isTrue();
    assertThat(entry.path("apiKey").path("access").path("search").path("names").get(0).asText())
        .isEqualTo("logs-*");
    assertThat(local.path("metadata").path("annotations")
            .path("remoteclusters.github.io/managed-remote-clusters").asText())
        .isEqualTo("to-cluster2");
    JsonNode remote = find(r, "Elasticsearch", "cluster2");
    assertThat(remote.path("spec").path("remoteClusterServer").path("enabled").asBoolean()).isTrue();
    assertThat(r.pending()).isEmpty();
    assertThat(r.resources()).allMatch(x -> !x.resource().getKind().equals("Secret"));
  }

  @Test
  void rendersFromTheCoresPlan() {
    io.github.remoteclusters.core.Topology t = Topologies.parse(Topologies.SAME_ENV_API_KEY);
    io.github.remoteclusters.core.plan.TopologyPlan plan =
        io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(t);
    RenderResult r = ADAPTER.render(t, plan);
    assertThat(r).isInstanceOf(RenderResult.Rendered.class);
    assertThat(EckAdapter.toJson(((RenderResult.Rendered) r).resources()))
        .isEqualTo(EckAdapter.toJson(rendered(ADAPTER, Topologies.SAME_ENV_API_KEY).resources()));
    assertThat(r.problems()).isEqualTo(plan.problems());
  }

  @Test
  void sameEnvironmentCertificateNeedsOnlyTheEntry() {
    RenderResult.Rendered r = rendered(ADAPTER, Topologies.SAME_ENV_CERT);
    JsonNode local = find(r, "Elasticsearch", "cluster1");
    JsonNode entry = local.path("spec").path("remoteClusters").get(0);
    assertThat(entry.has("apiKey")).isFalse();
    assertThat(r.resources()).hasSize(1);
  }

  @Test
  void otherEnvironmentApiKeyUsesProxySettingsSecureSettingsAndExposesTheServer() {
    LinkMaterials materials =
        LinkMaterials.of(
            Map.of("local/far", new Credential("c2VjcmV0OmtleQ==")),
            Map.of("remote", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"),
            Map.of());
    EckAdapter adapter = EckAdapter.of(EckOptions.defaults().withMaterials(materials));
    RenderResult.Rendered r = rendered(adapter, Topologies.OTHER_ENV_API_KEY);
    JsonNode local = find(r, "Elasticsearch", "cluster1");
    JsonNode config = local.path("spec").path("nodeSets").get(0).path("config");
    assertThat(config.path("cluster.remote.far.mode").asText()).isEqualTo("proxy");
    assertThat(config.path("cluster.remote.far.proxy_address").asText()).isEqualTo("rc.example.com:9443");
    assertThat(config.path("cluster.remote.far.server_name").asText())
        .isEqualTo("cluster2-es-remote-cluster.ns2.svc");
    assertThat(config.path("xpack.security.remote_cluster_client.ssl.enabled").asBoolean()).isTrue();
    // only ours: ECK appends nodeSet config lists to its own CAs (ucfg.AppendValues)
    assertThat(config.path("xpack.security.remote_cluster_client.ssl.certificate_authorities").toString())
        .isEqualTo("[\"/usr/share/elasticsearch/config/remote-certs/far-ca.crt\"]");
    assertThat(local.path("spec").path("secureSettings").get(0).path("secretName").asText())
        .isEqualTo("cluster1-remote-credentials");
    assertThat(local.path("spec").has("remoteClusters")).isFalse();
    JsonNode secret = find(r, "Secret", "cluster1-remote-credentials");
    assertThat(secret.path("stringData").path("cluster.remote.far.credentials").asText())
        .isEqualTo("::redacted::");
    // the key format and the credentials label of ECK's own key store (keystore.go)
    assertThat(secret.path("metadata").path("labels").path("eck.k8s.elastic.co/credentials")
            .asText())
        .isEqualTo("true");
    JsonNode ca = find(r, "ConfigMap", "cluster1-remote-ca");
    assertThat(ca.path("data").path("far-ca.crt").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    JsonNode remote = find(r, "Elasticsearch", "cluster2");
    assertThat(remote.path("spec").path("remoteClusterServer").path("enabled").asBoolean()).isTrue();
    assertThat(remote.path("spec").path("remoteClusterServer").path("service").path("spec")
            .path("type").asText())
        .isEqualTo("LoadBalancer");
    assertThat(r.resources()).filteredOn(x -> x.resource().getMetadata().getName().equals("cluster2"))
        .allMatch(x -> x.environment().equals("b"));
    assertThat(EckAdapter.toYaml(r.resources())).doesNotContain("c2VjcmV0OmtleQ==");
  }

  @Test
  void realSecretDataOnlyWhenAsked() {
    LinkMaterials materials =
        LinkMaterials.of(Map.of("local/far", new Credential("c2VjcmV0OmtleQ==")), Map.of(), Map.of());
    EckAdapter adapter =
        EckAdapter.of(EckOptions.defaults().withMaterials(materials).withRenderSecretData(true));
    RenderResult.Rendered r = rendered(adapter, Topologies.OTHER_ENV_API_KEY);
    assertThat(find(r, "Secret", "cluster1-remote-credentials").path("stringData")
            .path("cluster.remote.far.credentials").asText())
        .isEqualTo("c2VjcmV0OmtleQ==");
    assertThat(r.pending()).singleElement().asString().contains("CA of [remote]");
  }

  /**
   * Before ECK 3.3 the Service is ours; it matches what ECK's {@code NewRemoteClusterService}
   * makes of a LoadBalancer template ({@code services_test.go}): port {@code rcs} TCP 9443, ECK's
   * selector, not-ready addresses published.
   */
  @Test
  void olderEckGetsASeparateLoadBalancerService() {
    EckAdapter adapter = EckAdapter.of(EckOptions.defaults().withEckVersion(EsVersion.of(3, 2, 0)));
    RenderResult.Rendered r = rendered(adapter, Topologies.OTHER_ENV_API_KEY);
    JsonNode svc = find(r, "Service", "cluster2-es-remote-cluster-lb");
    assertThat(svc.path("metadata").path("namespace").asText()).isEqualTo("ns2");
    assertThat(svc.path("spec").path("type").asText()).isEqualTo("LoadBalancer");
    assertThat(svc.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
    assertThat(svc.path("spec").path("ports")).hasSize(1);
    assertThat(svc.path("spec").path("ports").get(0).path("name").asText()).isEqualTo("rcs");
    assertThat(svc.path("spec").path("ports").get(0).path("protocol").asText()).isEqualTo("TCP");
    assertThat(svc.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(9443);
    assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(9443);
    assertThat(svc.path("spec").path("selector")
            .path("elasticsearch.k8s.elastic.co/cluster-name").asText())
        .isEqualTo("cluster2");
    assertThat(svc.path("spec").path("selector").path("common.k8s.elastic.co/type").asText())
        .isEqualTo("elasticsearch");
    assertThat(svc.path("spec").path("selector")).hasSize(2);
    JsonNode remote = find(r, "Elasticsearch", "cluster2");
    assertThat(remote.path("spec").path("remoteClusterServer").has("service")).isFalse();
  }

  @Test
  void externalRemoteKeepsLinkOptionsAndWaitsForTheKey() {
    RenderResult.Rendered r = rendered(ADAPTER, Topologies.EXTERNAL_API_KEY);
    JsonNode config = find(r, "Elasticsearch", "cluster1").path("spec").path("nodeSets").get(0)
        .path("config");
    assertThat(config.path("cluster.remote.onprem.server_name").asText()).isEqualTo("es.example.com");
    assertThat(config.path("cluster.remote.onprem.skip_unavailable").asBoolean()).isTrue();
    assertThat(config.has("xpack.security.remote_cluster_client.ssl.certificate_authorities")).isFalse();
    assertThat(r.pending()).singleElement().asString()
        .contains("encoded cross-cluster API key for [onprem]", "remote-clusters-local-onprem",
            "never eck-");
  }

  @Test
  void otherEnvironmentCertificateTrustsCasBothWaysAndExposesTransport() {
    LinkMaterials m = LinkMaterials.of(Map.of(), Map.of(), Map.of("remote", "REMOTE-CA", "local", "LOCAL-CA"));
    RenderResult.Rendered r = rendered(EckAdapter.of(EckOptions.defaults().withMaterials(m)),
        Topologies.OTHER_ENV_CERT);
    JsonNode local = find(r, "Elasticsearch", "cluster1");
    assertThat(local.path("spec").path("transport").path("tls").path("certificateAuthorities")
            .path("configMapName").asText())
        .isEqualTo("cluster1-transport-cas");
    assertThat(find(r, "ConfigMap", "cluster1-transport-cas").path("data").path("ca.crt").asText())
        .contains("REMOTE-CA");
    assertThat(find(r, "ConfigMap", "cluster2-transport-cas").path("data").path("ca.crt").asText())
        .contains("LOCAL-CA");
    JsonNode remote = find(r, "Elasticsearch", "cluster2");
    assertThat(remote.path("spec").path("transport").path("service").path("spec").path("type").asText())
        .isEqualTo("LoadBalancer");
    assertThat(local.path("spec").path("nodeSets").get(0).path("config")
            .path("cluster.remote.certs.proxy_address").asText())
        .isEqualTo("transport.example.com:9300");
    assertThat(local.path("spec").path("nodeSets").get(0).path("config")
            .path("cluster.remote.certs.server_name").asText())
        .isEqualTo("cluster2-es-transport.ns2.svc");
  }

  @Test
  void elasticCloudToEckOnlyPreparesTheEckSide() {
    RenderResult.Rendered r = rendered(ADAPTER, Topologies.ECH_TO_ECK_API_KEY);
    assertThat(r.resources()).singleElement().satisfies(x -> {
      JsonNode es = JSON.valueToTree(x.resource());
      assertThat(es.path("metadata").path("name").asText()).isEqualTo("cluster2");
      assertThat(es.path("spec").path("remoteClusterServer").path("enabled").asBoolean()).isTrue();
    });
  }

  @Test
  void eckToElasticCloudUsesTheProxyHostAsServerNameAndNeedsNoCa() {
    String yaml = """
        clusters:
          - name: local
            version: "9.1.0"
            deployment: eck
            eck: {name: cluster1, namespace: ns1}
          - name: cloud
            version: "9.1.0"
            deployment: ech
            remoteClusterAddress: "abc.es.us-east-1.aws.elastic-cloud.com:9443"
        links:
          - local: local
            remote: cloud
            alias: cloud
            security: api-key
            access: {search: [{names: ["logs-*"]}]}
        """;
    RenderResult.Rendered r = rendered(ADAPTER, yaml);
    JsonNode config = find(r, "Elasticsearch", "cluster1").path("spec").path("nodeSets").get(0)
        .path("config");
    assertThat(config.path("cluster.remote.cloud.proxy_address").asText())
        .isEqualTo("abc.es.us-east-1.aws.elastic-cloud.com:9443");
    assertThat(config.path("cluster.remote.cloud.server_name").asText())
        .isEqualTo("abc.es.us-east-1.aws.elastic-cloud.com");
    assertThat(r.pending()).singleElement().asString().contains("API key");
  }

  @Test
  void selfManagedToEckWithCertificatesExposesTransportAndTrustsTheLocalCa() {
    String yaml = """
        clusters:
          - name: onprem
            version: "8.19.3"
            deployment: self-managed
            transportAddress: "es.example.com:9300"
          - name: remote
            version: "8.19.3"
            deployment: eck
            eck: {name: cluster2, namespace: ns2}
            transportAddress: "lb.example.com:9300"
        links:
          - local: onprem
            remote: remote
            alias: to-eck
            security: certificate
        """;
    LinkMaterials m = LinkMaterials.of(Map.of(), Map.of(), Map.of("onprem", "ONPREM-CA"));
    RenderResult.Rendered r = rendered(EckAdapter.of(EckOptions.defaults().withMaterials(m)), yaml);
    JsonNode remote = find(r, "Elasticsearch", "cluster2");
    assertThat(remote.path("spec").path("transport").path("service").path("spec").path("type").asText())
        .isEqualTo("LoadBalancer");
    assertThat(remote.path("spec").path("transport").path("tls").path("certificateAuthorities")
            .path("configMapName").asText())
        .isEqualTo("cluster2-transport-cas");
    assertThat(find(r, "ConfigMap", "cluster2-transport-cas").path("data").path("ca.crt").asText())
        .isEqualTo("ONPREM-CA\n");
    assertThat(r.pending()).isEmpty();
  }

  @Test
  void yamlIsMultiDocumentAndEveryResourceHasItsIdentity() throws IOException {
    RenderResult.Rendered r = rendered(ADAPTER, Topologies.OTHER_ENV_API_KEY);
    String yaml = EckAdapter.toYaml(r.resources());
    assertThat(yaml).startsWith("---\n");
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(yaml)) {
      it.forEachRemaining(docs::add);
    }
    assertThat(docs).hasSize(r.resources().size());
    for (JsonNode d : docs) {
      assertThat(d.path("apiVersion").asText()).isNotEmpty();
      assertThat(d.path("kind").asText()).isNotEmpty();
      assertThat(d.path("metadata").path("name").asText()).isNotEmpty();
      assertThat(d.path("metadata").path("namespace").asText()).isNotEmpty();
    }
    JsonNode list = JSON.readTree(EckAdapter.toJson(r.resources()));
    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items")).hasSize(docs.size());
  }

  // ------------------------------------------------------------------ validation

  @Test
  void apiKeysNeed810() {
    List<Problem> p = rejected(Topologies.SAME_ENV_API_KEY.replace("8.19.3", "8.9.2"));
    assertThat(p).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.SECURITY_UNSUPPORTED);
      assertThat(x.message()).contains("8.10", "8.9.2");
    });
  }

  @Test
  void apiKeysBefore814AreAWarning() {
    RenderResult.Rendered r =
        rendered(ADAPTER, Topologies.SAME_ENV_API_KEY.replace("8.19.3", "8.12.1"));
    assertThat(r.problems()).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.SECURITY_BETA);
      assertThat(x.isError()).isFalse();
      assertThat(x.message()).contains("8.14");
    });
  }

  @Test
  void duplicateAliasesAreRejected() {
    String yaml = Topologies.SAME_ENV_CERT + """
          - local: local
            remote: remote
            alias: cert-link
            security: certificate
        """;
    assertThat(rejected(yaml)).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.ALIAS_COLLISION);
      assertThat(x.path()).isEqualTo("links[1].alias");
    });
  }

  @Test
  void oneCheckerSaysEachProblemOnce() {
    // the core plans every link; the adapter adds only what ECK adds, so no problem is said twice
    String yaml = Topologies.SAME_ENV_API_KEY
        .replace("search: [{names: [\"logs-*\"]}]",
            "search: [{names: [\"logs-*\"], query: \"{}\"}, {names: [\"x\"]}]")
        .replace("security: api-key", "security: api-key\n    mode: proxy\n    skipUnavailable: true");
    List<Problem> problems = ADAPTER.render(Topologies.parse(yaml), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create()).problems();
    assertThat(problems).extracting(Problem::code).contains(ProblemCode.ECK_UNSUPPORTED);
    assertThat(problems).extracting(p -> p.code() + " " + p.path()).doesNotHaveDuplicates();
  }

  @Test
  void selfReferencesAreRejected() {
    String yaml = Topologies.SAME_ENV_CERT.replace("eck: {name: cluster2, namespace: ns2}",
        "eck: {name: cluster1, namespace: ns1}");
    assertThat(rejected(yaml)).anySatisfy(x -> assertThat(x.code()).isEqualTo(ProblemCode.SELF_LINK));
  }

  @Test
  void externalRemoteWithoutRemoteClusterServerIsReportedAndPending() {
    String yaml = Topologies.EXTERNAL_API_KEY.replace("remoteClusterServer: true", "remoteClusterServer: false");
    RenderResult.Rendered r = rendered(ADAPTER, yaml);
    assertThat(r.problems()).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.REMOTE_CLUSTER_SERVER_DISABLED);
    });
    assertThat(r.pending()).anySatisfy(x -> assertThat(x).contains("remote_cluster_server"));
  }

  @Test
  void sameEnvironmentRemoteWithoutServerIsEnabledWithAWarning() {
    String yaml = Topologies.SAME_ENV_API_KEY.replace("eck: {name: cluster2, namespace: ns2}",
        "eck: {name: cluster2, namespace: ns2}\n    remoteClusterServer: false");
    RenderResult.Rendered r = rendered(ADAPTER, yaml);
    assertThat(r.problems()).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.REMOTE_CLUSTER_SERVER_DISABLED);
      assertThat(x.message()).contains("not enabled");
    });
  }

  @Test
  void unsupportedVersionPairsAreRejectedThroughTheCompatModule() {
    String yaml = Topologies.SAME_ENV_CERT.replaceFirst("8.19.3", "9.0.1");
    assertThat(rejected(yaml)).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.VERSION_UNSUPPORTED);
      assertThat(x.message()).contains("9.0.1", "8.19.3");
    });
  }

  @Test
  void accessEckCannotExpressIsRejectedWithTheUnmanagedPath() {
    String yaml = Topologies.SAME_ENV_API_KEY.replace("search: [{names: [\"logs-*\"]}]",
        "search: [{names: [\"a\"]}, {names: [\"b\"]}]");
    assertThat(rejected(yaml)).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.ECK_UNSUPPORTED);
      assertThat(x.message()).contains("2", "different ECK environments");
    });
  }

  @Test
  void linkOptionsEckCannotExpressAreRejected() {
    String yaml = Topologies.SAME_ENV_CERT.replace("security: certificate",
        "security: certificate\n    mode: proxy\n    skipUnavailable: true");
    List<Problem> problems = rejected(yaml);
    assertThat(problems).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.ECK_UNSUPPORTED);
      assertThat(x.message()).contains("proxy", "different ECK environments");
    });
    assertThat(problems).anySatisfy(x -> assertThat(x.message()).contains("skipUnavailable"));
  }

  @Test
  void fieldSecurityGetsTheEmptyExceptEckRequires() {
    String yaml = Topologies.SAME_ENV_API_KEY.replace("search: [{names: [\"logs-*\"]}]",
        "search: {names: logs, field_security: {grant: [\"a\"]}}");
    JsonNode search = find(rendered(ADAPTER, yaml), "Elasticsearch", "cluster1")
        .path("spec").path("remoteClusters").get(0).path("apiKey").path("access").path("search");
    assertThat(search.path("names").get(0).asText()).isEqualTo("logs");
    assertThat(search.path("field_security").path("except").isArray()).isTrue();
    assertThat(search.path("field_security").path("except")).isEmpty();
  }

  @Test
  void missingAddressOfAnotherEnvironmentIsRejected() {
    String yaml = Topologies.OTHER_ENV_API_KEY.replace("remoteClusterAddress: \"rc.example.com:9443\"", "url: \"https://x:9200\"");
    assertThat(rejected(yaml)).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.ADDRESS_REQUIRED);
      assertThat(x.message()).contains("cluster2-es-remote-cluster");
    });
  }

  @Test
  void credentialsAndMaterialsNeverPrintTheirValues() {
    Credential c = new Credential("very-secret");
    assertThat(c.toString()).doesNotContain("very-secret");
    LinkMaterials m = LinkMaterials.of(Map.of("a/b", c), Map.of(), Map.of());
    assertThat(m.toString()).doesNotContain("very-secret").contains("a/b");
    assertThat(m.apiKey(io.github.remoteclusters.core.Link.of("a", "x", "b"))).isEqualTo(Optional.of(c));
  }

  @Test
  void aPrivateCaRemoteWithoutItsCaIsPendingAndAStatedCaFileIsRendered() {
    String withoutCa = Topologies.EXTERNAL_API_KEY.replace("remoteClusterCa: public", "");
    RenderResult.Rendered r = rendered(ADAPTER, withoutCa);
    assertThat(r.pending()).anySatisfy(p -> assertThat(p)
        .contains("the CA of [onprem]'s remote cluster server", "remoteClusterCa"));
    assertThat(r.resources()).noneMatch(x -> x.resource().getKind().equals("ConfigMap"));
  }
}
