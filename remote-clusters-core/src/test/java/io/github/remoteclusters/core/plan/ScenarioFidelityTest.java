package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.EckNames;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19: the rules behind ten differences between our plans and what Elasticsearch and ECK
 * do, each from the docs' or ECK's own words (cited per test), then checked on seeded generated
 * topologies across deployments ({@link GeneratedTopologies}, the seed in every message).
 */
class ScenarioFidelityTest {

  private static final List<GeneratedTopologies.Generated> GENERATED =
      GeneratedTopologies.generate(7700, 400);

  private static Topology read(String yaml) {
    return TopologyReader.parse(yaml, GeneratedTopologies.EXAMPLES).orElseThrow();
  }

  private static List<Problem> problems(String yaml) {
    return RemoteClusterPlanner.create().plan(read(yaml)).problems();
  }

  // ------------------------------------------------------------------ 1. public transport CA

  /**
   * ECK's {@code pkg/controller/elasticsearch/settings/merged_config.go} always sets {@code
   * xpack.security.transport.ssl.certificate_authorities} to its own two files, and Elasticsearch
   * trusts on the transport layer only the configured CAs (Elastic docs, "Security settings in
   * Elasticsearch", transport TLS/SSL settings): a public root is never used, and would admit any
   * holder of a certificate from it.
   */
  @ParameterizedTest
  @CsvSource({"eck,ech", "self-managed,self-managed", "ece,eck", "eck,eck"})
  void aPublicTransportCaIsRefusedWithCertificates(String local, String remote) {
    String yaml = """
        clusters:
          - {name: a, version: "8.19.4", deployment: %s, license: enterprise%s}
          - {name: b, version: "8.19.4", deployment: %s, license: enterprise, transportCa: public,
             transportAddress: "b.example.com:%s"%s}
        links:
          - {local: a, remote: b, alias: b, security: certificate}
        """.formatted(local, eck(local, "a", "x"), remote,
            remote.startsWith("ec") && !remote.equals("eck") ? "9400" : "9300",
            eck(remote, "b", "y"));
    List<Problem> p = problems(yaml);
    assertThat(p).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo(ProblemCode.INVALID_VALUE);
      assertThat(x.isError()).isTrue();
      assertThat(x.message()).contains("transportCa [public] of cluster [b]")
          .contains("xpack.security.transport.ssl.certificate_authorities")
          .contains("admit any node");
    });
  }

  private static String eck(String deployment, String name, String env) {
    return deployment.equals("eck")
        ? ", eck: {name: " + name + ", namespace: ns, environment: " + env + "}" : "";
  }

  @Test
  void generatedCertificateLinksWithAPublicTransportCaAreRejected() {
    for (GeneratedTopologies.Generated g : GENERATED) {
      Topology t = g.topology();
      TopologyPlan plan = RemoteClusterPlanner.create().plan(t);
      for (PlanResult r : plan.links()) {
        if (!(r instanceof PlanResult.Planned) || ((PlanResult.Planned) r).plan().security()
            != SecurityModel.CERTIFICATE) {
          continue;
        }
        Plan p = ((PlanResult.Planned) r).plan();
        Map<String, Cluster> byName = t.clustersByName();
        for (String c : List.of(p.local(), p.remote())) {
          assertThat(byName.get(c).transportCa() != null && byName.get(c).transportCa().isPublic())
              .as("%s links[%s]: planned with the public transportCa of [%s]", g, r.index(), c)
              .isFalse();
        }
      }
    }
  }

  // ------------------------------------------------------------------ 3. ECK 3.2

  /**
   * ECK 3.3 added {@code spec.remoteClusterServer.service} (ECK PR #8892; the 3.2.0 CRD has only
   * {@code enabled}); for ECK 3.0 to 3.2 the docs (eck-remote-clusters-to-other-eck) run {@code
   * kubectl expose service <name>-es-remote-cluster --name=<name>-es-remote-cluster-lb
   * --type=LoadBalancer --port=9443 --target-port=9443}.
   */
  @ParameterizedTest
  @CsvSource({"3.2.0,false", "3.0.0,false", "3.3.0,true", "3.5.0,true"})
  void theRemoteClusterServiceTemplateOnlyFromEck33(String operator, boolean template) {
    String yaml = """
        clusters:
          - {name: a, version: "9.1.5", deployment: self-managed, license: enterprise}
          - {name: b, version: "9.1.5", deployment: eck, license: enterprise,
             remoteClusterServer: true, remoteClusterAddress: "b.example.com:9443",
             remoteClusterCa: certs/eck-logs-dc1-ca.crt,
             eck: {name: logs, namespace: ns, environment: k, operatorVersion: "%s"}}
        links:
          - {local: a, remote: b, alias: b, access: {search: [{names: ["*"]}]}}
        """.formatted(operator);
    TopologyPlan plan = RemoteClusterPlanner.create().plan(read(yaml));
    String json = PlanFormatter.toJson(plan);
    String text = PlanFormatter.toText(plan);
    PlanStep expose = Plans.step(((PlanResult.Planned) plan.links().get(0)).plan(),
        StepAction.EXPOSE_SERVICE, PlanStep.class);
    if (template) {
      assertThat(expose).isInstanceOf(EckResourceStep.class);
      assertThat(json).contains("\"service\":{\"spec\":{\"type\":\"LoadBalancer\"}}");
    } else {
      assertThat(expose).isInstanceOf(ManualStep.class);
      assertThat(String.join("\n", ((ManualStep) expose).instructions()))
          .contains("kubectl expose service logs-es-remote-cluster -n ns"
              + " --name=logs-es-remote-cluster-lb --type=LoadBalancer --port=9443"
              + " --target-port=9443");
      assertThat(json).doesNotContain("\"service\":{\"spec\"");
      assertThat(text).doesNotContain("remoteClusterServer\": {\n      \"enabled\" : true,\n"
          + "      \"service\"").doesNotContain("\"service\" : {");
    }
  }

  // ------------------------------------------------------------------ 4. broken trust.yml

  /** ECH to ECK with certificates: %1$s more fields of k, %2$s more clusters, %3$s more links. */
  private static final String CLOUD_TO_ECK = """
      clusters:
        - {name: cloud, version: "8.19.4", deployment: ech, license: enterprise,
           transportCa: certs/ece-transport-ca.crt}
        - {name: k, version: "8.19.4", deployment: eck, license: enterprise,
           transportAddress: "k.example.com:9300", transportCa: certs/eck-logs-dc1-ca.crt, %1$s
           eck: {name: logs, namespace: logging, environment: dc1}}
      %2$slinks:
        - {local: cloud, remote: k, alias: k, security: certificate}
      %3$s""";

  /**
   * The Elastic docs (ec-enable-ccs-for-eck, certificates): "replace the line
   * {@code *.node.*.cluster.<namespace>.es.local.account} with {@code
   * *.node.<cluster-name>.<namespace>.es.local}", or ECK's own nodes fail the filter.
   */
  @Test
  void aTrustFilterWithoutTheEckNodesIsAnErrorNamingTheFix() {
    String yaml = CLOUD_TO_ECK.formatted(
        "trustRestrictions: [\"*.node.*.cluster.logging.es.local.account\"],", "", "");
    assertThat(problems(yaml)).anySatisfy(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.message()).contains("ECK's nodes would fail to join")
          .contains("\"*.node.*.cluster.logging.es.local.account\"")
          .contains("with \"*.node.logs.logging.es.local\"");
    });
  }

  @ParameterizedTest
  @CsvSource({
    "'*.node.logs.logging.es.local',true",
    "'*.node.logs.*.es.local',true",
    "'*.es.local',true",
    "'*',true",
    "'*.node.*.cluster.logging.es.local.account',false",
    "'*.node.other.logging.es.local',false"
  })
  void trustFilterPatternsAreWildcards(String pattern, boolean admits) {
    // Elasticsearch's RestrictedTrustManager matches trust.subject_name with Automatons patterns
    assertThat(EckNames.trustFilterAdmits(List.of(pattern), "logs", "logging")).isEqualTo(admits);
  }

  // ------------------------------------------------------------------ 6. Cloud side first

  /**
   * The docs (ec-enable-ccs-for-eck, certificates) establish trust in the Cloud deployment first:
   * upload the ECK CA, Scope ID {@code <namespace>.es.local}, create trust, then download the
   * deployment's CA and {@code trust.yml} for the ECK side.
   */
  @Test
  void theCloudTrustStepComesBeforeTheEckStepThatUsesItsTrustYml() {
    for (String cloud : List.of("ech", "ece")) {
      String yaml = """
          clusters:
            - {name: k, version: "8.19.4", deployment: eck, license: enterprise,
               transportCa: certs/eck-logs-dc1-ca.crt,
               trustRestrictions: ["*.node.logs.logging.es.local", "*.cloud"],
               eck: {name: logs, namespace: logging, environment: dc1}}
            - {name: cloud, version: "8.19.4", deployment: %s, license: enterprise,
               transportAddress: "cloud.example.com:9400", transportCa: certs/ece-transport-ca.crt}
          links:
            - {local: k, remote: cloud, alias: cloud, security: certificate}
          """.formatted(cloud);
      Plan p = Plans.plan(yaml.replace("certs/", "../examples/certs/"));
      List<String> trustTargets = p.steps().stream()
          .filter(s -> s.action() == StepAction.TRUST_CA).map(PlanStep::target).toList();
      assertThat(trustTargets).containsExactly("cloud", "k");
    }
  }

  @Test
  void generatedCertificateLinksToCloudTrustOnCloudFirst() {
    for (GeneratedTopologies.Generated g : GENERATED) {
      Topology t = g.topology();
      for (PlanResult r : RemoteClusterPlanner.create().plan(t).links()) {
        if (r instanceof PlanResult.Planned planned
            && planned.plan().security() == SecurityModel.CERTIFICATE) {
          Plan p = planned.plan();
          List<String> targets = p.steps().stream()
              .filter(s -> s.action() == StepAction.TRUST_CA).map(PlanStep::target).toList();
          Deployment remote = t.clustersByName().get(p.remote()).deployment();
          Deployment local = t.clustersByName().get(p.local()).deployment();
          String cloud = remote.isElasticCloud() ? p.remote()
              : local.isElasticCloud() ? p.local() : null;
          if (cloud != null && !targets.isEmpty()) {
            assertThat(targets.get(0)).as("%s links[%s]: %s", g, r.index(), targets)
                .isEqualTo(cloud);
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ 7. peers in the filter

  /**
   * Elasticsearch's restricted trust manager checks every transport connection against
   * {@code xpack.security.transport.ssl.trust_restrictions.path} (Elastic docs, security
   * settings): an ECK cluster with a Cloud filter that also links to another ECK cluster with
   * certificates must list that peer's nodes, {@code *.node.<es>.<ns>.es.local}.
   */
  @Test
  void aCloudTrustFilterAlsoAdmitsTheCertificatePeersOfTheEckCluster() {
    String yaml = CLOUD_TO_ECK.formatted("",
        """
          - {name: peer, version: "8.19.4", deployment: eck, license: enterprise,
             eck: {name: metrics, namespace: obs, environment: dc1}}
        """,
        "  - {local: peer, remote: k, alias: k, security: certificate}\n");
    TopologyPlan plan = RemoteClusterPlanner.create().plan(read(yaml));
    assertThat(plan.problems()).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.TRUST_RESTRICTIONS);
      assertThat(p.isError()).isFalse();
      assertThat(p.path()).isEqualTo("links[0].remote");
      assertThat(p.message()).contains("\"*.node.metrics.obs.es.local\"").contains("links[1]");
    });
    Plan first = ((PlanResult.Planned) plan.links().get(0)).plan();
    String lines = first.steps().stream().filter(s -> s.target().equals("k"))
        .filter(s -> s instanceof ManualStep)
        .flatMap(s -> ((ManualStep) s).instructions().stream())
        .collect(Collectors.joining("\n"));
    assertThat(lines).contains("\"*.node.metrics.obs.es.local\" ([peer], links[1])");
    // a filter that already admits the peer gets no warning
    String admitted = yaml.replace("transportCa: certs/eck-logs-dc1-ca.crt,",
        "transportCa: certs/eck-logs-dc1-ca.crt, trustRestrictions: [\"*.node.logs.logging.es.local\","
            + " \"*.node.metrics.obs.es.local\"],");
    assertThat(problems(admitted)).noneMatch(p -> p.code() == ProblemCode.TRUST_RESTRICTIONS);
  }

  // ------------------------------------------------------------------ 8. uses

  /**
   * {@code compat --use replication}: an 8.19 follower of a 7.17 leader is supported by the
   * replication rule (Elastic docs, cross-cluster replication, "Remote cluster compatibility")
   * while the search table says 8.19 cannot search 7.17 (ECK landing page's table).
   */
  @Test
  void aReplicationOnlyCertificateLinkIsJudgedByTheReplicationRule() {
    EsVersion follower = EsVersion.parse("8.19.4");
    EsVersion leader = EsVersion.parse("7.17.25");
    assertThat(Compatibility.replication(follower, leader).supported()).isTrue();
    assertThat(Compatibility.search(follower, leader).supported()).isFalse();
    String base = """
        clusters:
          - {name: f, version: "8.19.4", deployment: self-managed, license: platinum,
             transportCa: certs/dc-archive-ca.crt}
          - {name: l, version: "7.17.25", deployment: self-managed, license: platinum,
             transportAddress: "l.example.com:9300", transportCa: certs/dc-archive-ca.crt,
             serverName: l.example.com}
        links:
          - {local: f, remote: l, alias: l, security: certificate%s}
        """;
    assertThat(problems(base.formatted(", uses: [replication]")))
        .noneMatch(p -> p.code() == ProblemCode.VERSION_UNSUPPORTED);
    assertThat(problems(base.formatted("")))
        .anyMatch(p -> p.code() == ProblemCode.VERSION_UNSUPPORTED);
    assertThat(problems(base.formatted(", uses: [search, replication]")))
        .anyMatch(p -> p.code() == ProblemCode.VERSION_UNSUPPORTED);
    // replication needs platinum (Elastic subscriptions: cross-cluster replication)
    assertThat(problems(base.formatted(", uses: [replication]").replace("platinum", "basic")))
        .anyMatch(p -> p.code() == ProblemCode.LICENSE && p.message().contains("replication"));
  }

  /**
   * A cross-cluster API key allows only what its access grants (Elastic docs, create
   * cross-cluster API key: "search" and "replication"); a stated use without its part is an
   * error naming [uses], a part no use needs is advice.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[replication]|{search: [{names: [\"a\"]}]}|ACCESS_INVALID|uses",
        "[search]|{replication: [{names: [\"a\"]}]}|ACCESS_INVALID|uses",
        "[esql]|{replication: [{names: [\"a\"]}]}|ACCESS_INVALID|uses",
        "[search]|{search: [{names: [\"a\"]}], replication: [{names: [\"b\"]}]}|ACCESS_ADVICE|access.replication",
        "[replication]|{search: [{names: [\"a\"]}], replication: [{names: [\"b\"]}]}|ACCESS_ADVICE|access.search"
      })
  void usesAndTheAccessOfAnApiKeyAgree(String uses, String access, String code, String field) {
    String yaml = """
        clusters:
          - {name: a, version: "9.1.5", deployment: self-managed, license: enterprise}
          - {name: b, version: "9.1.5", deployment: self-managed, license: enterprise,
             remoteClusterServer: true, remoteClusterAddress: "b.example.com:9443",
             serverName: b.example.com, remoteClusterCa: certs/dc-archive-ca.crt}
        links:
          - {local: a, remote: b, alias: b, security: api-key, uses: %s, access: %s}
        """.formatted(uses, access);
    assertThat(problems(yaml)).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.valueOf(code));
      assertThat(p.path()).isEqualTo("links[0]." + field);
    });
  }

  @Test
  void generatedLinksAreJudgedByTheRulesOfTheirUses() {
    for (GeneratedTopologies.Generated g : GENERATED) {
      Topology t = g.topology();
      List<Problem> all = new ArrayList<>();
      TopologyPlan plan = RemoteClusterPlanner.create().plan(t);
      plan.links().forEach(r -> all.addAll(r.problems()));
      for (int i = 0; i < t.links().size(); i++) {
        Link l = t.links().get(i);
        Cluster local = t.clustersByName().get(l.local());
        Cluster remote = t.clustersByName().get(l.remote());
        boolean unsupported = false;
        for (Use use : l.effectiveUses()) {
          unsupported |= !Compatibility.check(use, local.version(), remote.version()).supported();
        }
        String at = "links[" + i + "].remote";
        boolean reported = all.stream().anyMatch(
            p -> p.code() == ProblemCode.VERSION_UNSUPPORTED && p.path().equals(at));
        assertThat(reported).as("%s links[%s] uses %s: %s -> %s", g, i, l.effectiveUses(),
            local.version(), remote.version()).isEqualTo(unsupported);
      }
    }
  }

  // ------------------------------------------------------------------ 10. wording

  /**
   * Elasticsearch defaults {@code xpack.security.remote_cluster_client.ssl.enabled} to true
   * (Elastic docs, security settings, remote cluster client SSL settings).
   */
  @Test
  void theClientSslSettingIsNotAskedForOnSelfManaged() {
    String yaml = """
        clusters:
          - {name: a, version: "9.1.5", deployment: self-managed, license: enterprise}
          - {name: b, version: "9.1.5", deployment: self-managed, license: enterprise,
             remoteClusterServer: true, remoteClusterAddress: "b.example.com:9443",
             serverName: b.example.com, remoteClusterCa: public}
        links:
          - {local: a, remote: b, alias: b, access: {search: [{names: ["*"]}]}}
        """;
    ManualStep store = Plans.step(Plans.plan(yaml), StepAction.STORE_CREDENTIALS, ManualStep.class);
    String words = String.join("\n", store.instructions());
    assertThat(words).contains("defaults to true").doesNotContain("only if this line is new");
    assertThat(store.restartsNodes()).isFalse();
  }
}
