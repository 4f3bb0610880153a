package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.LinkResult.Change;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerBuilder;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.elasticsearch.internal.es.FakeEs;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The reconciler over the real typed client and a fake HTTP layer: API keys, keystore writes and
 * injected faults, which the security-less real test nodes cannot show.
 */
class ReconcilerFakeTransportTest {

  final FakeEs search = new FakeEs("9.5.3");
  final FakeEs data = new FakeEs("9.5.3");
  final FakeEs old = new FakeEs("8.19.21");
  final OwnershipStore store = OwnershipStore.inMemory();
  final Map<String, String> keystore = new TreeMap<>();

  final CredentialWriter writer = new CredentialWriter() {
    @Override
    public void store(Cluster local, String alias, String encodedApiKey) {
      keystore.put(local.name() + "/" + alias, encodedApiKey);
      search.credentials(alias);
    }

    @Override
    public void remove(Cluster local, String alias) {
      keystore.remove(local.name() + "/" + alias);
    }
  };

  static Cluster cluster(String name, String version, String rcs) {
    return new Cluster(name, EsVersion.parse(version), Deployment.SELF_MANAGED, null,
        "http://" + name + ":9200", name + ":9300", rcs, null, rcs == null ? null : true, null);
  }

  static CrossClusterAccess access() {
    return new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of());
  }

  Topology topology(List<Link> links) {
    return new Topology(List.of(cluster("search", "9.5.3", null),
        cluster("data", "9.5.3", "data:9443"), cluster("old", "8.19.21", null)), links);
  }

  Link apiKeyLink() {
    return Link.of("search", "data", "data").withSecurity(SecurityModel.API_KEY)
        .withMode(Mode.SNIFF).withAccess(access());
  }

  Reconciler reconciler(ReconcilerBuilder b) {
    return new DefaultReconciler(b.ownership(store).pollInterval(Duration.ofMillis(1)).config(),
        FakeEs.connector(Map.of("http://search:9200", search, "http://data:9200", data,
            "http://old:9200", old)));
  }

  @Test
  void eightXServerGetsCompatibleWith8AndNineXTheClientDefault() {
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ZERO))) {
      ApplyReport report = r.apply(topology(List.of(
          Link.of("old", "search", "s").withSecurity(SecurityModel.NONE))));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
    }
    assertThat(old.sent()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.headers().get("Accept")).contains("compatible-with=8");
    });
    assertThat(old.lines()).containsExactly("GET /", "GET /_cluster/state/blocks", "GET /_cluster/settings",
        "GET /_remote/info",
        "PUT /_cluster/settings");
    assertThat(old.sent().get(3).headers().get("Content-Type")).contains("compatible-with=8");
  }

  /** Issue 21 item 9: a remote that restarted connects again only when the node is asked to. */
  @Test
  void verificationAsksTheNodeToConnectWhenRemoteInfoStaysDisconnected() {
    search.reachableOnResolve("data:9300");
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ofSeconds(6)))) {
      ApplyReport report = r.apply(topology(List.of(
          Link.of("search", "data", "data").withSecurity(SecurityModel.NONE).withMode(Mode.SNIFF))));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
    }
    assertThat(search.lines()).contains("GET /_resolve/cluster/data:*");
  }

  @Test
  void aLinkThatNeverConnectsFailsWithWhatTheNodeReports() {
    search.resolveError("data", "Unable to connect to [data]");
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ofSeconds(3)))) {
      ApplyReport report = r.apply(topology(List.of(
          Link.of("search", "data", "data").withSecurity(SecurityModel.NONE).withMode(Mode.SNIFF))));
      assertThat(report.succeeded()).isFalse();
      assertThat(report.toString()).contains("[search] reports: Unable to connect to [data]");
    }
  }

  @Test
  void apiKeyLinkCreatesTheKeyStoresItReloadsThenWritesSettings() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ofSeconds(1)))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      // the remote: look for the key, then create it with the planner's exact body; once
      // verified, look for other active keys of the name (none here: nothing is invalidated)
      assertThat(data.lines()).containsExactly("GET /", "GET /_security/api_key",
          "POST /_security/cross_cluster/api_key", "GET /_security/api_key");
      assertThat(data.sent().get(1).query()).containsEntry("name", "remote-clusters-search-data")
          .containsEntry("active_only", "true");
      ObjectNode body = (ObjectNode) data.sent().get(2).body();
      assertThat(body.get("name").asText()).isEqualTo("remote-clusters-search-data");
      assertThat(body.get("access").toString()).isEqualTo("{\"search\":[{\"names\":[\"logs-*\"]}]}");
      assertThat(body.get("metadata").get("managed-by").asText()).isEqualTo("remote-clusters");
      // the local: keystore (writer) then reload, the role, then one settings write, then verify
      assertThat(keystore).containsEntry("search/data", "ZW5jb2RlZA1");
      assertThat(search.lines()).containsSubsequence("GET /_cluster/state/blocks", "GET /_cluster/settings",
          "GET /_remote/info",
          "POST /_nodes/reload_secure_settings", "PUT /_security/role/remote-data",
          "PUT /_cluster/settings", "GET /_remote/info");
      assertThat(search.persistent()).containsKey("cluster.remote.data.seeds");
      assertThat(search.persistent().get("cluster.remote.data.seeds").get(0).asText())
          .isEqualTo("data:9443");
      ClusterOutcome.Applied applied = (ClusterOutcome.Applied) report.clusters().get(0);
      assertThat(applied.writes()).isEqualTo(3);
      assertThat(report.links().get(0).status().info().credentials()).isTrue();

      // the second run finds everything in place: no key request, no write
      int before = data.sent().size();
      ApplyReport again = r.apply(topology(List.of(apiKeyLink())));
      assertThat(again.clusters().get(0)).isInstanceOf(ClusterOutcome.AlreadyInPlace.class);
      // the remote is only read: the key's access is compared with the plan's
      assertThat(data.lines().subList(before, data.lines().size()))
          .containsExactly("GET /_security/api_key");
    }
  }

  @Test
  void manualCredentialWriterCreatesNoKeyAndSaysWhatToDo() {
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ZERO))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      ClusterOutcome.Failed failed = (ClusterOutcome.Failed) report.clusters().get(0);
      assertThat(failed.cause().step()).isEqualTo(io.github.remoteclusters.elasticsearch.ApplyStep.STORE_CREDENTIALS);
      assertThat(failed.cause().getMessage()).contains("bin/elasticsearch-keystore add"
          + " cluster.remote.data.credentials");
      assertThat(data.lines()).doesNotContain("POST /_security/cross_cluster/api_key");
      assertThat(search.lines()).doesNotContain("PUT /_cluster/settings");

      // the person creates the key and stores it by hand; the next run resumes with the settings
      data.addKey("remote-clusters-search-data");
      ApplyReport resumed = r.apply(topology(List.of(apiKeyLink())));
      assertThat(resumed.succeeded()).as(resumed.toString()).isTrue();
      assertThat(data.lines()).contains("PUT /_security/cross_cluster/api_key/key1")
          .doesNotContain("POST /_security/cross_cluster/api_key");
      assertThat(search.lines()).contains("PUT /_cluster/settings");
    }
  }

  @Test
  void aFailingCredentialsCommandFailsTheClusterAtStoreCredentialsWithoutTheSecret() {
    CredentialWriter failing = CredentialWriter.command(
        "echo \"keystore said: $(cat)\" >&2; exit 7", null, Duration.ofSeconds(20));
    try (Reconciler r = reconciler(Reconciler.builder().credentials(failing)
        .verifyTimeout(Duration.ZERO))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      ClusterOutcome.Failed failed = (ClusterOutcome.Failed) report.clusters().get(0);
      assertThat(failed.cause().step())
          .isEqualTo(io.github.remoteclusters.elasticsearch.ApplyStep.STORE_CREDENTIALS);
      assertThat(failed.cause().getMessage())
          .startsWith("[search/data/STORE_CREDENTIALS] failed: the credentials command exited with code 7")
          .contains("keystore said: ::redacted::")
          .doesNotContain("ZW5jb2RlZA1");
      // the key was created but the settings were not written: the alias never points at nothing
      assertThat(search.lines()).doesNotContain("PUT /_cluster/settings");
    }
  }

  @Test
  void rejectedWriteFailsWithElasticsearchsReasonAndTheNextRunResumes() {
    search.failNext("PUT /_cluster/settings", 400, "illegal_argument_exception",
        "Setting \"cluster.remote.d.seeds\" cannot be used with the configured mode");
    List<Link> links = List.of(Link.of("search", "data", "d").withSecurity(SecurityModel.NONE),
        Link.of("old", "search", "s").withSecurity(SecurityModel.NONE));
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ZERO))) {
      ApplyReport report = r.apply(topology(links));
      assertThat(report.rejected()).isFalse();
      ClusterOutcome.Failed failed = (ClusterOutcome.Failed) report.clusters().get(0);
      assertThat(failed.cause().getMessage()).startsWith(
          "[search/PUT_REMOTE_SETTINGS] failed: [illegal_argument_exception] Setting");
      assertThat(failed.cause().httpStatus()).isEqualTo(400);
      assertThat(report.clusters().get(1)).isInstanceOf(ClusterOutcome.Skipped.class);
      assertThat(store.owned("search")).containsExactly("d");
      org.assertj.core.api.Assertions.assertThatThrownBy(report::throwIfFailed)
          .hasMessageContaining("illegal_argument_exception");

      ApplyReport resumed = r.apply(topology(links));
      assertThat(resumed.succeeded()).as(resumed.toString()).isTrue();
      assertThat(resumed.clusters()).extracting(ClusterOutcome::status)
          .containsExactly("applied", "applied");
    }
  }

  @Test
  void progressReportsEachPhaseOfEachCluster() {
    List<String> events = new java.util.ArrayList<>();
    search.reachable("data:9300");
    old.reachable("search:9300");
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ofSeconds(1))
        .progress(e -> events.add(e.index() + "/" + e.total() + " " + e.cluster() + " "
            + e.phase())))) {
      ApplyReport report = r.apply(topology(List.of(
          Link.of("search", "data", "d").withSecurity(SecurityModel.NONE),
          Link.of("old", "search", "s").withSecurity(SecurityModel.NONE))));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
    }
    // writes cluster after cluster, then verification of all at once, then the outcomes
    assertThat(events).containsExactly(
        "1/2 search connect", "1/2 search read", "1/2 search write",
        "2/2 old connect", "2/2 old read", "2/2 old write",
        "1/2 search verify", "2/2 old verify", "1/2 search done", "2/2 old done");
  }

  @Test
  void dryRunReadsOnlyAndReportsTheRequest() {
    try (Reconciler r = reconciler(Reconciler.builder().dryRun(true))) {
      ApplyReport report = r.apply(topology(List.of(
          Link.of("search", "data", "d").withSecurity(SecurityModel.NONE).withMode(Mode.PROXY))));
      assertThat(report.dryRun()).isTrue();
      ClusterOutcome.Applied a = (ClusterOutcome.Applied) report.clusters().get(0);
      assertThat(a.requests()).singleElement().satisfies(req -> {
        assertThat(req.method()).isEqualTo("PUT");
        assertThat(Json.JSON.readTree(req.body()).get("persistent").get("cluster.remote.d.mode").asText())
            .isEqualTo("proxy");
        assertThat(Json.JSON.readTree(req.body()).get("persistent").get("cluster.remote.d.proxy_address").asText())
            .isEqualTo("data:9300");
      });
      assertThat(search.lines()).containsExactly("GET /", "GET /_cluster/state/blocks", "GET /_cluster/settings",
          "GET /_remote/info");
      assertThat(store.owned("search")).isEmpty();
    }
  }

  @Test
  void removingAnApiKeyLinkNullsEveryKeyAndInvalidatesTheKey() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      search.persistent("cluster.remote.data.skip_unavailable", Json.NODES.textNode("true"));
      ApplyReport removed = r.apply(topology(List.of(apiKeyLink().withState(
          io.github.remoteclusters.core.LinkState.ABSENT))));
      assertThat(removed.succeeded()).as(removed.toString()).isTrue();
      assertThat(removed.links()).singleElement()
          .satisfies(l -> assertThat(l.change()).isEqualTo(Change.REMOVED));
      assertThat(search.persistent()).isEmpty();
      FakeEs.Sent put = search.sent().stream().filter(s -> s.line().equals("PUT /_cluster/settings"))
          .reduce((a, b) -> b).orElseThrow();
      assertThat(put.body().get("persistent").get("cluster.remote.data.skip_unavailable").isNull())
          .isTrue();
      assertThat(data.lines()).contains("DELETE /_security/api_key");
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isTrue();
    }
  }

  @Test
  void aLinkDeletedFromTheTopologyIsRemovedStepByStepAndForgottenLast() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      LinkFootprint f = store.footprints("search").get("data");
      assertThat(f.keyId()).isEqualTo("key1");
      assertThat(f.localRole()).isEqualTo("remote-data");
      assertThat(f.remote()).isEqualTo("data");
      // the dry run names every removal step with its body and changes nothing
      TopologyPlan plan = r.plan(topology(List.of()));
      assertThat(plan.links()).singleElement().satisfies(p -> assertThat(
          ((PlanResult.Planned) p).plan().steps()).extracting(PlanStep::action).containsExactly(
              StepAction.REMOVE_REMOTE_SETTINGS, StepAction.INVALIDATE_API_KEY,
              StepAction.REMOVE_CREDENTIALS, StepAction.RELOAD_SECURE_SETTINGS,
              StepAction.DELETE_LOCAL_ROLE));
      int sentBefore = search.sent().size() + data.sent().size();
      // the deletion
      ApplyReport removed = r.apply(topology(List.of()));
      assertThat(removed.succeeded()).as(removed.toString()).isTrue();
      assertThat(removed.links()).singleElement()
          .satisfies(l -> assertThat(l.change()).isEqualTo(Change.REMOVED));
      assertThat(search.persistent()).isEmpty();
      assertThat(data.sent().stream().filter(s -> s.line().equals("DELETE /_security/api_key"))
          .map(s -> s.body().toString())).containsExactly("{\"ids\":[\"key1\"]}");
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isTrue();
      assertThat(keystore).isEmpty();
      assertThat(search.lines()).containsSubsequence("PUT /_cluster/settings",
          "POST /_nodes/reload_secure_settings", "DELETE /_security/role/remote-data");
      assertThat(store.owned("search")).isEmpty();
      assertThat(sentBefore).isPositive();
    }
  }

  @Test
  void aRemovalThatFailsKeepsTheRecordAndTheNextRunFinishesIt() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      data.failNext("DELETE /_security/api_key", 500, "exception", "boom");
      ApplyReport failed = r.apply(topology(List.of()));
      assertThat(failed.succeeded()).isFalse();
      assertThat(store.owned("search")).containsExactly("data"); // kept: the key is still active
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isFalse();
      ApplyReport again = r.apply(topology(List.of()));
      assertThat(again.succeeded()).as(again.toString()).isTrue();
      assertThat(again.links()).singleElement()
          .satisfies(l -> assertThat(l.change()).isEqualTo(Change.REMOVED));
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isTrue();
      assertThat(keystore).isEmpty();
      assertThat(store.owned("search")).isEmpty();
    }
  }

  @Test
  void withoutARemoveCommandTheCredentialsAreAManualStepNamingTheSettingAndTheRunSucceeds() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
    }
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ZERO))) {
      ApplyReport removed = r.apply(topology(List.of()));
      assertThat(removed.succeeded()).as(removed.toString()).isTrue();
      assertThat(removed.notRun()).anySatisfy(s -> {
        assertThat(s.action()).isEqualTo(StepAction.REMOVE_CREDENTIALS);
        assertThat(s.description()).contains("cluster.remote.data.credentials");
      });
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isTrue();
    }
  }

  @Test
  void anAbsentLinkThatNeverExistedIsUnchangedWithoutWaiting() {
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ofSeconds(30)))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink().withState(
          io.github.remoteclusters.core.LinkState.ABSENT))));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      assertThat(report.links()).singleElement()
          .satisfies(l -> assertThat(l.change()).isEqualTo(Change.UNCHANGED));
      // read once, never polled: nothing to wait for
      assertThat(search.lines().stream().filter("GET /_remote/info"::equals)).hasSize(1);
      assertThat(data.lines()).doesNotContain("DELETE /_security/api_key");
    }
  }

  @Test
  void anOwnershipStoreThatCannotRecordCreatesNothingFakeStore() {
    OwnershipStore readOnly = new OwnershipStore() {
      @Override
      public java.util.Set<String> owned(String cluster) {
        return java.util.Set.of();
      }

      @Override
      public void save(String cluster, java.util.Set<String> aliases) {
        throw new io.github.remoteclusters.elasticsearch.spi.OwnershipException(
            io.github.remoteclusters.elasticsearch.spi.OwnershipException.Reason.IO,
            "cannot write ownership file [x]: read-only", null);
      }
    };
    search.reachable("data:9443");
    try (Reconciler r = new DefaultReconciler(Reconciler.builder().credentials(writer)
        .ownership(readOnly).verifyTimeout(Duration.ZERO).config(),
        FakeEs.connector(Map.of("http://search:9200", search, "http://data:9200", data,
            "http://old:9200", old)))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      assertThat(report.succeeded()).isFalse();
      assertThat(data.lines()).doesNotContain("POST /_security/cross_cluster/api_key");
      assertThat(search.lines()).doesNotContain("PUT /_cluster/settings",
          "PUT /_security/role/remote-data", "POST /_nodes/reload_secure_settings");
      assertThat(keystore).isEmpty();
    }
  }

  @Test
  void aKeyInvalidatedBehindOurBackIsReplacedByTheNextApply() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ofSeconds(1)))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      data.keys().get("key1").put("invalidated", true); // an admin's DELETE /_security/api_key
      ApplyReport repaired = r.apply(topology(List.of(apiKeyLink())));
      assertThat(repaired.succeeded()).as(repaired.toString()).isTrue();
      assertThat(data.keys().get("key2").get("invalidated").asBoolean()).isFalse();
      assertThat(keystore).containsEntry("search/data", "ZW5jb2RlZA2");
      assertThat(store.footprints("search").get("data").keyId()).isEqualTo("key2");
      // and the run after that only reads the key by its id
      int from = data.lines().size();
      assertThat(r.apply(topology(List.of(apiKeyLink()))).clusters().get(0))
          .isInstanceOf(ClusterOutcome.AlreadyInPlace.class);
      assertThat(data.lines().subList(from, data.lines().size()))
          .containsExactly("GET /_security/api_key");
    }
  }

  @Test
  void aKeyWhoseCreateLandsAfterTheLookupIsInvalidatedOnceTheLinkIsVerifiedFakeTransport() {
    search.reachable("data:9443");
    // a create a killed run had in flight lands on the remote after this run looked up the name
    CredentialWriter landing = new CredentialWriter() {
      @Override
      public void store(Cluster local, String alias, String encodedApiKey) {
        writer.store(local, alias, encodedApiKey);
        data.addKey("remote-clusters-search-data");
      }

      @Override
      public void remove(Cluster local, String alias) {
        writer.remove(local, alias);
      }
    };
    try (Reconciler r = reconciler(Reconciler.builder().credentials(landing)
        .verifyTimeout(Duration.ofSeconds(1)))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      String inUse = store.footprints("search").get("data").keyId();
      assertThat(data.keys().get(inUse).get("invalidated").asBoolean()).isFalse();
      assertThat(data.keys().values()).filteredOn(k -> !k.get("id").asText().equals(inUse))
          .singleElement().satisfies(k -> assertThat(k.get("invalidated").asBoolean()).isTrue());
      // the invalidation is the last request, after verification, and says which ids
      List<io.github.remoteclusters.core.plan.HttpRequest> sent =
          report.clusters().get(0).requests();
      assertThat(sent.get(sent.size() - 1).method() + " " + sent.get(sent.size() - 1).path())
          .isEqualTo("DELETE /_security/api_key");
      assertThat(sent.get(sent.size() - 1).body()).doesNotContain(inUse);
      // the next run, an update by the recorded id, looks up nothing by name
      int from = data.lines().size();
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      assertThat(data.lines().subList(from, data.lines().size()))
          .containsExactly("GET /_security/api_key");
    }
  }

  @Test
  void fromCertificateToApiKeyIsAMigrationWithTheRoleBeforeTheSwitch() {
    search.reachable("data:9443");
    search.reachable("data:9300");
    Link cert = Link.of("search", "data", "data").withSecurity(SecurityModel.CERTIFICATE)
        .withMode(Mode.SNIFF);
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(cert))).succeeded()).isTrue();
      Plan p = ((PlanResult.Planned) r.plan(topology(List.of(apiKeyLink()))).links().get(0)).plan();
      List<StepAction> actions = p.steps().stream().map(PlanStep::action).toList();
      assertThat(actions).first().isEqualTo(StepAction.MIGRATE_SECURITY_MODEL);
      // the switch: the reload and the settings write back to back, the role before them
      assertThat(actions.subList(actions.indexOf(StepAction.CREATE_CROSS_CLUSTER_API_KEY),
          actions.size())).containsExactly(StepAction.CREATE_CROSS_CLUSTER_API_KEY,
          StepAction.STORE_CREDENTIALS, StepAction.CREATE_LOCAL_ROLE,
          StepAction.RELOAD_SECURE_SETTINGS, StepAction.PUT_REMOTE_SETTINGS,
          StepAction.VERIFY_CONNECTED, StepAction.INVALIDATE_API_KEY);
      assertThat(p.steps().get(0).payload()).isEqualTo(new StepPayload.MigrateSecurityModel(
          "data", SecurityModel.CERTIFICATE, SecurityModel.API_KEY));
      int from = search.lines().size();
      ApplyReport migrated = r.apply(topology(List.of(apiKeyLink())));
      assertThat(migrated.succeeded()).as(migrated.toString()).isTrue();
      List<String> writes = search.lines().subList(from, search.lines().size()).stream()
          .filter(l -> !l.startsWith("GET ") && !l.contains("remote-clusters-claims")).toList();
      assertThat(writes).containsExactly("PUT /_security/role/remote-data",
          "POST /_nodes/reload_secure_settings", "PUT /_cluster/settings");
      assertThat(search.persistent().get("cluster.remote.data.seeds").get(0).asText())
          .isEqualTo("data:9443");
      LinkFootprint f = store.footprints("search").get("data");
      assertThat(f.security()).isEqualTo(SecurityModel.API_KEY);
      assertThat(f.keyId()).isEqualTo("key1");
      assertThat(keystore).containsKey("search/data");
    }
  }

  @Test
  void fromApiKeyBackToCertificateIsAMigrationThatRemovesWhatTheKeyMade() {
    search.reachable("data:9443");
    search.reachable("data:9300");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      Link cert = Link.of("search", "data", "data").withSecurity(SecurityModel.CERTIFICATE)
          .withMode(Mode.SNIFF);
      Plan p = ((PlanResult.Planned) r.plan(topology(List.of(cert))).links().get(0)).plan();
      // the credentials leave the keystore, the switch (reload, settings) back to back, and the
      // key and role go once it is verified
      assertThat(p.steps()).extracting(PlanStep::action)
          .filteredOn(a -> a != StepAction.TRUST_CA).containsSubsequence(
          StepAction.MIGRATE_SECURITY_MODEL, StepAction.REMOVE_CREDENTIALS,
          StepAction.RELOAD_SECURE_SETTINGS, StepAction.PUT_REMOTE_SETTINGS,
          StepAction.VERIFY_CONNECTED, StepAction.INVALIDATE_API_KEY,
          StepAction.DELETE_LOCAL_ROLE);
      List<StepAction> actions = p.steps().stream().map(PlanStep::action).toList();
      assertThat(actions.indexOf(StepAction.PUT_REMOTE_SETTINGS))
          .isEqualTo(actions.indexOf(StepAction.RELOAD_SECURE_SETTINGS) + 1);
      assertThat(p.steps().get(0).payload()).isEqualTo(new StepPayload.MigrateSecurityModel(
          "data", SecurityModel.API_KEY, SecurityModel.CERTIFICATE));
      int from = search.lines().size();
      ApplyReport migrated = r.apply(topology(List.of(cert)));
      assertThat(migrated.succeeded()).as(migrated.toString()).isTrue();
      assertThat(search.lines().subList(from, search.lines().size()).stream()
          .filter(l -> !l.startsWith("GET ") && !l.contains("remote-clusters-claims")).toList())
          .containsExactly("POST /_nodes/reload_secure_settings", "PUT /_cluster/settings",
              "DELETE /_security/role/remote-data");
      assertThat(search.persistent().get("cluster.remote.data.seeds").get(0).asText())
          .isEqualTo("data:9300");
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isTrue();
      assertThat(keystore).isEmpty();
      assertThat(search.lines()).contains("DELETE /_security/role/remote-data");
      LinkFootprint f = store.footprints("search").get("data");
      assertThat(f.security()).isEqualTo(SecurityModel.CERTIFICATE);
      assertThat(f.keyId()).isNull();
      assertThat(f.localRole()).isNull();
    }
  }

  @Test
  void anAliasIsClaimedOnTheClusterAndTheClaimGoesWithTheLink() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      ObjectNode claim = search.claims().get("data");
      assertThat(claim.get("owner").asText()).isEqualTo(store.ownerId());
      assertThat(claim.hasNonNull("run")).isFalse(); // the lease ended with the run
      assertThat(r.apply(topology(List.of())).succeeded()).isTrue();
      assertThat(search.claims()).doesNotContainKey("data");
    }
  }

  @Test
  void anAliasClaimedByAnotherOwnerIsLeftAloneAndTheErrorNamesTheOwner() {
    search.reachable("data:9443");
    ObjectNode theirs = Json.object();
    theirs.put("alias", "data").put("owner", "other-store/other.yaml").put("topology", "")
        .put("host", "elsewhere").put("pid", 1).putNull("run").put("lease_until", 0);
    search.claim("data", theirs);
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      assertThat(report.succeeded()).isFalse();
      ClusterOutcome.Failed f = (ClusterOutcome.Failed) report.clusters().get(0);
      assertThat(f.cause().getMessage()).contains("claimed by another owner [other-store/other.yaml]");
      assertThat(data.lines()).doesNotContain("POST /_security/cross_cluster/api_key");
      assertThat(search.lines()).doesNotContain("PUT /_cluster/settings");
      assertThat(store.owned("search")).isEmpty();
    }
  }

  @Test
  void aLiveRunOfTheSameOwnerHoldsTheAliasAndADeadOnesLeaseIsTakenOver() throws Exception {
    search.reachable("data:9443");
    ObjectNode live = Json.object();
    live.put("alias", "data").put("owner", store.ownerId()).put("topology", "")
        .put("host", java.net.InetAddress.getLocalHost().getHostName())
        .put("pid", ProcessHandle.current().pid()).put("run", "another-run")
        .put("lease_until", System.currentTimeMillis() + 600_000);
    search.claim("data", live);
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ZERO))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      assertThat(report.succeeded()).isFalse();
      assertThat(((ClusterOutcome.Failed) report.clusters().get(0)).cause().getMessage())
          .contains("being applied by another run");
      assertThat(data.lines()).doesNotContain("POST /_security/cross_cluster/api_key");
      // the same lease held by a process that has ended (a run killed with -9) is taken over
      Process ended = new ProcessBuilder("true").start();
      ended.waitFor();
      live.put("pid", ended.pid());
      search.claim("data", live);
      ApplyReport after = r.apply(topology(List.of(apiKeyLink())));
      assertThat(after.succeeded()).as(after.toString()).isTrue();
      assertThat(data.keys()).hasSize(1);
    }
  }

  @Test
  void rotationCreatesTheNewKeyBeforeInvalidatingTheOld() {
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ofSeconds(1)))) {
      assertThat(r.apply(topology(List.of(apiKeyLink()))).succeeded()).isTrue();
      int from = data.sent().size();
      ClusterOutcome rotated = r.rotateApiKey(topology(List.of(apiKeyLink())), "search", "data");
      assertThat(rotated).as(rotated.toString()).isInstanceOf(ClusterOutcome.Applied.class);
      assertThat(data.lines().subList(from, data.lines().size())).containsExactly(
          "GET /_security/api_key", "POST /_security/cross_cluster/api_key",
          "DELETE /_security/api_key");
      assertThat(keystore).containsEntry("search/data", "ZW5jb2RlZA2");
      assertThat(data.keys().get("key1").get("invalidated").asBoolean()).isTrue();
      assertThat(data.keys().get("key2").get("invalidated").asBoolean()).isFalse();
      assertThat(search.lines().get(search.lines().size() - 2))
          .isEqualTo("POST /_nodes/reload_secure_settings");
    }
  }

  @Test
  void aLinkLeftDisconnectedFailsEveryRunNotOnlyTheOneThatWroteIt() {
    // nothing answers at data:9300 for search: the link is written but never connects
    old.reachable("search:9300");
    List<Link> links = List.of(Link.of("search", "data", "d").withSecurity(SecurityModel.NONE),
        Link.of("old", "search", "s").withSecurity(SecurityModel.NONE));
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ofMillis(200)))) {
      ApplyReport first = r.apply(topology(links));
      assertThat(first.succeeded()).isFalse();
      // the verification failure of search neither stops nor skips old
      assertThat(first.clusters()).extracting(ClusterOutcome::status)
          .containsExactly("failed", "applied");
      ApplyReport again = r.apply(topology(links));
      assertThat(again.succeeded()).as(again.toString()).isFalse();
      ClusterOutcome.Failed failed = (ClusterOutcome.Failed) again.clusters().get(0);
      assertThat(failed.cause().step())
          .isEqualTo(io.github.remoteclusters.elasticsearch.ApplyStep.VERIFY_CONNECTED);
      assertThat(failed.cause().getMessage()).contains("unchanged by this run but not connected");
      assertThat(again.links().get(0).change()).isEqualTo(Change.UNCHANGED);
      assertThat(again.links().get(0).status().connected()).isFalse();
      assertThat(again.clusters().get(1)).isInstanceOf(ClusterOutcome.AlreadyInPlace.class);

      // once the remote answers, the same run is in place again
      search.reachable("data:9300");
      assertThat(r.apply(topology(links)).clusters()).extracting(ClusterOutcome::status)
          .containsExactly("in_place", "in_place");
    }
  }

  @Test
  void stateNotRecoveredOnAFakeServerFailsTheClusterAndKeepsItsOwnershipRecord() {
    search.reachable("data:9300");
    List<Link> links = List.of(Link.of("search", "data", "d").withSecurity(SecurityModel.NONE));
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ofSeconds(1)))) {
      assertThat(r.apply(topology(links)).succeeded()).isTrue();
      assertThat(store.owned("search")).containsExactly("d");
      // just restarted: settings read empty; an empty topology must not forget [d] on that
      search.stateNotRecovered(true);
      int puts = (int) search.lines().stream().filter("PUT /_cluster/settings"::equals).count();
      ApplyReport report = r.apply(topology(List.of()));
      ClusterOutcome.Failed failed = (ClusterOutcome.Failed) report.clusters().get(0);
      assertThat(failed.cause().step())
          .isEqualTo(io.github.remoteclusters.elasticsearch.ApplyStep.READ_SETTINGS);
      assertThat(failed.cause().getMessage()).contains("state not recovered")
          .contains("ownership record is left as it was");
      assertThat(report.links()).isEmpty();
      assertThat(store.owned("search")).containsExactly("d");
      assertThat(search.lines().stream().filter("PUT /_cluster/settings"::equals).count())
          .isEqualTo(puts);
    }
  }

  @Test
  void anOwnershipStoreThatFailsIsAFailedClusterNotAnException() {
    OwnershipStore broken = new OwnershipStore() {
      @Override
      public java.util.Set<String> owned(String cluster) {
        throw new io.github.remoteclusters.elasticsearch.spi.OwnershipException(
            io.github.remoteclusters.elasticsearch.spi.OwnershipException.Reason.INVALID,
            "ownership file [x.json] is invalid at clusters: expected an object", null);
      }

      @Override
      public void save(String cluster, java.util.Set<String> aliases) {
        owned(cluster);
      }
    };
    List<Link> links = List.of(Link.of("search", "data", "d").withSecurity(SecurityModel.NONE),
        Link.of("old", "search", "s").withSecurity(SecurityModel.NONE));
    try (Reconciler r = new DefaultReconciler(Reconciler.builder().ownership(broken)
        .continueOnFailure(true).config(), FakeEs.connector(Map.of("http://search:9200", search,
            "http://data:9200", data, "http://old:9200", old)))) {
      ApplyReport report = r.apply(topology(links));
      assertThat(report.succeeded()).isFalse();
      assertThat(report.clusters()).allSatisfy(c -> {
        assertThat(c).isInstanceOf(ClusterOutcome.Failed.class);
        assertThat(((ClusterOutcome.Failed) c).cause().step())
            .isEqualTo(io.github.remoteclusters.elasticsearch.ApplyStep.OWNERSHIP);
        assertThat(((ClusterOutcome.Failed) c).cause().getMessage()).contains("x.json");
      });
      assertThat(search.lines()).doesNotContain("PUT /_cluster/settings");
      assertThat(r.status(topology(links))).allSatisfy(st -> {
        assertThat(st.state()).isEqualTo(io.github.remoteclusters.elasticsearch.LinkStatus.State.UNKNOWN);
        assertThat(st.diagnosis().code())
            .isEqualTo(io.github.remoteclusters.elasticsearch.Diagnosis.Code.OWNERSHIP);
      });
    }
  }

  @Test
  void aKeyFoundByNameWithoutStoredCredentialsIsReplacedNotReused() {
    // a create whose answer was lost: the key exists on the remote, its secret nowhere
    data.addKey("remote-clusters-search-data");
    search.reachable("data:9443");
    try (Reconciler r = reconciler(Reconciler.builder().credentials(writer)
        .verifyTimeout(Duration.ofSeconds(1)))) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink())));
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      assertThat(data.lines()).containsSubsequence("GET /_security/api_key",
          "DELETE /_security/api_key", "POST /_security/cross_cluster/api_key")
          .doesNotContain("PUT /_security/cross_cluster/api_key/key1");
      assertThat(keystore).containsKey("search/data");
      assertThat(report.links().get(0).status().info().credentials()).isTrue();
    }
  }

  @Test
  void verificationThreadsEndWithClose() throws InterruptedException {
    search.reachable("data:9300");
    old.reachable("search:9300");
    try (Reconciler r = reconciler(Reconciler.builder().verifyTimeout(Duration.ofSeconds(1)))) {
      assertThat(r.apply(topology(List.of(
          Link.of("search", "data", "d").withSecurity(SecurityModel.NONE),
          Link.of("old", "search", "s").withSecurity(SecurityModel.NONE)))).succeeded()).isTrue();
      assertThat(verifyThreads()).isNotEmpty();
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!verifyThreads().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(verifyThreads()).isEmpty();
  }

  private static List<Thread> verifyThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("remote-clusters-verify-")).toList();
  }
}
