package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 in the ECK render: per operator version (no {@code remoteClusterServer.service} before
 * ECK 3.3), StackConfigPolicy only with an enterprise licence, trust filters that admit the
 * certificate peers, a broken {@code trust.yml} refused; and seeded generated topologies whose
 * every complete {@code Elasticsearch} validates against ECK's CRD schema, and against the 3.2
 * shape for clusters of an ECK 3.2 operator.
 */
class RenderFidelityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CERTS = Path.of("..", "examples");

  @TempDir Path dir;

  private static Topology read(String yaml) {
    TopologyReadResult r = TopologyReader.parse(yaml, CERTS);
    assertThat(r.problems()).as(yaml).noneMatch(Problem::isError);
    return r.orElseThrow();
  }

  private RenderResult renderWithBase(Topology t) throws Exception {
    Path base = Files.createTempDirectory(dir, "base");
    for (Cluster c : t.clusters()) {
      if (c.eck() != null) {
        Files.writeString(base.resolve(c.eck().name() + "-" + c.eck().namespace() + ".yaml"),
            "apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n"
                + "  name: " + c.eck().name() + "\n  namespace: " + c.eck().namespace() + "\n"
                + "spec:\n  version: " + c.version() + "\n  nodeSets:\n"
                + "    - name: default\n      count: 3\n");
      }
    }
    EckAdapter adapter = EckAdapter.of(EckOptions.defaults());
    return t.clusters().stream().anyMatch(c -> c.eck() != null)
        ? adapter.render(t, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(t), EckAdapter.readManifests(base))
        : adapter.render(t, io.github.remoteclusters.core.plan.RemoteClusterPlanner.create());
  }

  private static JsonNode find(RenderResult r, String kind, String name) {
    return ((RenderResult.Rendered) r).resources().stream()
        .map(RenderedResource::resource)
        .filter(x -> x.getKind().equals(kind) && x.getMetadata().getName().equals(name))
        .<JsonNode>map(JSON::valueToTree)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  /**
   * ECK 3.3 added {@code spec.remoteClusterServer.service} (ECK PR #8892); the docs for ECK 3.0 to
   * 3.2 expose {@code <name>-es-remote-cluster} with a separate LoadBalancer Service.
   */
  @Test
  void eck32HasNoRemoteClusterServiceTemplateInPlanOrRender() throws Exception {
    Topology t = read("""
        clusters:
          - {name: a, version: "9.1.5", deployment: self-managed, license: enterprise}
          - {name: b, version: "9.1.5", deployment: eck, license: enterprise,
             remoteClusterServer: true, remoteClusterAddress: "b.example.com:9443",
             remoteClusterCa: certs/eck-logs-dc1-ca.crt,
             eck: {name: logs, namespace: ns, environment: k, operatorVersion: "3.2.0"}}
        links:
          - {local: a, remote: b, alias: b, access: {search: [{names: ["*"]}]}}
        """);
    RenderResult r = renderWithBase(t);
    assertThat(r).as("%s", r.problems()).isInstanceOf(RenderResult.Rendered.class);
    JsonNode es = find(r, "Elasticsearch", "logs");
    assertThat(es.at("/spec/remoteClusterServer/enabled").asBoolean()).isTrue();
    assertThat(es.at("/spec/remoteClusterServer").has("service")).isFalse();
    assertThat(EckCrdSchema.errors32(JSON.writeValueAsString(es))).isEmpty();
    assertThat(find(r, "Service", "logs-es-remote-cluster-lb").at("/spec/type").asText())
        .isEqualTo("LoadBalancer");
    String plan = io.github.remoteclusters.core.plan.PlanFormatter.toJson(
        io.github.remoteclusters.core.plan.RemoteClusterPlanner.create().plan(t));
    assertThat(plan).doesNotContain("\"service\":{\"spec\"");
  }

  @Test
  void theThreeTwoShapeRefusesTheServiceTemplate() {
    String es = "{\"apiVersion\":\"elasticsearch.k8s.elastic.co/v1\",\"kind\":\"Elasticsearch\","
        + "\"metadata\":{\"name\":\"x\"},\"spec\":{\"version\":\"9.1.0\","
        + "\"nodeSets\":[{\"name\":\"default\",\"count\":1}],"
        + "\"remoteClusterServer\":{\"enabled\":true,\"service\":{\"spec\":{\"type\":\"LoadBalancer\"}}}}}";
    assertThat(EckCrdSchema.errors(es)).isEmpty();
    assertThat(EckCrdSchema.errors32(es)).anySatisfy(e -> assertThat(e).contains("service"));
  }

  /**
   * ECK's docs, Elastic Stack configuration policies: "This requires a valid Enterprise license or
   * Enterprise trial license"; without it ECK ignores the policy, so the settings go into the
   * nodeSet config instead.
   */
  @Test
  void theStackConfigPolicyOnlyWithAnEnterpriseLicence() throws Exception {
    String yaml = """
        clusters:
          - {name: a, version: "9.1.5", deployment: eck%s,
             eck: {name: search, namespace: ns, environment: k, operatorVersion: "3.3.0"}}
          - {name: b, version: "9.1.5", deployment: self-managed, license: enterprise,
             transportAddress: "b.example.com:9300", serverName: b.example.com,
             transportCa: certs/dc-archive-ca.crt}
        links:
          - {local: a, remote: b, alias: b, security: certificate}
        """;
    for (String licence : List.of("", ", license: platinum", ", license: basic")) {
      RenderResult r = renderWithBase(read(yaml.formatted(licence)));
      assertThat(r).as("%s", r.problems()).isInstanceOf(RenderResult.Rendered.class);
      assertThat(((RenderResult.Rendered) r).resources())
          .noneMatch(x -> x.resource().getKind().equals("StackConfigPolicy"));
      JsonNode es = find(r, "Elasticsearch", "search");
      assertThat(es.at("/spec/nodeSets/0/config").path("cluster.remote.b.proxy_address").asText())
          .isEqualTo("b.example.com:9300");
      boolean warned = r.problems().stream().anyMatch(p -> p.code() == ProblemCode.LICENSE_UNKNOWN
          && p.message().contains("StackConfigPolicy is an enterprise feature"));
      assertThat(warned).as(licence).isEqualTo(licence.isEmpty());
    }
    RenderResult r = renderWithBase(read(yaml.formatted(", license: enterprise")));
    assertThat(((RenderResult.Rendered) r).resources())
        .anyMatch(x -> x.resource().getKind().equals("StackConfigPolicy"));
  }

  /**
   * The docs (ec-enable-ccs-for-eck): the ECK line of the downloaded trust.yml must be replaced
   * with {@code *.node.<cluster-name>.<namespace>.es.local}; left as it is, the render refuses
   * (exit 1) instead of writing a ConfigMap that keeps ECK's nodes out.
   */
  @Test
  void aTrustYmlWithoutTheEckNodesIsRefused() throws Exception {
    // ECK local, ECE remote: the ECK side trusts the ECE transport with the console's trust.yml
    Topology t = read("""
        clusters:
          - {name: search, version: "9.1.5", deployment: eck, license: enterprise,
             transportCa: certs/eck-logs-us-ca.crt,
             trustRestrictions: ["*.node.*.cluster.elastic.es.local.account", "*.ece.account"],
             eck: {name: search, namespace: elastic, environment: eu}}
          - {name: ece, version: "9.1.5", deployment: ece, license: enterprise,
             transportAddress: "ece.example.com:9400", transportCa: certs/ece-transport-ca.crt}
        links:
          - {local: search, remote: ece, alias: ece, security: certificate}
        """);
    RenderResult r = renderWithBase(t);
    assertThat(r).isInstanceOf(RenderResult.Rejected.class);
    assertThat(r.problems()).anySatisfy(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.path()).isEqualTo("links[0].local");
      assertThat(p.message()).contains("with \"*.node.search.elastic.es.local\"");
    });
  }

  /**
   * Elasticsearch's restricted trust manager checks every transport connection: the rendered
   * trust.yml of an ECK cluster also lists the nodes of its certificate-model ECK peers, whether
   * the Cloud deployment is its local or its remote.
   */
  @Test
  void theRenderedTrustFilterAdmitsTheCertificatePeers() throws Exception {
    for (boolean cloudIsLocal : List.of(true, false)) {
      String cloudLink = cloudIsLocal
          ? "{local: cloud, remote: k, alias: k, security: certificate}"
          : "{local: k, remote: cloud, alias: cloud, security: certificate}";
      Topology t = read("""
          clusters:
            - {name: cloud, version: "8.19.4", deployment: ech, license: enterprise,
               transportAddress: "cloud.example.com:9400", transportCa: certs/ece-transport-ca.crt}
            - {name: k, version: "8.19.4", deployment: eck, license: enterprise,
               transportAddress: "k.example.com:9300", transportCa: certs/eck-logs-dc1-ca.crt,
               trustRestrictions: ["*.node.logs.logging.es.local", "*.cluster.cloud.account"],
               eck: {name: logs, namespace: logging, environment: dc1}}
            - {name: peer, version: "8.19.4", deployment: eck, license: enterprise,
               eck: {name: metrics, namespace: obs, environment: dc1}}
          links:
            - %s
            - {local: peer, remote: k, alias: k, security: certificate}
          """.formatted(cloudLink));
      RenderResult r = renderWithBase(t);
      assertThat(r).as("%s", r.problems()).isInstanceOf(RenderResult.Rendered.class);
      JsonNode trust = find(r, "ConfigMap", "logs-trust-restrictions");
      assertThat(trust.at("/data/trust.yml").asText())
          .contains("\"*.node.logs.logging.es.local\"")
          .contains("\"*.node.metrics.obs.es.local\"");
      JsonNode es = find(r, "Elasticsearch", "logs");
      assertThat(es.at("/spec/nodeSets/0/config")
          .path("xpack.security.transport.ssl.trust_restrictions.path").isTextual()).isTrue();
    }
  }

  @Test
  void generatedTopologiesRenderValidElasticsearchPerOperatorVersion() throws Exception {
    long first = 19_000;
    int rendered = 0;
    for (long seed = first; seed < first + 120; seed++) {
      String yaml = generated(seed);
      Topology t = read(yaml);
      RenderResult r = renderWithBase(t);
      if (!(r instanceof RenderResult.Rendered)) {
        continue;
      }
      rendered++;
      Map<String, Cluster> byEs = new java.util.HashMap<>();
      t.clusters().stream().filter(c -> c.eck() != null)
          .forEach(c -> byEs.put(c.eck().namespace() + "/" + c.eck().name(), c));
      for (RenderedResource x : ((RenderResult.Rendered) r).resources()) {
        if (!x.resource().getKind().equals("Elasticsearch") || x.partial()) {
          continue;
        }
        String json = JSON.writeValueAsString(x.resource());
        assertThat(EckCrdSchema.errors(json)).as("seed %s %s\n%s", seed, x.describe(), yaml)
            .isEmpty();
        Cluster c = byEs.get(x.resource().getMetadata().getNamespace() + "/"
            + x.resource().getMetadata().getName());
        if (c != null && c.eck().operatorVersion() != null
            && !c.eck().operatorVersion().isAtLeast(3, 3)) {
          assertThat(EckCrdSchema.errors32(json)).as("seed %s %s (ECK %s)\n%s", seed,
              x.describe(), c.eck().operatorVersion(), yaml).isEmpty();
        }
      }
    }
    assertThat(rendered).as("generated topologies that render").isGreaterThan(20);
  }

  /** An ECK-heavy topology: ECK clusters of two operators (3.2, 3.3, 3.5), Cloud, self-managed. */
  static String generated(long seed) {
    Random r = new Random(seed);
    String[] operators = {"3.2.0", "3.3.0", "3.5.0"};
    String[] kinds = {"eck", "eck", "eck", "ech", "self-managed"};
    StringBuilder y = new StringBuilder("# seed " + seed + "\nclusters:\n");
    int n = 2 + r.nextInt(3);
    List<String> eckNames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String kind = kinds[r.nextInt(kinds.length)];
      y.append("  - {name: c").append(i).append(", version: \"9.1.5\", deployment: ").append(kind)
          .append(", license: ").append(r.nextInt(4) == 0 ? "platinum" : "enterprise")
          .append(", remoteClusterServer: true, remoteClusterAddress: \"c").append(i)
          .append(".example.com:9443\", transportAddress: \"c").append(i)
          .append(kind.equals("ech") ? ".example.com:9400\"" : ".example.com:9300\"")
          .append(", transportCa: certs/eck-logs-dc1-ca.crt, remoteClusterCa: certs/eck-logs-dc1-ca.crt");
      if (kind.equals("eck")) {
        String env = r.nextBoolean() ? "a" : "b";
        y.append(", eck: {name: es").append(i).append(", namespace: ns, environment: ").append(env)
            .append(", operatorVersion: \"").append(operators[r.nextInt(operators.length)])
            .append("\"}");
        if (r.nextBoolean()) {
          y.append(", trustRestrictions: [\"*.node.es").append(i).append(".ns.es.local\"]");
        }
        eckNames.add("c" + i);
      }
      y.append("}\n");
    }
    y.append("links:\n");
    for (int i = 0; i < 1 + r.nextInt(3); i++) {
      int local = r.nextInt(n);
      int remote = (local + 1 + r.nextInt(n - 1)) % n;
      boolean apiKey = r.nextBoolean();
      y.append("  - {local: c").append(local).append(", remote: c").append(remote)
          .append(", alias: l").append(i).append(", security: ")
          .append(apiKey ? "api-key, access: {search: [{names: [\"logs-*\"]}]}" : "certificate")
          .append("}\n");
    }
    return y.toString();
  }
}
