package io.github.remoteclusters.core.plan;

import static io.github.remoteclusters.core.plan.Plans.actions;
import static io.github.remoteclusters.core.plan.Plans.alias;
import static io.github.remoteclusters.core.plan.Plans.body;
import static io.github.remoteclusters.core.plan.Plans.cluster;
import static io.github.remoteclusters.core.plan.Plans.codes;
import static io.github.remoteclusters.core.plan.Plans.plan;
import static io.github.remoteclusters.core.plan.Plans.rejected;
import static io.github.remoteclusters.core.plan.Plans.step;
import static io.github.remoteclusters.core.plan.Plans.targets;
import static io.github.remoteclusters.core.plan.StepAction.CREATE_CROSS_CLUSTER_API_KEY;
import static io.github.remoteclusters.core.plan.StepAction.CREATE_LOCAL_ROLE;
import static io.github.remoteclusters.core.plan.StepAction.ENABLE_REMOTE_CLUSTER_SERVER;
import static io.github.remoteclusters.core.plan.StepAction.EXPOSE_SERVICE;
import static io.github.remoteclusters.core.plan.StepAction.INVALIDATE_API_KEY;
import static io.github.remoteclusters.core.plan.StepAction.MANUAL;
import static io.github.remoteclusters.core.plan.StepAction.PATCH_ECK_RESOURCE;
import static io.github.remoteclusters.core.plan.StepAction.PUT_REMOTE_SETTINGS;
import static io.github.remoteclusters.core.plan.StepAction.RELOAD_SECURE_SETTINGS;
import static io.github.remoteclusters.core.plan.StepAction.REMOVE_REMOTE_SETTINGS;
import static io.github.remoteclusters.core.plan.StepAction.REMOVE_CREDENTIALS;
import static io.github.remoteclusters.core.plan.StepAction.DELETE_LOCAL_ROLE;
import static io.github.remoteclusters.core.plan.StepAction.STORE_CREDENTIALS;
import static io.github.remoteclusters.core.plan.StepAction.TRUST_CA;
import static io.github.remoteclusters.core.plan.StepAction.VERIFY_CONNECTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.internal.Json;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RemoteClusterPlannerTest {

  static final String ACCESS = ", access: {search: [{names: [\"logs-*\"]}]}";

  static String link(String extra) {
    return "links:\n  - {local: l, remote: r, alias: r" + extra + "}\n";
  }

  @Nested
  class SameEckEnvironment {
    static final String CLUSTERS =
        "clusters:\n"
            + cluster("l", "9.1.3", "eck", "eck: {name: search, namespace: ns1, environment: k8s}")
            + cluster("r", "9.1.3", "eck", "eck: {name: logs, namespace: ns2, environment: k8s}");

    @Test
    void apiKeyDeclaresTheLinkAndLetsTheOperatorDoTheRest() throws Exception {
      Plan p = plan(CLUSTERS + link(ACCESS));
      assertThat(p.security()).isEqualTo(SecurityModel.API_KEY);
      assertThat(actions(p))
          .containsExactly(ENABLE_REMOTE_CLUSTER_SERVER, PATCH_ECK_RESOURCE, CREATE_LOCAL_ROLE,
              VERIFY_CONNECTED);
      assertThat(targets(p)).containsExactly("r", "l", "l", "l");
      EckResourceStep enable = step(p, ENABLE_REMOTE_CLUSTER_SERVER, EckResourceStep.class);
      assertThat(enable.resource()).isEqualTo(new EckResource("Elasticsearch", "logs", "ns2"));
      assertThat(enable.specPatch()).isEqualTo("{\"remoteClusterServer\":{\"enabled\":true}}");
      EckResourceStep declare = step(p, PATCH_ECK_RESOURCE, EckResourceStep.class);
      assertThat(declare.resource()).isEqualTo(new EckResource("Elasticsearch", "search", "ns1"));
      assertThat(declare.specPatch()).isEqualTo(
          "{\"remoteClusters\":[{\"name\":\"r\",\"elasticsearchRef\":{\"name\":\"logs\","
              + "\"namespace\":\"ns2\"},\"apiKey\":{\"access\":{\"search\":{\"names\":[\"logs-*\"]}}}}]}");
      assertThat(p.connection())
          .isEqualTo(new Connection.Sniff(List.of("logs-es-remote-cluster.ns2.svc:9443"), null));
      assertThat(p.steps()).noneMatch(s -> s.action() == PUT_REMOTE_SETTINGS
          || s.action() == CREATE_CROSS_CLUSTER_API_KEY || s.action() == STORE_CREDENTIALS);
      assertThat(body(p, CREATE_LOCAL_ROLE)).isEqualTo(Json.JSON.readTree(
          "{\"remote_indices\":[{\"clusters\":[\"r\"],\"names\":[\"logs-*\"],"
              + "\"privileges\":[\"read\",\"read_cross_cluster\",\"view_index_metadata\"]}]}"));
    }

    @Test
    void enabledRemoteClusterServerIsNotPatchedAgain() {
      Plan p = plan(CLUSTERS.replace("environment: k8s}}\n  - {name: r", "environment: k8s}}\n  - {name: r")
          .replace("ns2, environment: k8s}", "ns2, environment: k8s}, remoteClusterServer: true")
          + link(ACCESS));
      assertThat(actions(p)).containsExactly(PATCH_ECK_RESOURCE, CREATE_LOCAL_ROLE, VERIFY_CONNECTED);
    }

    @Test
    void certificatesDeclareOnlyTheReference() throws Exception {
      Plan p = plan(CLUSTERS.replace("9.1.3", "8.13.4") + link(""));
      assertThat(p.security()).isEqualTo(SecurityModel.CERTIFICATE);
      // certificates authorize by role name: roles on both clusters (remote, then local)
      assertThat(actions(p)).containsExactly(PATCH_ECK_RESOURCE, MANUAL, MANUAL, VERIFY_CONNECTED);
      assertThat(step(p, PATCH_ECK_RESOURCE, EckResourceStep.class).specPatch())
          .isEqualTo("{\"remoteClusters\":[{\"name\":\"r\","
              + "\"elasticsearchRef\":{\"name\":\"logs\",\"namespace\":\"ns2\"}}]}");
      assertThat(p.connection())
          .isEqualTo(new Connection.Sniff(List.of("logs-es-transport.ns2.svc:9300"), null));
    }

    @Test
    void optionsTheOperatorDoesNotManageAreRejected() {
      assertThat(codes(rejected(CLUSTERS + link(ACCESS + ", mode: proxy"))))
          .contains(ProblemCode.ECK_UNSUPPORTED);
      assertThat(rejected(CLUSTERS + link(ACCESS + ", skipUnavailable: true")))
          .anySatisfy(x -> {
            assertThat(x.path()).isEqualTo("links[0].skipUnavailable");
            assertThat(x.message()).contains("nulling only the seeds");
          });
      assertThat(codes(rejected(CLUSTERS + link(
          ", access: {search: [{names: [a]}, {names: [b]}]}"))))
          .contains(ProblemCode.ECK_UNSUPPORTED);
    }

    @Test
    void eckAccessIsConvertedToTheCrdShape() throws Exception {
      Plan p = plan(CLUSTERS + link(
          ", access: {search: [{names: a, field_security: {grant: [f]}}]}"));
      JsonNode access = Json.JSON.readTree(step(p, PATCH_ECK_RESOURCE, EckResourceStep.class)
          .specPatch()).at("/remoteClusters/0/apiKey/access");
      assertThat(access).isEqualTo(Json.JSON.readTree(
          "{\"search\":{\"names\":[\"a\"],\"field_security\":{\"grant\":[\"f\"],\"except\":[]}}}"));
    }

    @Test
    void removalPatchesTheResourceAndNeverTouchesSettings() throws Exception {
      Plan p = plan(CLUSTERS + link(", state: absent"));
      assertThat(actions(p)).containsExactly(PATCH_ECK_RESOURCE);
      assertThat(step(p, PATCH_ECK_RESOURCE, EckResourceStep.class).specPatch())
          .isEqualTo("{\"remoteClusters\":[{\"name\":\"r\",\"$patch\":\"delete\"}]}");
    }

    @Test
    void licenceBelowEnterpriseIsRejected() {
      assertThat(rejected(CLUSTERS.replace("environment: k8s}}\n  - {name: r",
              "environment: k8s}, license: platinum}\n  - {name: r") + link(ACCESS)))
          .anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ProblemCode.LICENSE);
            assertThat(x.message()).isEqualTo("ECK's remote-cluster automation needs licence"
                + " [enterprise] (or trial); cluster [l] has [platinum]");
          });
    }
  }

  @Nested
  class OtherEckEnvironment {
    static final String CLUSTERS =
        "clusters:\n"
            + cluster("l", "9.2.1", "eck", "eck: {name: search, namespace: ns1, environment: eu}")
            + cluster("r", "9.2.1", "eck", "eck: {name: logs, namespace: ns2, environment: us},"
                + " remoteClusterAddress: \"lb.us:9443\", transportAddress: \"t.us:9300\"");

    @Test
    void apiKeyGoesThroughAnExposedRemoteClusterServiceInProxyMode() throws Exception {
      Plan p = plan(CLUSTERS + link(ACCESS));
      assertThat(actions(p))
          .containsExactly(ENABLE_REMOTE_CLUSTER_SERVER, EXPOSE_SERVICE, TRUST_CA,
              CREATE_CROSS_CLUSTER_API_KEY, STORE_CREDENTIALS, PUT_REMOTE_SETTINGS,
              CREATE_LOCAL_ROLE, VERIFY_CONNECTED, INVALIDATE_API_KEY);
      assertThat(targets(p)).containsExactly("r", "r", "l", "r", "l", "l", "l", "l", "r");
      assertThat(step(p, EXPOSE_SERVICE, EckResourceStep.class).specPatch())
          .isEqualTo("{\"remoteClusterServer\":{\"enabled\":true,"
              + "\"service\":{\"spec\":{\"type\":\"LoadBalancer\"}}}}");
      ElasticsearchRequestStep key = step(p, CREATE_CROSS_CLUSTER_API_KEY, ElasticsearchRequestStep.class);
      assertThat(key.request().method()).isEqualTo("POST");
      assertThat(key.request().path()).isEqualTo("/_security/cross_cluster/api_key");
      assertThat(Plans.tree(key.request().body())).isEqualTo(Json.JSON.readTree(
          "{\"name\":\"remote-clusters-l-r\",\"access\":{\"search\":[{\"names\":[\"logs-*\"]}]},"
              + "\"metadata\":{\"managed-by\":\"remote-clusters\",\"local-cluster\":\"l\",\"alias\":\"r\"}}"));
      assertThat(alias(p, PUT_REMOTE_SETTINGS)).isEqualTo(Json.JSON.readTree(
          "{\"mode\":\"proxy\",\"seeds\":null,\"node_connections\":null,\"proxy\":null,"
              + "\"proxy_address\":\"lb.us:9443\",\"proxy_socket_connections\":null,"
              + "\"server_name\":\"logs-es-remote-cluster.ns2.svc\",\"skip_unavailable\":null,"
              + "\"transport.ping_schedule\":null,\"transport.compress\":null,"
              + "\"transport.compression_scheme\":null}"));
      ManualStep store = step(p, STORE_CREDENTIALS, ManualStep.class);
      assertThat(String.join("\n", store.instructions()))
          .contains("cluster.remote.r.credentials")
          .contains("<encoded value of API key remote-clusters-l-r>")
          .contains("spec.secureSettings");
    }

    @Test
    void certificatesTrustBothWaysAndUseTheTransportService() {
      Plan p = plan(CLUSTERS + link(", security: certificate"));
      assertThat(actions(p))
          .containsExactly(EXPOSE_SERVICE, TRUST_CA, TRUST_CA, PUT_REMOTE_SETTINGS, MANUAL, MANUAL,
              VERIFY_CONNECTED);
      assertThat(targets(p)).containsExactly("r", "l", "r", "l", "r", "l", "l");
      assertThat(alias(p, PUT_REMOTE_SETTINGS).get("proxy_address").asText()).isEqualTo("t.us:9300");
      assertThat(alias(p, PUT_REMOTE_SETTINGS).get("server_name").asText())
          .isEqualTo("logs-es-transport.ns2.svc");
      assertThat(p.warnings()).extracting(x -> x.code())
          .filteredOn(c -> c != ProblemCode.LICENSE_UNKNOWN)
          .containsExactly(ProblemCode.SECURITY_DEPRECATED);
    }

    @Test
    void missingAddressIsAnErrorThatSaysWhatToExpose() {
      assertThat(rejected(CLUSTERS.replace("remoteClusterAddress: \"lb.us:9443\", ", "") + link(ACCESS)))
          .anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ProblemCode.ADDRESS_REQUIRED);
            assertThat(x.path()).isEqualTo("links[0].remote");
            assertThat(x.message()).contains("logs-es-remote-cluster").contains("9443");
          });
    }
  }

  @Nested
  class EckToExternal {
    @Test
    void toEchTrustsThePublicCaAndUsesTheEndpointAsServerName() {
      Plan p = plan("clusters:\n"
          + cluster("l", "9.1.3", "eck", "")
          + cluster("r", "9.1.2", "ech", "remoteClusterAddress: \"abc.es.region.elastic-cloud.com:9443\"")
          + link(ACCESS));
      assertThat(actions(p))
          .containsExactly(CREATE_CROSS_CLUSTER_API_KEY, STORE_CREDENTIALS, PUT_REMOTE_SETTINGS,
              CREATE_LOCAL_ROLE, VERIFY_CONNECTED, INVALIDATE_API_KEY);
      assertThat(alias(p, PUT_REMOTE_SETTINGS).get("server_name").asText())
          .isEqualTo("abc.es.region.elastic-cloud.com");
    }

    @Test
    void toEceTrustsTheProxyCa() {
      Plan p = plan("clusters:\n"
          + cluster("l", "9.1.3", "eck", "")
          + cluster("r", "9.1.0", "ece", "remoteClusterAddress: \"x.ip.es.io:9443\"")
          + link(ACCESS));
      assertThat(actions(p)).startsWith(TRUST_CA, CREATE_CROSS_CLUSTER_API_KEY);
      assertThat(step(p, TRUST_CA, ManualStep.class).instructions().get(0)).contains("proxy root CA");
    }

    @Test
    void toSelfManagedEnablesTheServerWhenItIsOff() {
      Plan p = plan("clusters:\n"
          + cluster("l", "9.1.3", "eck", "")
          + cluster("r", "9.1.3", "self-managed", "remoteClusterAddress: \"dc:9443\", serverName: dc")
          + link(ACCESS));
      assertThat(actions(p)).startsWith(ENABLE_REMOTE_CLUSTER_SERVER, TRUST_CA);
      assertThat(p.steps().get(0)).isInstanceOf(ManualStep.class);
      assertThat(alias(p, PUT_REMOTE_SETTINGS).get("server_name").asText()).isEqualTo("dc");
    }

    @Test
    void sniffToElasticCloudIsRejected() {
      assertThat(codes(rejected("clusters:\n"
          + cluster("l", "9.1.3", "eck", "")
          + cluster("r", "9.1.2", "ech", "remoteClusterAddress: \"e:9443\"")
          + link(ACCESS + ", mode: sniff")))).contains(ProblemCode.OPTION_NOT_APPLICABLE);
    }
  }

  @Nested
  class CloudToEck {
    static final String ECK_REMOTE =
        cluster("r", "9.1.3", "eck", "eck: {name: logs, namespace: logging}, remoteClusterAddress:"
            + " \"lb:9443\", transportAddress: \"lbt:9300\", remoteClusterServer: true");

    @Test
    void echLocalStoresTheKeyInTheConsole() {
      Plan p = plan("clusters:\n" + cluster("l", "9.1.3", "ech", "") + ECK_REMOTE + link(ACCESS));
      assertThat(actions(p))
          .containsExactly(EXPOSE_SERVICE, CREATE_CROSS_CLUSTER_API_KEY, STORE_CREDENTIALS,
              PUT_REMOTE_SETTINGS, CREATE_LOCAL_ROLE, VERIFY_CONNECTED, INVALIDATE_API_KEY);
      assertThat(targets(p)).containsExactly("r", "r", "l", "l", "l", "l", "r");
      // the console's wizard: the key first, then the private CA, in one trusted environment
      String wizard = String.join("\n", step(p, STORE_CREDENTIALS, ManualStep.class).instructions());
      assertThat(wizard).contains("ech console", "Add trusted environment", "No, it is private");
      assertThat(wizard.indexOf("add the API key")).isLessThan(wizard.indexOf("add the CA"));
      assertThat(alias(p, PUT_REMOTE_SETTINGS).get("server_name").asText())
          .isEqualTo("logs-es-remote-cluster.logging.svc");
    }

    @Test
    void eceBelow814NeedsARestartToLoadTheKey() {
      Plan p = plan("clusters:\n" + cluster("l", "8.13.4", "ece", "")
          + ECK_REMOTE.replace("9.1.3", "8.13.4") + link(", security: api-key" + ACCESS.substring(0)));
      assertThat(actions(p)).contains(RELOAD_SECURE_SETTINGS);
      assertThat(step(p, RELOAD_SECURE_SETTINGS, ManualStep.class).description()).contains("8.14");
      assertThat(p.warnings()).extracting(x -> x.code()).contains(ProblemCode.SECURITY_BETA);
    }

    @Test
    void eceCertificatesUploadTheEckCaWithItsScopeId() {
      Plan p = plan("clusters:\n" + cluster("l", "8.19.4", "ece", "")
          + ECK_REMOTE.replace("9.1.3", "8.19.4") + link(", security: certificate"));
      assertThat(actions(p))
          .containsExactly(EXPOSE_SERVICE, TRUST_CA, TRUST_CA, PUT_REMOTE_SETTINGS, MANUAL, MANUAL,
              VERIFY_CONNECTED);
      assertThat(String.join("\n", step(p, TRUST_CA, ManualStep.class).instructions()))
          .contains("Scope ID logging.es.local", "trust.yml");
    }

    @Test
    void uppercaseAliasIsRejectedForCloudKeystores() {
      assertThat(rejected("clusters:\n" + cluster("l", "9.1.3", "ech", "") + ECK_REMOTE
          + "links:\n  - {local: l, remote: r, alias: Logs" + ACCESS + "}\n"))
          .anySatisfy(x -> assertThat(x.code()).isEqualTo(ProblemCode.INVALID_ALIAS));
    }
  }

  @Nested
  class SelfManagedToEck {
    @Test
    void keystoreEntryThenReloadThenSettings() throws Exception {
      Plan p = plan("clusters:\n" + cluster("l", "9.1.3", "self-managed", "")
          + cluster("r", "9.1.3", "eck", "remoteClusterAddress: \"lb:9443\"")
          + link(ACCESS + ", skipUnavailable: false, proxySocketConnections: 6"));
      assertThat(actions(p))
          .containsExactly(ENABLE_REMOTE_CLUSTER_SERVER, EXPOSE_SERVICE, TRUST_CA,
              CREATE_CROSS_CLUSTER_API_KEY, STORE_CREDENTIALS, RELOAD_SECURE_SETTINGS,
              PUT_REMOTE_SETTINGS, CREATE_LOCAL_ROLE, VERIFY_CONNECTED, INVALIDATE_API_KEY);
      ElasticsearchRequestStep reload = step(p, RELOAD_SECURE_SETTINGS, ElasticsearchRequestStep.class);
      assertThat(reload.request()).isEqualTo(new HttpRequest("POST", "/_nodes/reload_secure_settings", null));
      JsonNode alias = alias(p, PUT_REMOTE_SETTINGS);
      assertThat(alias.get("skip_unavailable").asBoolean()).isFalse();
      assertThat(alias.get("proxy_socket_connections").asInt()).isEqualTo(6);
      assertThat(p.skipUnavailable()).isFalse();
    }
  }

  @Nested
  class SelfManagedToSelfManaged {
    static final String CLUSTERS = "clusters:\n" + cluster("l", "8.19.2", "self-managed", "")
        + cluster("r", "8.19.2", "self-managed",
            "transportAddress: \"r1:9300\", remoteClusterAddress: \"r1:9443\", remoteClusterServer: true");

    @Test
    void apiKeyInSniffModeOnAFlatNetwork() throws Exception {
      Plan p = plan(CLUSTERS + link(ACCESS + ", nodeConnections: 5,"
          + " transport: {compress: indexing_data, pingSchedule: 30s}"));
      assertThat(actions(p))
          .containsExactly(TRUST_CA, CREATE_CROSS_CLUSTER_API_KEY, STORE_CREDENTIALS,
              RELOAD_SECURE_SETTINGS, PUT_REMOTE_SETTINGS, CREATE_LOCAL_ROLE, VERIFY_CONNECTED,
              INVALIDATE_API_KEY);
      assertThat(body(p, PUT_REMOTE_SETTINGS)).isEqualTo(Json.JSON.readTree(
          "{\"persistent\":{\"cluster\":{\"remote\":{\"r\":{\"mode\":\"sniff\",\"seeds\":[\"r1:9443\"],"
              + "\"node_connections\":5,\"proxy\":null,\"proxy_address\":null,"
              + "\"proxy_socket_connections\":null,\"server_name\":null,\"skip_unavailable\":null,"
              + "\"transport.ping_schedule\":\"30s\",\"transport.compress\":\"indexing_data\","
              + "\"transport.compression_scheme\":null}}}}}"));
      assertThat(p.connection().mode()).isEqualTo(Mode.SNIFF);
    }

    @Test
    void certificatesTrustBothWays() {
      Plan p = plan(CLUSTERS + link(", security: certificate"));
      assertThat(actions(p))
          .containsExactly(TRUST_CA, TRUST_CA, PUT_REMOTE_SETTINGS, MANUAL, MANUAL, VERIFY_CONNECTED);
      assertThat(targets(p)).containsExactly("l", "r", "l", "r", "l", "l");
      assertThat(alias(p, PUT_REMOTE_SETTINGS).get("seeds").get(0).asText()).isEqualTo("r1:9300");
    }

    @Test
    void noSecurityIsOnlyTheSettingsWithAWarning() {
      Plan p = plan(CLUSTERS + link(", security: none"));
      assertThat(actions(p)).containsExactly(PUT_REMOTE_SETTINGS, VERIFY_CONNECTED);
      assertThat(p.warnings()).extracting(x -> x.code()).containsExactly(ProblemCode.SECURITY_DISABLED);
    }

    @Test
    void switchingToProxyNullsTheSniffKeysInTheSameRequest() {
      Plan p = plan(CLUSTERS + link(ACCESS + ", mode: proxy"));
      JsonNode alias = alias(p, PUT_REMOTE_SETTINGS);
      assertThat(alias.get("mode").asText()).isEqualTo("proxy");
      assertThat(alias.get("seeds").isNull()).isTrue();
      assertThat(alias.get("node_connections").isNull()).isTrue();
      assertThat(alias.get("proxy").isNull()).isTrue();
      assertThat(p.warnings()).extracting(x -> x.code())
          .filteredOn(c -> c != ProblemCode.LICENSE_UNKNOWN)
          .containsExactly(ProblemCode.SERVER_NAME_MISSING);
    }

    @Test
    void removalNullsEveryKeyInOneRequestAndInvalidatesTheKey() throws Exception {
      Plan p = plan(CLUSTERS + link(", state: absent"));
      assertThat(actions(p)).containsExactly(REMOVE_REMOTE_SETTINGS, INVALIDATE_API_KEY,
          REMOVE_CREDENTIALS, RELOAD_SECURE_SETTINGS, DELETE_LOCAL_ROLE);
      assertThat(targets(p)).containsExactly("l", "r", "l", "l", "l");
      JsonNode alias = alias(p, REMOVE_REMOTE_SETTINGS);
      assertThat(alias.size()).isEqualTo(11);
      alias.forEach(v -> assertThat(v.isNull()).isTrue());
      ElasticsearchRequestStep invalidate = step(p, INVALIDATE_API_KEY, ElasticsearchRequestStep.class);
      assertThat(invalidate.request()).isEqualTo(new HttpRequest("DELETE", "/_security/api_key",
          "{\"name\":\"remote-clusters-l-r\"}"));
    }

    @Test
    void certificateRemovalOnlyNullsTheSettings() {
      Plan p = plan(CLUSTERS + link(", state: absent, security: certificate"));
      assertThat(actions(p)).containsExactly(REMOVE_REMOTE_SETTINGS);
    }
  }

  @Nested
  class Checks {
    static final String SM = "clusters:\n" + cluster("l", "9.1.3", "self-managed", "")
        + cluster("r", "9.1.3", "self-managed",
            "transportAddress: \"r:9300\", remoteClusterAddress: \"r:9443\", remoteClusterServer: true");

    @Test
    void securityDefaultsToApiKeysFrom814AndCertificatesBefore() {
      assertThat(plan(SM + link(ACCESS)).security()).isEqualTo(SecurityModel.API_KEY);
      assertThat(plan(SM.replace("9.1.3", "8.13.4") + link("")).security())
          .isEqualTo(SecurityModel.CERTIFICATE);
    }

    @Test
    void apiKeysBefore810AreUnsupported() {
      assertThat(rejected(SM.replace("9.1.3", "8.9.2") + link(", security: api-key" + ACCESS)))
          .anySatisfy(x -> assertThat(x.code()).isEqualTo(ProblemCode.SECURITY_UNSUPPORTED));
    }

    @Test
    void selfLinkAndAliasCollision() {
      String yaml = SM + "links:\n  - {local: l, remote: l, alias: a" + ACCESS + "}\n"
          + "  - {local: l, remote: r, alias: a" + ACCESS + "}\n"
          + "  - {local: r, remote: l, alias: a, security: certificate}\n";
      TopologyPlan plan = Plans.planAll(yaml);
      assertThat(codes(plan.links().get(0).problems())).contains(ProblemCode.SELF_LINK);
      assertThat(plan.links().get(1).problems())
          .anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ProblemCode.ALIAS_COLLISION);
            assertThat(x.path()).isEqualTo("links[1].alias");
            assertThat(x.message()).isEqualTo("alias [a] is already used on cluster [l] by links[0]");
          });
      assertThat(codes(plan.links().get(2).problems())).doesNotContain(ProblemCode.ALIAS_COLLISION);
      assertThat(plan.hasErrors()).isTrue();
    }

    /** The problems of reading a topology that cannot be read, all {@code ACCESS_INVALID}. */
    private List<io.github.remoteclusters.core.Problem> unreadable(String yaml) {
      var problems = io.github.remoteclusters.core.TopologyReader.parse(yaml).problems();
      assertThat(problems).isNotEmpty()
          .allSatisfy(x -> assertThat(x.code()).isEqualTo(ProblemCode.ACCESS_INVALID));
      return problems;
    }

    @Test
    void accessRules() {
      assertThat(codes(rejected(SM + link(", security: api-key")))).contains(ProblemCode.ACCESS_REQUIRED);
      assertThat(rejected(SM + link("")))
          .anySatisfy(x -> {
            assertThat(x.code()).isEqualTo(ProblemCode.ACCESS_REQUIRED);
            assertThat(x.message()).endsWith("give [access], or set [security] to [certificate]");
          });
      assertThat(rejected(SM + link(", security: api-key")))
          .allSatisfy(x -> assertThat(x.message()).doesNotContain("set [security]"));
      assertThat(codes(rejected(SM + link(", security: certificate" + ACCESS))))
          .contains(ProblemCode.ACCESS_NOT_USED);
      // an access Elasticsearch would reject is a problem of reading the topology
      assertThat(unreadable(SM + link(", access: {search: []}")))
          .anySatisfy(x -> assertThat(x.message())
              .isEqualTo("must specify non-empty access for either [search] or [replication]"));
      assertThat(unreadable(SM + link(", access: {search: [{names: [a], query: {match_all: {}}}],"
          + " replication: [{names: [b]}]}")))
          .anySatisfy(x -> assertThat(x.message()).isEqualTo(
              "search does not support document or field level security if replication is assigned"));
      assertThat(unreadable(SM + link(", access: {replication: [{names: [b], query: {}}]}")))
          .anySatisfy(x -> {
            assertThat(x.path()).isEqualTo("links[0].access.replication[0]");
            assertThat(x.message()).isEqualTo("replication does not support document or field level security");
          });
      assertThat(unreadable(SM + link(", access: {search: [{names: [], privileges: [read]}]}")))
          .extracting(x -> x.message())
          .contains(
              "failed to parse indices privileges for role [cross_cluster]. field [privileges] must not present",
              "failed to parse indices privileges for role [cross_cluster]. [names] cannot be an empty array");
      // a lone "*" grant is not field level security
      plan(SM + link(", access: {search: [{names: [a], field_security: {grant: [\"*\"]}}],"
          + " replication: [{names: [b]}]}"));
    }

    @Test
    void customAccessValidatorIsUsed() {
      TopologyPlan plan = RemoteClusterPlanner.create()
          .withAccessValidator((access, path, version) -> List.of(new io.github.remoteclusters.core.Problem(
              ProblemCode.ACCESS_INVALID, path, "nope")))
          .plan(Plans.topology(SM + link(ACCESS)));
      assertThat(plan.links().get(0).problems()).extracting(x -> x.message()).contains("nope");
    }

    @Test
    void versionSupportIsDirectional() {
      String sm = "clusters:\n" + cluster("l", "8.19.2", "self-managed", "")
          + cluster("r", "9.1.0", "self-managed",
              "transportAddress: \"r:9300\", remoteClusterAddress: \"r:9443\", remoteClusterServer: true");
      plan(sm + link(ACCESS));
      String reversed = sm.replace("8.19.2", "X").replace("9.1.0", "8.19.2").replace("X", "9.1.0");
      assertThat(rejected(reversed + link(ACCESS)))
          .anySatisfy(x -> assertThat(x.code()).isEqualTo(ProblemCode.VERSION_UNSUPPORTED));
    }

    @Test
    void replicationNeedsTheFollowerAtLeastTheLeaderAndPlatinum() {
      String sm = "clusters:\n" + cluster("l", "8.19.2", "self-managed", "license: gold")
          + cluster("r", "9.1.0", "self-managed",
              "remoteClusterAddress: \"r:9443\", remoteClusterServer: true");
      assertThat(codes(rejected(sm + link(", access: {replication: [{names: [x]}]}"))))
          .contains(ProblemCode.VERSION_UNSUPPORTED, ProblemCode.LICENSE);
    }

    @Test
    void portMustMatchTheSecurityModel() {
      Plan p = plan(SM.replace("r:9443", "r:9300") + link(ACCESS));
      assertThat(p.warnings()).anySatisfy(x -> {
        assertThat(x.code()).isEqualTo(ProblemCode.ADDRESS_PORT_MISMATCH);
        assertThat(x.message()).contains("port 9443").contains("uses port 9300");
      });
    }

    @Test
    void skipUnavailableDefaultDependsOnTheLocalVersion() {
      Plan old = plan(SM.replace("9.1.3", "8.14.3") + link(ACCESS));
      assertThat(old.skipUnavailable()).isFalse();
      assertThat(old.warnings()).extracting(x -> x.code()).contains(ProblemCode.SKIP_UNAVAILABLE_DEFAULT);
      String mixed = "clusters:\n" + cluster("l", "8.15.0", "self-managed", "")
          + cluster("r", "8.14.3", "self-managed", "remoteClusterAddress: \"r:9443\", remoteClusterServer: true");
      Plan p = plan(mixed + link(ACCESS));
      assertThat(p.skipUnavailable()).isTrue();
      assertThat(codes(p.warnings())).doesNotContain(ProblemCode.SKIP_UNAVAILABLE_DEFAULT);
    }

    @Test
    void modeSpecificOptionsUseElasticsearchsWording() {
      assertThat(rejected(SM + link(ACCESS + ", mode: proxy, nodeConnections: 3")))
          .anySatisfy(x -> assertThat(x.message()).isEqualTo("Setting \"cluster.remote.r.node_connections\""
              + " cannot be used with the configured \"cluster.remote.r.mode\" [required=SNIFF, configured=PROXY]"));
    }
  }
}
