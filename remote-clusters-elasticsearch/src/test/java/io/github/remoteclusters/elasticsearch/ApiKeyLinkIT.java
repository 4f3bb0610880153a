package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.security.ApiKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.LinkResult.Change;
import io.github.remoteclusters.elasticsearch.internal.apply.DefaultReconciler;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.ReplicationAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import io.github.remoteclusters.testkit.Credentials;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API-key model carried out by the {@link Reconciler} on real secured clusters: 9.5 to 9.5,
 * 8.19 to 8.19 and 8.19 to 9.5 (the mixed pair the compat module supports), each remote with a
 * remote cluster server on TLS whose certificates our security module made. The four clusters are
 * shared with the other secured ITs of this JVM; every test uses aliases, users and keys of its
 * own.
 */
@SuppressWarnings("rawtypes")
class ApiKeyLinkIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster a95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  @EsCluster(name = "sec-a819", version = "8.19.21", security = Security.TLS, shared = true)
  static TestCluster a819;

  @EsCluster(name = "sec-b819", version = "8.19.21", remoteClusterServer = true, shared = true)
  static TestCluster b819;

  static final ObjectMapper JSON = new ObjectMapper();

  /** A local and a remote cluster; {@code id} goes into alias names. */
  record Pair(String id, TestCluster local, TestCluster remote) {
    @Override
    public String toString() {
      return local.version() + " -> " + remote.version();
    }
  }

  static Stream<Pair> pairs() {
    return Stream.of(
        new Pair("n", a95, b95), new Pair("o", a819, b819), new Pair("m", a819, b95));
  }

  static List<TestCluster> all() {
    return List.of(a95, b95, a819, b819);
  }

  @BeforeAll
  static void documentsOnTheRemotes() throws IOException {
    for (TestCluster c : List.of(b95, b819)) {
      for (String index : List.of("ak_allowed", "ak_other", "ak_secret")) {
        c.client().index(i -> i.index(index).id("1")
            .document(Map.of("msg", index + " on " + c.name())).refresh(Refresh.True));
      }
    }
  }

  // ------------------------------------------------------------ helpers

  static CrossClusterAccess searchAccess(String... names) {
    return new CrossClusterAccess(List.of(SearchAccess.of(names)), List.of());
  }

  static Link apiKeyLink(Pair p, String alias, Mode mode, CrossClusterAccess access) {
    return Link.of(p.local().name(), p.remote().name(), alias)
        .withSecurity(SecurityModel.API_KEY).withMode(mode).withAccess(access);
  }

  static Topology topology(List<Link> links) {
    return new Topology(all().stream().map(SecuredClusters::cluster).toList(), links);
  }

  static Reconciler reconciler(OwnershipStore store) {
    return reconciler(store, SecuredClusters.keystores(all()));
  }

  static Reconciler reconciler(OwnershipStore store, CredentialWriter writer) {
    return Reconciler.builder()
        .ownership(store)
        .access(SecuredClusters.access(all()))
        .credentials(writer)
        .verifyTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** Passes credentials on to the keystores and remembers what it stored and removed. */
  static final class Recording implements CredentialWriter {
    final CredentialWriter target;
    final Map<String, String> stored = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> removed = new java.util.concurrent.CopyOnWriteArrayList<>();

    Recording(CredentialWriter target) {
      this.target = target;
    }

    @Override
    public void store(io.github.remoteclusters.core.Cluster local, String alias, String key) {
      target.store(local, alias, key);
      stored.put(alias, key);
    }

    @Override
    public void remove(io.github.remoteclusters.core.Cluster local, String alias) {
      target.remove(local, alias);
      removed.add(alias);
    }
  }

  /**
   * Searches one index until told to stop; a search fails when it throws, skips a cluster or
   * does not return the one document.
   */
  static final class SearchLoop implements Runnable {
    final ElasticsearchClient client;
    final String index;
    final java.util.concurrent.atomic.AtomicInteger searches =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean stop;
    volatile String firstFailure = "";

    SearchLoop(ElasticsearchClient client, String index) {
      this.client = client;
      this.index = index;
    }

    @Override
    public void run() {
      while (!stop) {
        try {
          SearchResponse<Map> r = client.search(s -> s.index(index), Map.class);
          boolean ok = r.hits().hits().size() == 1
              && (r.clusters() == null || r.clusters().skipped() == 0);
          if (!ok) {
            fail("hits " + r.hits().hits().size() + ", clusters " + r.clusters());
          }
        } catch (IOException | RuntimeException e) {
          fail(String.valueOf(e));
        }
        searches.incrementAndGet();
      }
    }

    private void fail(String why) {
      if (failures.getAndIncrement() == 0) {
        firstFailure = why;
      }
    }

    void awaitSearches(int n, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (searches.get() < n && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(searches.get()).as("searches done").isGreaterThanOrEqualTo(n);
    }
  }

  /**
   * After the credentials changed, the reason the remote gives for refusing: polls a search until
   * the remote refuses it (the connection may carry on with the earlier credentials for a moment).
   */
  static String refusalAfterReconnect(TestCluster local, String alias) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        SearchResponse<Map> r =
            local.client().search(s -> s.index(alias + ":ak_allowed"), Map.class);
        if (r.clusters() != null && r.clusters().skipped() > 0) {
          var d = r.clusters().details().get(alias);
          return d.failures().isEmpty() ? "skipped" : d.failures().get(0).reason().reason();
        }
        last = "still answered with " + r.hits().hits().size() + " hits";
      } catch (ElasticsearchException e) {
        return e.getMessage();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the old key still works after 60 s: " + last);
  }

  static List<ApiKey> keys(TestCluster remote, String name) throws IOException {
    return remote.client().security().getApiKey(g -> g.name(name).activeOnly(true)).apiKeys();
  }

  static String keyName(Pair p, String alias) {
    return "remote-clusters-" + p.local().name() + "-" + alias;
  }

  /** A native user on the local cluster holding only the given role. */
  static Credentials user(TestCluster local, String name, String role) throws IOException {
    String password = "pw-" + name + "-" + Long.toHexString(System.nanoTime());
    local.client().security().putUser(u -> u.username(name).password(password).roles(role));
    return new Credentials(name, password);
  }

  static String searchOne(ElasticsearchClient client, String index) throws IOException {
    SearchResponse<Map> r = client.search(s -> s.index(index), Map.class);
    assertThat(r.hits().hits()).as("hits of " + index).hasSize(1);
    return String.valueOf(r.hits().hits().get(0).source().get("msg"));
  }

  /**
   * Asserts that Elasticsearch refuses a cross-cluster search and returns its reason: a 403 when
   * the alias has {@code skip_unavailable: false}, else (the 9.x default) the remote is skipped and
   * the reason is in {@code _clusters.details}.
   */
  static String refusal(ElasticsearchClient client, String index) {
    String alias = index.substring(0, index.indexOf(':'));
    try {
      SearchResponse<Map> r = client.search(s -> s.index(index), Map.class);
      assertThat(r.hits().hits()).as("hits of " + index).isEmpty();
      assertThat(r.clusters()).isNotNull();
      assertThat(r.clusters().skipped()).as("skipped clusters").isEqualTo(1);
      var details = r.clusters().details().get(alias);
      assertThat(details.failures()).isNotEmpty();
      String reason = details.failures().get(0).reason().reason();
      assertThat(reason).contains("unauthorized");
      return reason;
    } catch (ElasticsearchException e) {
      assertThat(e.status()).isEqualTo(403);
      assertThat(e.getMessage()).contains("unauthorized");
      return e.getMessage();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void cleanUp(Pair p, OwnershipStore store) {
    try (Reconciler r = reconciler(store)) {
      r.apply(topology(List.of()));
    }
  }

  // ------------------------------------------------------------ tests

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void linkFromNothingConnectsWithCredentialsAndASecondApplyWritesNothing(Pair p)
      throws IOException {
    OwnershipStore store = OwnershipStore.inMemory();
    String proxy = "ak_" + p.id() + "_proxy";
    String sniff = "ak_" + p.id() + "_sniff";
    Topology t = topology(List.of(
        apiKeyLink(p, proxy, Mode.PROXY, searchAccess("ak_allowed")),
        apiKeyLink(p, sniff, Mode.SNIFF, searchAccess("ak_allowed"))));
    try (Reconciler r = reconciler(store)) {
      long begin = System.nanoTime();
      ApplyReport first = r.apply(t);
      System.out.println("PERF api-key link from nothing (" + p + ", 2 aliases): "
          + (System.nanoTime() - begin) / 1_000_000 + " ms");
      assertThat(first.succeeded()).as(first.toString()).isTrue();
      for (String alias : List.of(proxy, sniff)) {
        LinkResult lr = first.links().stream().filter(l -> l.alias().equals(alias))
            .findFirst().orElseThrow();
        assertThat(lr.change()).isEqualTo(Change.ADDED);
        assertThat(lr.status().connected()).as(alias).isTrue();
        assertThat(lr.status().info().credentials()).as(alias + " cluster_credentials").isTrue();
        // one key on the remote, its credentials in the local keystore
        assertThat(keys(p.remote(), keyName(p, alias))).hasSize(1);
      }
      assertThat(first.links().stream().filter(l -> l.alias().equals(proxy)).findFirst()
          .orElseThrow().status().info()).isInstanceOf(RemoteInfo.Proxy.class);
      assertThat(first.links().stream().filter(l -> l.alias().equals(sniff)).findFirst()
          .orElseThrow().status().info()).isInstanceOf(RemoteInfo.Sniff.class);
      String settings = p.local().client().cluster().getSettings(g -> g.flatSettings(true))
          .persistent().toString();
      assertThat(settings).contains(p.remote().remoteClusterServerAddress());

      // a user holding only the local role the plan created searches through both aliases
      Credentials reader = user(p.local(), "reader_" + p.id(), "remote-" + proxy);
      ElasticsearchClient asReader = p.local().clientAs(reader);
      assertThat(searchOne(asReader, proxy + ":ak_allowed"))
          .isEqualTo("ak_allowed on " + p.remote().name());
      System.out.println("REFUSED " + p + ": " + refusal(asReader, proxy + ":ak_secret"));
      // the superuser may read everything locally, yet the key's access refuses the index
      assertThat(refusal(p.local().client(), sniff + ":ak_secret")).contains("ak_secret");
      assertThat(searchOne(p.local().client(), sniff + ":ak_allowed"))
          .isEqualTo("ak_allowed on " + p.remote().name());

      // second apply: nothing written, no key made
      var session = ((DefaultReconciler) r).openSession(p.local().name());
      var remoteSession = ((DefaultReconciler) r).openSession(p.remote().name());
      int localWrites = session.counter().writes();
      int remoteWrites = remoteSession.counter().writes();
      ApplyReport second = r.apply(t);
      assertThat(second.succeeded()).as(second.toString()).isTrue();
      assertThat(second.writes()).isZero();
      assertThat(session.counter().writes()).isEqualTo(localWrites);
      assertThat(remoteSession.counter().writes()).isEqualTo(remoteWrites);
      for (String alias : List.of(proxy, sniff)) {
        assertThat(keys(p.remote(), keyName(p, alias))).hasSize(1);
      }
    } finally {
      cleanUp(p, store);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void anAccessChangeUpdatesTheExistingKeyAndRoleInPlace(Pair p) throws IOException {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "ak_" + p.id() + "_acc";
    try (Reconciler r = reconciler(store)) {
      ApplyReport first =
          r.apply(topology(List.of(apiKeyLink(p, alias, Mode.PROXY, searchAccess("ak_allowed")))));
      assertThat(first.succeeded()).as(first.toString()).isTrue();
      String keyId = keys(p.remote(), keyName(p, alias)).get(0).id();
      Credentials reader = user(p.local(), "acc_reader_" + p.id(), "remote-" + alias);
      ElasticsearchClient asReader = p.local().clientAs(reader);
      assertThat(searchOne(asReader, alias + ":ak_allowed"))
          .isEqualTo("ak_allowed on " + p.remote().name());
      refusal(asReader, alias + ":ak_other");

      Topology changed =
          topology(List.of(apiKeyLink(p, alias, Mode.PROXY, searchAccess("ak_other"))));
      ApplyReport second = r.apply(changed);
      assertThat(second.succeeded()).as(second.toString()).isTrue();
      assertThat(second.clusters().get(0).requests())
          .anySatisfy(q -> assertThat(q.method() + " " + q.path())
              .isEqualTo("PUT /_security/cross_cluster/api_key/" + keyId))
          .anySatisfy(q -> assertThat(q.method() + " " + q.path())
              .isEqualTo("PUT /_security/role/remote-" + alias));
      // the same key, in place: no new key, no new credentials
      assertThat(keys(p.remote(), keyName(p, alias))).singleElement()
          .satisfies(k -> assertThat(k.id()).isEqualTo(keyId));
      assertThat(searchOne(asReader, alias + ":ak_other"))
          .isEqualTo("ak_other on " + p.remote().name());
      refusal(asReader, alias + ":ak_allowed");

      // and once in place, nothing more to write
      var remoteSession = ((DefaultReconciler) r).openSession(p.remote().name());
      int remoteWrites = remoteSession.counter().writes();
      ApplyReport third = r.apply(changed);
      assertThat(third.writes()).isZero();
      assertThat(third.clusters().get(0)).isInstanceOf(ClusterOutcome.AlreadyInPlace.class);
      assertThat(remoteSession.counter().writes()).isEqualTo(remoteWrites);
    } finally {
      cleanUp(p, store);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void rotationUnderASearchLoopFailsNoSearchRestartsNothingAndRetiresTheOldKey(Pair p)
      throws Exception {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "ak_" + p.id() + "_rot";
    Recording writer = new Recording(SecuredClusters.keystores(all()));
    Topology t = topology(List.of(apiKeyLink(p, alias, Mode.PROXY, searchAccess("ak_allowed"))));
    long localPid = p.local().pid();
    long remotePid = p.remote().pid();
    try (Reconciler r = reconciler(store, writer)) {
      assertThat(r.apply(t).succeeded()).isTrue();
      String oldKey = writer.stored.get(alias);
      String oldId = keys(p.remote(), keyName(p, alias)).get(0).id();
      ElasticsearchClient asReader =
          p.local().clientAs(user(p.local(), "rot_reader_" + p.id(), "remote-" + alias));
      SearchLoop loop = new SearchLoop(asReader, alias + ":ak_allowed");
      Thread thread = new Thread(loop, "search-loop-" + alias);
      thread.start();
      loop.awaitSearches(3, Duration.ofSeconds(60));
      long begin = System.nanoTime();
      ClusterOutcome outcome = r.rotateApiKey(t, p.local().name(), alias);
      long rotationMillis = (System.nanoTime() - begin) / 1_000_000;
      int atRotation = loop.searches.get();
      loop.awaitSearches(atRotation + 5, Duration.ofSeconds(60));
      loop.stop = true;
      thread.join(60_000);
      System.out.println("PERF rotation (" + p + "): new key active in " + rotationMillis
          + " ms; searches during the run " + loop.searches.get() + ", failed "
          + loop.failures.get() + ", node restarts "
          + (p.local().pid() == localPid && p.remote().pid() == remotePid ? 0 : 1));
      assertThat(outcome).as(outcome.toString()).isInstanceOf(ClusterOutcome.Applied.class);
      assertThat(loop.failures.get()).as("failed searches: " + loop.firstFailure).isZero();
      assertThat(p.local().isRunning()).isTrue();
      assertThat(p.local().pid()).isEqualTo(localPid);
      assertThat(p.remote().pid()).isEqualTo(remotePid);
      // a new key is in use; the old one is invalidated ...
      assertThat(writer.stored.get(alias)).isNotEqualTo(oldKey);
      assertThat(keys(p.remote(), keyName(p, alias))).singleElement()
          .satisfies(k -> assertThat(k.id()).isNotEqualTo(oldId));
      assertThat(p.remote().client().security().getApiKey(g -> g.id(oldId)).apiKeys())
          .singleElement().satisfies(k -> assertThat(k.invalidated()).isTrue());
      // ... and no longer authenticates: put it back and the remote refuses the connection
      p.local().keystore().put(SecuredClusters.setting(alias), oldKey);
      p.local().keystore().reload();
      String refused = refusalAfterReconnect(p.local(), alias);
      System.out.println("OLD KEY (" + p + "): " + refused);
      p.local().keystore().put(SecuredClusters.setting(alias), writer.stored.get(alias));
      p.local().keystore().reload();
    } finally {
      cleanUp(p, store);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void removalClearsKeyCredentialsAndRoleButNotTheUsersOwn(Pair p) throws IOException {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "ak_" + p.id() + "_rm";
    String own = "own_" + p.id();
    Recording writer = new Recording(SecuredClusters.keystores(all()));
    Link link = apiKeyLink(p, alias, Mode.PROXY, searchAccess("ak_allowed"));
    String ownKeyId = p.remote().client().security().createCrossClusterApiKey(c -> c
        .name("users-own-" + p.id())
        .access(a -> a.search(s -> s.names("ak_allowed")))).id();
    p.local().client().cluster().putSettings(s -> s.persistent(
        "cluster.remote." + own + ".seeds",
        co.elastic.clients.json.JsonData.of(List.of(p.remote().transportAddress()))));
    try (Reconciler r = reconciler(store, writer)) {
      assertThat(r.apply(topology(List.of(link))).succeeded()).isTrue();
      assertThat(p.local().client().security().getRole(g -> g.name("remote-" + alias)).roles())
          .containsKey("remote-" + alias);

      ApplyReport removed = r.apply(topology(List.of(link.withState(
          io.github.remoteclusters.core.LinkState.ABSENT))));
      assertThat(removed.succeeded()).as(removed.toString()).isTrue();
      String settings = p.local().client().cluster().getSettings(g -> g.flatSettings(true))
          .persistent().toString();
      assertThat(settings).doesNotContain("cluster.remote." + alias + ".");
      assertThat(settings).contains("cluster.remote." + own + ".seeds");
      assertThat(keys(p.remote(), keyName(p, alias))).isEmpty();
      assertThat(writer.removed).contains(alias);
      assertThat(removed.clusters().get(0).requests())
          .anySatisfy(q -> assertThat(q.path()).isEqualTo("/_nodes/reload_secure_settings"));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> p.local().client().security().getRole(g -> g.name("remote-" + alias)))
          .isInstanceOfSatisfying(ElasticsearchException.class,
              e -> assertThat(e.status()).isEqualTo(404));
      assertThat(p.remote().client().security().getApiKey(g -> g.id(ownKeyId)).apiKeys())
          .singleElement().satisfies(k -> assertThat(k.invalidated()).isFalse());
    } finally {
      p.local().client().cluster().putSettings(s -> s.persistent(
          "cluster.remote." + own + ".seeds", co.elastic.clients.json.JsonData.fromJson("null")));
      p.remote().client().security().invalidateApiKey(i -> i.ids(ownKeyId));
      cleanUp(p, store);
    }
  }

  /**
   * Replication access: real Elasticsearch accepts the key (replication access) and the local role
   * ({@code manage_ccr} and {@code cross_cluster_replication} remote indices) the plan makes, and
   * the alias connects. Cross-cluster replication itself cannot run here: the CCR plugin is not
   * published on Maven Central.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void replicationAccessIsAcceptedByRealElasticsearch(Pair p) throws IOException {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "ak_" + p.id() + "_ccr";
    CrossClusterAccess access =
        new CrossClusterAccess(List.of(), List.of(ReplicationAccess.of("ak_allowed")));
    try (Reconciler r = reconciler(store)) {
      ApplyReport report = r.apply(topology(List.of(apiKeyLink(p, alias, Mode.PROXY, access))));
      if (p.local().version().compareTo(p.remote().version()) < 0) {
        // 8.19 cannot follow 9.5: the compat rules reject the plan, nothing is written
        assertThat(report.rejected()).isTrue();
        assertThat(report.problems()).anySatisfy(q ->
            assertThat(q.message()).contains("cannot follow"));
        assertThat(keys(p.remote(), keyName(p, alias))).isEmpty();
        return;
      }
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      assertThat(report.links().get(0).status().connected()).isTrue();
      ApiKey key = keys(p.remote(), keyName(p, alias)).get(0);
      assertThat(key.access().replication()).singleElement()
          .satisfies(e -> assertThat(e.names()).containsExactly("ak_allowed"));
      var role = p.local().client().security().getRole(g -> g.name("remote-" + alias))
          .get("remote-" + alias);
      assertThat(role.cluster()).contains("manage_ccr");
      assertThat(role.remoteIndices()).singleElement().satisfies(ri ->
          assertThat(ri.privileges())
              .contains("cross_cluster_replication"));
      // a second apply finds key and role as planned
      assertThat(r.apply(topology(List.of(apiKeyLink(p, alias, Mode.PROXY, access)))).writes())
          .isZero();
    } finally {
      cleanUp(p, store);
    }
  }

  /**
   * Diagnoses of real misconfigurations, by stable code: the transport port used with API-key
   * credentials, and the remote cluster server port used by a certificate-model link (no
   * credentials). An API-key link at that port without credentials is {@code credentials_missing}
   * instead (DiagnosisIT).
   */
  @Test
  void wrongPortsForTheSecurityModelAreDiagnosedOnRealNodes() throws Exception {
    Pair p = new Pair("w", a95, b95);
    String withKeyToTransport = "diag_key_transport";
    String noKeyToServer = "diag_nokey_server";
    var key = b95.client().security().createCrossClusterApiKey(c -> c.name("diag-key")
        .access(a -> a.search(s -> s.names("ak_allowed"))));
    a95.keystore().put(SecuredClusters.setting(withKeyToTransport), key.encoded());
    a95.keystore().reload();
    a95.client().cluster().putSettings(s -> s
        .persistent("cluster.remote." + withKeyToTransport + ".mode",
            co.elastic.clients.json.JsonData.of("proxy"))
        .persistent("cluster.remote." + withKeyToTransport + ".proxy_address",
            co.elastic.clients.json.JsonData.of(b95.transportAddress()))
        .persistent("cluster.remote." + noKeyToServer + ".mode",
            co.elastic.clients.json.JsonData.of("proxy"))
        .persistent("cluster.remote." + noKeyToServer + ".proxy_address",
            co.elastic.clients.json.JsonData.of(b95.remoteClusterServerAddress())));
    Topology t = topology(List.of(
        apiKeyLink(p, withKeyToTransport, Mode.PROXY, searchAccess("ak_allowed")),
        // a certificate-model link at 9443 is the wrong port; an API-key link there without
        // credentials is credentials_missing (DiagnosisIT)
        Link.of(p.local().name(), p.remote().name(), noKeyToServer)
            .withSecurity(SecurityModel.CERTIFICATE).withMode(Mode.PROXY)));
    try (Reconciler r = reconciler(OwnershipStore.inMemory())) {
      Map<String, LinkStatus> byAlias = new java.util.HashMap<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      do {
        r.status(t, SecuredClusters.cluster(a95)).forEach(st -> byAlias.put(st.alias(), st));
      } while (byAlias.get(withKeyToTransport) == null && System.nanoTime() < deadline);
      LinkStatus transport = byAlias.get(withKeyToTransport);
      LinkStatus server = byAlias.get(noKeyToServer);
      System.out.println("DIAGNOSIS " + transport.diagnosis());
      System.out.println("DIAGNOSIS " + server.diagnosis());
      assertThat(transport.connected()).isFalse();
      assertThat(transport.diagnosis().code()).isEqualTo(Diagnosis.Code.WRONG_PORT_FOR_SECURITY_MODEL);
      assertThat(transport.diagnosis().message()).contains(b95.remoteClusterServerAddress());
      assertThat(server.connected()).isFalse();
      assertThat(server.diagnosis().code()).isEqualTo(Diagnosis.Code.WRONG_PORT_FOR_SECURITY_MODEL);
      assertThat(server.diagnosis().message()).contains(b95.transportAddress());
    } finally {
      for (String alias : List.of(withKeyToTransport, noKeyToServer)) {
        a95.client().cluster().putSettings(s -> s.persistent("cluster.remote." + alias + ".*",
            co.elastic.clients.json.JsonData.fromJson("null")));
      }
      a95.keystore().remove(SecuredClusters.setting(withKeyToTransport));
      a95.keystore().reload();
      b95.client().security().invalidateApiKey(i -> i.name("diag-key"));
    }
  }

  /**
   * Prints (does not assert) the time of an API-key link from nothing to connected, by the
   * reconciler and by the bare sequence of the same Elasticsearch calls made directly, alternated
   * three times on the 9.5 pair.
   */
  @Test
  void measuresTheReconcilerAgainstTheBareElasticsearchCalls() throws Exception {
    Pair p = new Pair("b", a95, b95);
    List<Long> bare = new java.util.ArrayList<>();
    List<Long> reconciled = new java.util.ArrayList<>();
    OwnershipStore store = OwnershipStore.inMemory();
    List<String> bareAliases = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        String bareAlias = "bench_bare_" + i;
        bareAliases.add(bareAlias);
        long begin = System.nanoTime();
        bareLink(p, bareAlias);
        bare.add((System.nanoTime() - begin) / 1_000_000);

        String alias = "bench_rec_" + i;
        try (Reconciler r = reconciler(store)) {
          begin = System.nanoTime();
          ApplyReport report =
              r.apply(topology(List.of(apiKeyLink(p, alias, Mode.PROXY, searchAccess("ak_allowed")))));
          reconciled.add((System.nanoTime() - begin) / 1_000_000);
          assertThat(report.succeeded()).as(report.toString()).isTrue();
        }
        cleanUp(p, store);
      }
      long b = median(bare);
      long rc = median(reconciled);
      System.out.printf("PERF api-key link from nothing to connected (9.5.3 -> 9.5.3): reconciler"
          + " %s ms (median %d), bare calls %s ms (median %d), ratio %.2f%n",
          reconciled, rc, bare, b, (double) rc / b);
    } finally {
      for (String alias : bareAliases) {
        p.local().client().cluster().putSettings(s -> s.persistent(
            "cluster.remote." + alias + ".*", co.elastic.clients.json.JsonData.fromJson("null")));
        p.local().keystore().remove(SecuredClusters.setting(alias));
        p.remote().client().security().invalidateApiKey(i -> i.name("bench-" + alias));
        p.local().client().security().deleteRole(d -> d.name("bench-" + alias));
      }
      p.local().keystore().reload();
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /**
   * What a person following the plan does by hand, call for call: create the key on the remote,
   * store it in the local keystore, reload, create the role, write the settings, poll until
   * connected.
   */
  static void bareLink(Pair p, String alias) throws Exception {
    var key = p.remote().client().security().createCrossClusterApiKey(c -> c
        .name("bench-" + alias).access(a -> a.search(s -> s.names("ak_allowed"))));
    p.local().keystore().put(SecuredClusters.setting(alias), key.encoded());
    p.local().client().nodes().reloadSecureSettings();
    p.local().client().security().putRole(r -> r.name("bench-" + alias)
        .remoteIndices(ri -> ri.clusters(alias).names("ak_allowed")
            .privileges(co.elastic.clients.elasticsearch.security.IndexPrivilege.Read)));
    p.local().client().cluster().putSettings(s -> s
        .persistent("cluster.remote." + alias + ".mode", co.elastic.clients.json.JsonData.of("proxy"))
        .persistent("cluster.remote." + alias + ".proxy_address",
            co.elastic.clients.json.JsonData.of(p.remote().remoteClusterServerAddress())));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var info = p.local().client().cluster().remoteInfo().get(alias);
      if (info != null && (info.isProxy() ? info.proxy().connected() : info.sniff().connected())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(alias + " did not connect within 60 s");
  }

  @Test
  void nineFiveToEightNineteenIsRejectedAsTheCompatModuleSays() {
    assertThat(Compatibility.search(EsVersion.parse("9.5.3"), EsVersion.parse("8.19.21"))
        .supported()).isFalse();
    Pair down = new Pair("d", a95, b819);
    try (Reconciler r = reconciler(OwnershipStore.inMemory())) {
      ApplyReport report = r.apply(topology(List.of(
          apiKeyLink(down, "ak_down", Mode.PROXY, searchAccess("ak_allowed")))));
      assertThat(report.rejected()).isTrue();
    }
  }
}
