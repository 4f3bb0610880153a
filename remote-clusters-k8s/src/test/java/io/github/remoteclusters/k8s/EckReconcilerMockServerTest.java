package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.k8s.internal.KubeOps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciles against fabric8's Kubernetes mock server in CRUD mode: no real API server (and no
 * ECK operator) can run here. The mock does not implement server-side apply (it answers 415), so
 * these tests use {@link ApplyMode#CREATE_OR_PATCH}; {@link #serverSideApplyIsNotSupportedByTheMock}
 * pins that.
 */
@EnableKubernetesMockClient(crud = true)
class EckReconcilerMockServerTest {

  KubernetesClient client;

  private static final EckOptions PATCH = EckOptions.defaults().withApplyMode(ApplyMode.CREATE_OR_PATCH);
  private static final Credential KEY = new Credential("ZW5jb2RlZDprZXk=");
  private static final LinkMaterials MATERIALS =
      LinkMaterials.of(
          Map.of("local/far", KEY, "local/onprem", KEY),
          Map.of("remote", "-----BEGIN CERTIFICATE-----\nRCS\n-----END CERTIFICATE-----"),
          Map.of("remote", "REMOTE-TRANSPORT-CA", "local", "LOCAL-TRANSPORT-CA"));

  @BeforeEach
  void elasticsearches() {
    es("ns1", "cluster1", List.of(Map.of("name", "user-alias",
        "elasticsearchRef", Map.of("name", "other"))));
    es("ns2", "cluster2", List.of());
  }

  private void es(String ns, String name, List<Map<String, Object>> remoteClusters) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("version", "8.19.3");
    spec.put("nodeSets", List.of(
        Map.of("name", "hot", "count", 3, "config", Map.of("node.roles", List.of("data_hot"))),
        Map.of("name", "cold", "count", 1)));
    if (!remoteClusters.isEmpty()) {
      spec.put("remoteClusters", remoteClusters);
    }
    GenericKubernetesResource es = new GenericKubernetesResourceBuilder()
        .withApiVersion("elasticsearch.k8s.elastic.co/v1")
        .withKind("Elasticsearch")
        .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace(ns).resource(es).create();
  }

  private GenericKubernetesResource get(String ns, String name) {
    return client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace(ns).withName(name).get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource r) {
    return (Map<String, Object>) r.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    return (List<Map<String, Object>>) m.getOrDefault(key, List.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.getOrDefault(key, Map.of());
  }

  private ReconcileOutcome reconcile(String yaml, String env, LinkMaterials m) {
    Topology t = Topologies.parse(yaml);
    return EckAdapter.of(PATCH.withMaterials(m)).reconciler(client, env, ConnectionProbe.unknown()).reconcile(t, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
  }

  @Test
  void aLinkTheUsersPlannerRejectsIsNotWritten() {
    GenericKubernetesResource before = get("ns1", "cluster1");
    io.github.remoteclusters.core.plan.RemoteClusterPlanner rejecting =
        io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().withAccessValidator(
            (access, path, version) -> List.of(new io.github.remoteclusters.core.Problem(
                io.github.remoteclusters.core.ProblemCode.ACCESS_INVALID, path, "refused")));
    ReconcileOutcome o = EckAdapter.of(PATCH).reconciler(client, "default", ConnectionProbe.unknown())
        .reconcile(Topologies.parse(Topologies.SAME_ENV_API_KEY), rejecting);
    assertThat(o.ok()).isFalse();
    assertThat(o.changes()).isEmpty();
    assertThat(spec(get("ns1", "cluster1"))).isEqualTo(spec(before));
    assertThat(spec(get("ns2", "cluster2"))).doesNotContainKey("remoteClusterServer");
  }

  @Test
  void sameEnvironmentIsAppliedKeepingTheUsersAlias() {
    ReconcileOutcome o = reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    assertThat(o.ok()).as("%s", o).isTrue();
    assertThat(o.changes()).extracting(ResourceChange::action).containsOnly(ChangeAction.UPDATED);
    Map<String, Object> local = spec(get("ns1", "cluster1"));
    assertThat(list(local, "remoteClusters")).extracting(e -> e.get("name"))
        .containsExactly("user-alias", "to-cluster2");
    assertThat(get("ns1", "cluster1").getMetadata().getAnnotations())
        .containsEntry("remoteclusters.github.io/managed-remote-clusters", "to-cluster2");
    assertThat(map(spec(get("ns2", "cluster2")), "remoteClusterServer")).containsEntry("enabled", true);
    // ECK has not yet configured the alias (no operator runs here)
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.PENDING);
      assertThat(l.message()).contains("waiting for ECK");
      assertThat(l.connected()).isNull();
    });
    assertThat(o.rescheduleAfter()).isPresent();
  }

  @Test
  void secondReconcileChangesNothing() {
    reconcile(Topologies.OTHER_ENV_API_KEY, "a", MATERIALS);
    reconcile(Topologies.OTHER_ENV_API_KEY, "b", MATERIALS);
    String v1 = get("ns1", "cluster1").getMetadata().getResourceVersion();
    String v2 = get("ns2", "cluster2").getMetadata().getResourceVersion();
    ReconcileOutcome a = reconcile(Topologies.OTHER_ENV_API_KEY, "a", MATERIALS);
    ReconcileOutcome b = reconcile(Topologies.OTHER_ENV_API_KEY, "b", MATERIALS);
    assertThat(a.changed()).as("%s", a.changes()).isFalse();
    assertThat(b.changed()).as("%s", b.changes()).isFalse();
    assertThat(get("ns1", "cluster1").getMetadata().getResourceVersion()).isEqualTo(v1);
    assertThat(get("ns2", "cluster2").getMetadata().getResourceVersion()).isEqualTo(v2);
    assertThat(a.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.CONFIGURED));
    // the key is in the Secret, never in what the adapter reports
    assertThat(a.toString() + b.toString() + MATERIALS).doesNotContain(KEY.value());
  }

  @Test
  void otherEnvironmentWritesSettingsSecretAndCa() {
    ReconcileOutcome o = reconcile(Topologies.OTHER_ENV_API_KEY, "a", MATERIALS);
    assertThat(o.ok()).as("%s", o).isTrue();
    assertThat(o.changes()).extracting(Object::toString).contains(
        "CREATED Secret ns1/cluster1-remote-credentials",
        "CREATED ConfigMap ns1/cluster1-remote-ca",
        "UPDATED Elasticsearch ns1/cluster1");
    Map<String, Object> spec = spec(get("ns1", "cluster1"));
    for (Map<String, Object> set : list(spec, "nodeSets")) {
      assertThat(map(set, "config"))
          .containsEntry("cluster.remote.far.mode", "proxy")
          .containsEntry("cluster.remote.far.proxy_address", "rc.example.com:9443")
          .containsEntry("xpack.security.remote_cluster_client.ssl.enabled", true);
      assertThat(list(map(map(set, "podTemplate"), "spec"), "volumes"))
          .extracting(v -> v.get("name")).containsExactly("remote-clusters-remote-ca");
    }
    assertThat(map(list(spec, "nodeSets").get(0), "config")).containsEntry("node.roles", List.of("data_hot"));
    assertThat(list(spec, "secureSettings")).extracting(s -> s.get("secretName"))
        .containsExactly("cluster1-remote-credentials");
    Secret s = client.secrets().inNamespace("ns1").withName("cluster1-remote-credentials").get();
    assertThat(new String(Base64.getDecoder().decode(s.getData().get("cluster.remote.far.credentials")),
        StandardCharsets.UTF_8)).isEqualTo(KEY.value());
    // the remote side lives in environment b: this reconciler leaves it alone
    assertThat(spec(get("ns2", "cluster2"))).doesNotContainKey("remoteClusterServer");
    ReconcileOutcome b = reconcile(Topologies.OTHER_ENV_API_KEY, "b", MATERIALS);
    assertThat(map(spec(get("ns2", "cluster2")), "remoteClusterServer"))
        .containsEntry("enabled", true)
        .containsEntry("service", Map.of("spec", Map.of("type", "LoadBalancer")));
    assertThat(b.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.CONFIGURED));
  }

  @Test
  void casOfEckClustersAreReadFromTheirPublicSecretAndFollowRotation() {
    client.secrets().inNamespace("ns2").resource(new SecretBuilder().withNewMetadata()
        .withName("cluster2-es-transport-certs-public").withNamespace("ns2").endMetadata()
        .addToData("ca.crt", Base64.getEncoder().encodeToString("CA-1".getBytes(StandardCharsets.UTF_8)))
        .build()).create();
    LinkMaterials m = EckMaterials.readingCas(Map.of("b", client),
        LinkMaterials.of(Map.of("local/far", KEY), Map.of(), Map.of()));
    ReconcileOutcome o = reconcile(Topologies.OTHER_ENV_API_KEY, "a", m);
    assertThat(o.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.CONFIGURED));
    assertThat(client.configMaps().inNamespace("ns1").withName("cluster1-remote-ca").get().getData())
        .containsEntry("far-ca.crt", "CA-1");
    client.secrets().inNamespace("ns2").withName("cluster2-es-transport-certs-public").edit(s -> {
      s.getData().put("ca.crt", Base64.getEncoder().encodeToString("CA-2".getBytes(StandardCharsets.UTF_8)));
      return s;
    });
    ReconcileOutcome rotated = reconcile(Topologies.OTHER_ENV_API_KEY, "a", m);
    assertThat(rotated.changes()).extracting(Object::toString)
        .contains("UPDATED ConfigMap ns1/cluster1-remote-ca", "UNCHANGED Elasticsearch ns1/cluster1");
    assertThat(client.configMaps().inNamespace("ns1").withName("cluster1-remote-ca").get().getData())
        .containsEntry("far-ca.crt", "CA-2");
  }

  @Test
  void missingApiKeyLeavesTheLinkPendingWithoutWritingAPlaceholder() {
    ReconcileOutcome o = reconcile(Topologies.EXTERNAL_API_KEY, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.PENDING);
      assertThat(l.message()).contains("encoded cross-cluster API key");
    });
    assertThat(client.secrets().inNamespace("ns1").withName("cluster1-remote-credentials").get()).isNull();
    assertThat(spec(get("ns1", "cluster1"))).doesNotContainKey("secureSettings");
    ReconcileOutcome later = reconcile(Topologies.EXTERNAL_API_KEY, "default", MATERIALS);
    assertThat(later.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.CONFIGURED));
    assertThat(spec(get("ns1", "cluster1"))).containsKey("secureSettings");
  }

  @Test
  void removingALinkDeletesWhatItCreatedAndOnlyThat() {
    reconcile(Topologies.OTHER_ENV_API_KEY, "a", MATERIALS);
    String empty = """
        clusters:
          - name: local
            version: "9.1.0"
            deployment: eck
            eck: {name: cluster1, namespace: ns1, environment: a}
        links: []
        """;
    ReconcileOutcome o = reconcile(empty, "a", MATERIALS);
    assertThat(o.ok()).as("%s", o).isTrue();
    assertThat(o.changes()).extracting(Object::toString).contains(
        "DELETED Secret ns1/cluster1-remote-credentials",
        "DELETED ConfigMap ns1/cluster1-remote-ca",
        "UPDATED Elasticsearch ns1/cluster1");
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.alias()).isEqualTo("far");
      assertThat(l.phase()).isEqualTo(LinkPhase.REMOVED);
    });
    GenericKubernetesResource es = get("ns1", "cluster1");
    Map<String, Object> spec = spec(es);
    assertThat(list(spec, "remoteClusters")).extracting(e -> e.get("name")).containsExactly("user-alias");
    assertThat(spec).doesNotContainKey("secureSettings");
    assertThat(map(list(spec, "nodeSets").get(0), "config")).containsOnlyKeys("node.roles");
    assertThat(list(spec, "nodeSets").get(1)).doesNotContainKeys("config", "podTemplate");
    assertThat(es.getMetadata().getAnnotations() == null ? Map.of() : es.getMetadata().getAnnotations())
        .doesNotContainKeys("remoteclusters.github.io/managed-remote-clusters",
            "remoteclusters.github.io/owned-fields");
    assertThat(reconcile(empty, "a", MATERIALS).changed()).isFalse();
  }

  @Test
  void absentLinkAndClusterDroppedFromTheTopologyAreCleanedUp() {
    reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    String absent = Topologies.SAME_ENV_API_KEY.replace("security: api-key", "security: api-key\n    state: absent");
    ReconcileOutcome o = reconcile(absent, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.REMOVED);
      assertThat(l.remote()).isEqualTo("remote");
    });
    assertThat(list(spec(get("ns1", "cluster1")), "remoteClusters")).extracting(e -> e.get("name"))
        .containsExactly("user-alias");
    assertThat(spec(get("ns2", "cluster2"))).doesNotContainKey("remoteClusterServer");

    reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    ReconcileOutcome gone = reconcile("clusters: []\n", "default", LinkMaterials.none());
    assertThat(gone.changes()).extracting(Object::toString)
        .contains("UPDATED Elasticsearch ns1/cluster1", "UPDATED Elasticsearch ns2/cluster2");
    assertThat(list(spec(get("ns1", "cluster1")), "remoteClusters")).hasSize(1);
  }

  @Test
  void aliasDefinedByTheUserIsNotTakenOver() {
    String yaml = Topologies.SAME_ENV_CERT.replace("alias: cert-link", "alias: user-alias");
    ReconcileOutcome o = reconcile(yaml, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains("user-alias", "someone else");
    });
    assertThat(list(spec(get("ns1", "cluster1")), "remoteClusters")).singleElement()
        .satisfies(e -> assertThat(e.get("elasticsearchRef")).isEqualTo(Map.of("name", "other")));
    assertThat(o.lastError()).isPresent();
  }

  @Test
  void aSecretOfTheSameNameThatIsNotOursIsLeftAlone() {
    client.secrets().inNamespace("ns1").resource(new SecretBuilder().withNewMetadata()
        .withName("cluster1-remote-credentials").withNamespace("ns1").endMetadata()
        .addToData("x", "eA==").build()).create();
    ReconcileOutcome o = reconcile(Topologies.OTHER_ENV_API_KEY, "a", MATERIALS);
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains("not managed by remote-clusters");
    });
    assertThat(o.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.RESOURCE_NOT_OWNED));
    assertThat(client.secrets().inNamespace("ns1").withName("cluster1-remote-credentials").get()
        .getData()).containsOnlyKeys("x");
  }

  @Test
  void certificateModelAcrossEnvironmentsTrustsTheOtherCa() {
    reconcile(Topologies.OTHER_ENV_CERT, "a", MATERIALS);
    reconcile(Topologies.OTHER_ENV_CERT, "b", MATERIALS);
    assertThat(client.configMaps().inNamespace("ns1").withName("cluster1-transport-cas").get()
        .getData().get("ca.crt")).contains("REMOTE-TRANSPORT-CA");
    assertThat(client.configMaps().inNamespace("ns2").withName("cluster2-transport-cas").get()
        .getData().get("ca.crt")).contains("LOCAL-TRANSPORT-CA");
    assertThat(map(map(spec(get("ns2", "cluster2")), "transport"), "service"))
        .isEqualTo(Map.of("spec", Map.of("type", "LoadBalancer")));
    assertThat(map(map(map(spec(get("ns1", "cluster1")), "transport"), "tls"), "certificateAuthorities"))
        .isEqualTo(Map.of("configMapName", "cluster1-transport-cas"));
  }

  @Test
  void olderEckGetsALoadBalancerServiceThatIsDeletedWithTheLink() {
    EckOptions old = PATCH.withEckVersion(io.github.remoteclusters.compat.EsVersion.of(3, 1, 0));
    Topology t = Topologies.parse(Topologies.ECH_TO_ECK_API_KEY);
    ReconcileOutcome o = EckAdapter.of(old).reconciler(client, "default", ConnectionProbe.unknown()).reconcile(t, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(o.changes()).extracting(Object::toString).contains("CREATED Service ns2/cluster2-es-remote-cluster-lb");
    assertThat(client.services().inNamespace("ns2").withName("cluster2-es-remote-cluster-lb").get()
        .getSpec().getType()).isEqualTo("LoadBalancer");
    // a real API server adds a node port and a cluster IP: still no change
    client.services().inNamespace("ns2").withName("cluster2-es-remote-cluster-lb").edit(svc -> {
      svc.getSpec().setClusterIP("10.0.0.7");
      svc.getSpec().getPorts().get(0).setNodePort(31443);
      return svc;
    });
    ReconcileOutcome again = EckAdapter.of(old).reconciler(client, "default", ConnectionProbe.unknown()).reconcile(t, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(again.changed()).as("%s", again.changes()).isFalse();
    Topology none = Topologies.parse(Topologies.ECH_TO_ECK_API_KEY.replace("security: api-key", "security: api-key\n    state: absent"));
    ReconcileOutcome removed = EckAdapter.of(old).reconciler(client, "default", ConnectionProbe.unknown()).reconcile(none, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(removed.changes()).extracting(Object::toString).contains("DELETED Service ns2/cluster2-es-remote-cluster-lb");
  }

  @Test
  void connectionStatusComesFromTheProbe() {
    List<String> asked = new ArrayList<>();
    ReconcileOutcome o = EckAdapter.of(PATCH.withMaterials(MATERIALS))
        .reconciler(client, "default", (local, alias) -> {
          asked.add(local.name() + "/" + alias);
          return Optional.of(true);
        })
        .reconcile(Topologies.parse(Topologies.EXTERNAL_API_KEY), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(asked).containsExactly("local/onprem");
    assertThat(o.links()).singleElement().satisfies(l -> assertThat(l.connected()).isTrue());
  }

  @Test
  void topologyErrorsChangeNothing() {
    String bad = Topologies.SAME_ENV_API_KEY.replace("8.19.3", "8.9.0");
    ReconcileOutcome o = reconcile(bad, "default", LinkMaterials.none());
    assertThat(o.changes()).isEmpty();
    assertThat(o.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.FAILED));
    assertThat(spec(get("ns1", "cluster1"))).doesNotContainKey("secureSettings");
  }

  @Test
  void remoteClusterServerDisabledByTheUserIsNotOverridden() {
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns2").withName("cluster2")
        .edit(r -> {
          spec(r).put("remoteClusterServer", Map.of("enabled", false));
          return r;
        });
    ReconcileOutcome o = reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains("remoteClusterServer.enabled: false", "ns2/cluster2");
    });
    assertThat(map(spec(get("ns2", "cluster2")), "remoteClusterServer")).containsEntry("enabled", false);
  }

  @Test
  void liveVersionBelow810FailsApiKeyLinksLikeEcksWebhook() {
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns2").withName("cluster2")
        .edit(r -> {
          spec(r).put("version", "8.9.1");
          return r;
        });
    ReconcileOutcome o = reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains(
          "minimum required version for remote cluster server is 8.10.0 but desired version is"
              + " 8.9.1", "ns2/cluster2");
    });
    // ECK's webhook would reject the update: the field is not written
    assertThat(spec(get("ns2", "cluster2"))).doesNotContainKey("remoteClusterServer");
  }

  @Test
  void liveLocalVersionBelow810GetsNoApiKeyEntryNorClientSettings() {
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns1").withName("cluster1")
        .edit(r -> {
          spec(r).put("version", "8.9.1");
          return r;
        });
    ReconcileOutcome o = reconcile(Topologies.OTHER_ENV_API_KEY, "a", MATERIALS);
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains(
          "minimum required version for remote cluster using API keys is 8.10.0 but desired"
              + " version is 8.9.1");
    });
    Map<String, Object> spec = spec(get("ns1", "cluster1"));
    assertThat(spec).doesNotContainKey("secureSettings");
    for (Map<String, Object> set : list(spec, "nodeSets")) {
      assertThat(map(set, "config")).doesNotContainKeys(
          "cluster.remote.far.mode", "xpack.security.remote_cluster_client.ssl.enabled",
          "xpack.security.remote_cluster_client.ssl.certificate_authorities");
      assertThat(set).doesNotContainKey("podTemplate");
    }
  }

  @Test
  void sameEnvironmentLinkIsConfiguredOnceEckListsTheAlias() {
    reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns1").withName("cluster1")
        .edit(r -> {
          r.getMetadata().getAnnotations().put("elasticsearch.k8s.elastic.co/managed-remote-clusters", "to-cluster2,user-alias");
          return r;
        });
    ReconcileOutcome o = reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    assertThat(o.changed()).isFalse();
    assertThat(o.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.CONFIGURED));
    assertThat(get("ns1", "cluster1").getMetadata().getAnnotations())
        .containsEntry("elasticsearch.k8s.elastic.co/managed-remote-clusters", "to-cluster2,user-alias");
    // removing the link removes the entry; ECK's annotation is ECK's to shrink (it nulls the seeds
    // of to-cluster2 first, as in its TestUpdateSettings "Remove previously managed cluster")
    ReconcileOutcome removed = reconcile(Topologies.SAME_ENV_API_KEY.replaceAll("(?s)links:.*", "links: []"), "default", LinkMaterials.none());
    assertThat(removed.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.REMOVED));
    assertThat(list(spec(get("ns1", "cluster1")), "remoteClusters")).extracting(e -> e.get("name"))
        .containsExactly("user-alias");
    assertThat(get("ns1", "cluster1").getMetadata().getAnnotations())
        .containsEntry("elasticsearch.k8s.elastic.co/managed-remote-clusters", "to-cluster2,user-alias");
  }

  /** ECK's {@code Test_getCurrentRemoteClusters}: an empty annotation lists no alias. */
  @Test
  void emptyEckAnnotationListsNoAlias() {
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns1").withName("cluster1")
        .edit(r -> {
          r.getMetadata().setAnnotations(new HashMap<>(Map.of("elasticsearch.k8s.elastic.co/managed-remote-clusters", "")));
          return r;
        });
    ReconcileOutcome o = reconcile(Topologies.SAME_ENV_CERT, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> assertThat(l.phase()).isEqualTo(LinkPhase.PENDING));
    assertThat(get("ns1", "cluster1").getMetadata().getAnnotations())
        .containsEntry("elasticsearch.k8s.elastic.co/managed-remote-clusters", "");
  }

  @Test
  void missingElasticsearchIsAFailedLinkNotAnException() {
    client.genericKubernetesResources(KubeOps.ELASTICSEARCH).inNamespace("ns2").withName("cluster2").delete();
    ReconcileOutcome o = reconcile(Topologies.SAME_ENV_API_KEY, "default", LinkMaterials.none());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains("ns2/cluster2", "does not exist");
    });
  }

  @Test
  void serverSideApplyIsNotSupportedByTheMock() {
    ReconcileOutcome o = EckAdapter.of(EckOptions.defaults().withApplyMode(ApplyMode.SERVER_SIDE_APPLY))
        .reconciler(client, "default", ConnectionProbe.unknown())
        .reconcile(Topologies.parse(Topologies.SAME_ENV_CERT), io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
    assertThat(o.links()).singleElement().satisfies(l -> {
      assertThat(l.phase()).isEqualTo(LinkPhase.FAILED);
      assertThat(l.lastError()).contains("[Elasticsearch ns1/cluster1/apply] failed", "415");
    });
  }

  @Test
  void withEck33ConnectionSettingsGoThroughAStackConfigPolicyThatRemovalDeletes() {
    String withOperator = Topologies.OTHER_ENV_API_KEY.replace(
        "eck: {name: cluster1, namespace: ns1, environment: a}",
        // ECK applies a StackConfigPolicy only with an enterprise licence (issue 19 item 2)
        "eck: {name: cluster1, namespace: ns1, environment: a, operatorVersion: \"3.3.0\"}\n"
            + "    license: enterprise");
    ReconcileOutcome o = reconcile(withOperator, "a", MATERIALS);
    assertThat(o.ok()).as("%s", o).isTrue();
    assertThat(o.changes()).extracting(Object::toString)
        .contains("CREATED StackConfigPolicy ns1/cluster1-remote-clusters");
    GenericKubernetesResource policy = client
        .genericKubernetesResources(io.github.remoteclusters.k8s.internal.KubeOps.STACK_CONFIG_POLICY)
        .inNamespace("ns1").withName("cluster1-remote-clusters").get();
    Map<String, Object> policySpec = spec(policy);
    assertThat(map(map(policySpec, "elasticsearch"), "clusterSettings"))
        .containsEntry("cluster.remote.far.mode", "proxy")
        .containsEntry("cluster.remote.far.proxy_address", "rc.example.com:9443");
    assertThat(map(map(policySpec, "resourceSelector"), "matchLabels"))
        .containsEntry("remoteclusters.github.io/cluster-name", "cluster1");
    GenericKubernetesResource es = get("ns1", "cluster1");
    assertThat(es.getMetadata().getLabels())
        .containsEntry("remoteclusters.github.io/cluster-name", "cluster1");
    for (Map<String, Object> set : list(spec(es), "nodeSets")) {
      assertThat(set.get("config") == null ? Map.of() : map(set, "config"))
          .doesNotContainKey("cluster.remote.far.mode");
    }
    assertThat(reconcile(withOperator, "a", MATERIALS).changed()).isFalse();
    String empty = """
        clusters:
          - name: local
            version: "9.1.0"
            deployment: eck
            eck: {name: cluster1, namespace: ns1, environment: a, operatorVersion: "3.3.0"}
        links: []
        """;
    ReconcileOutcome removed = reconcile(empty, "a", MATERIALS);
    assertThat(removed.changes()).extracting(Object::toString)
        .contains("DELETED StackConfigPolicy ns1/cluster1-remote-clusters");
    assertThat(get("ns1", "cluster1").getMetadata().getLabels() == null
        ? Map.of() : get("ns1", "cluster1").getMetadata().getLabels())
        .doesNotContainKey("remoteclusters.github.io/cluster-name");
  }
}
