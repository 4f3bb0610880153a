package io.github.remoteclusters.elasticsearch;

import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.a819;
import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.a95;
import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.b819;
import static io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.b95;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.Pair;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.Recording;
import io.github.remoteclusters.elasticsearch.LinkResult.Change;
import io.github.remoteclusters.core.plan.LinkFootprint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A link's whole life on real secured nodes (issue 17, issue 21 items 2, 4, 5): a link deleted
 * from the topology leaves nothing behind; an ownership store that cannot record creates nothing;
 * concurrent applies end with one key and one owner per alias; a key an admin invalidated is
 * replaced by the next apply. Shares the secured clusters of {@link ApiKeyLinkIT}, with aliases
 * and keys of its own ({@code lc_...}).
 */
@SuppressWarnings("rawtypes")
class LinkLifecycleIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster la95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster lb95;

  @EsCluster(name = "sec-a819", version = "8.19.21", security = Security.TLS, shared = true)
  static TestCluster la819;

  @EsCluster(name = "sec-b819", version = "8.19.21", remoteClusterServer = true, shared = true)
  static TestCluster lb819;

  @TempDir Path dir;

  @BeforeAll
  static void share() throws IOException {
    // the clusters are the same shared nodes as ApiKeyLinkIT's; its helpers read its fields
    ApiKeyLinkIT.a95 = la95;
    ApiKeyLinkIT.b95 = lb95;
    ApiKeyLinkIT.a819 = la819;
    ApiKeyLinkIT.b819 = lb819;
    for (TestCluster c : List.of(lb95, lb819)) {
      c.client().index(i -> i.index("ak_allowed").id("1")
          .document(Map.of("msg", "ak_allowed on " + c.name())).refresh(Refresh.True));
    }
  }

  static Stream<Pair> pairs() {
    return Stream.of(new Pair("n", a95, b95), new Pair("o", a819, b819), new Pair("m", a819, b95));
  }

  static Topology one(Pair p, String alias) {
    return ApiKeyLinkIT.topology(List.of(ApiKeyLinkIT.apiKeyLink(p, alias, Mode.SNIFF,
        ApiKeyLinkIT.searchAccess("ak_allowed"))));
  }

  static boolean roleExists(TestCluster c, String role) throws IOException {
    try {
      return c.client().security().getRole(g -> g.name(role)).get(role) != null;
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void aLinkDeletedFromTheTopologyLeavesNoSettingNoActiveKeyNoRoleNoCredentials(Pair p)
      throws Exception {
    OwnershipStore store = OwnershipStore.jsonFile(dir.resolve("owned.json"), "lc");
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    String alias = "lc_del_" + p.id();
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      ApplyReport added = r.apply(one(p, alias));
      assertThat(added.succeeded()).as(added.toString()).isTrue();
      LinkFootprint f = store.footprints(p.local().name()).get(alias);
      assertThat(f.keyId()).isNotNull();
      assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, alias))).hasSize(1);
      assertThat(roleExists(p.local(), "remote-" + alias)).isTrue();

      ApplyReport removed = r.apply(ApiKeyLinkIT.topology(List.of())); // deleted from the file
      assertThat(removed.succeeded()).as(removed.toString()).isTrue();
      assertThat(removed.links()).filteredOn(l -> l.alias().equals(alias)).singleElement()
          .satisfies(l -> assertThat(l.change()).isEqualTo(Change.REMOVED));
    }
    String settings = p.local().client().cluster().getSettings(g -> g.flatSettings(true))
        .toString();
    assertThat(settings).doesNotContain("cluster.remote." + alias + ".");
    assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, alias))).isEmpty();
    assertThat(roleExists(p.local(), "remote-" + alias)).isFalse();
    assertThat(writer.removed).contains(alias);
    assertThat(store.owned(p.local().name())).doesNotContain(alias);
  }

  @Test
  void anOwnershipFileThatCannotBeWrittenCreatesNothing() throws Exception {
    Pair p = new Pair("n", a95, b95);
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    // running as root, permissions do not stop a write: the file's directory is a regular file
    OwnershipStore store = OwnershipStore.jsonFile(notADirectory.resolve("owned.json"), "lc");
    String alias = "lc_ro";
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      ApplyReport report = r.apply(one(p, alias));
      assertThat(report.succeeded()).isFalse();
      assertThat(((ClusterOutcome.Failed) report.clusters().get(0)).cause().step())
          .isEqualTo(ApplyStep.OWNERSHIP);
    }
    assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, alias))).isEmpty();
    assertThat(roleExists(p.local(), "remote-" + alias)).isFalse();
    assertThat(writer.stored).doesNotContainKey(alias);
    assertThat(p.local().client().cluster().getSettings(g -> g.flatSettings(true)).toString())
        .doesNotContain("cluster.remote." + alias + ".");
  }

  @Test
  void concurrentAppliesOfOneAndOfTwoTopologiesEndWithOneKeyAndOneOwner() throws Exception {
    Pair p = new Pair("n", a95, b95);
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    Path file = dir.resolve("shared.json");
    Path other = dir.resolve("other.json");
    String same = "lc_same";
    String two = "lc_two";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // the same topology and ownership file, applied twice at once
      List<ApplyReport> sameRuns = race(pool,
          () -> apply(OwnershipStore.jsonFile(file, "t1"), writer, one(p, same)),
          () -> apply(OwnershipStore.jsonFile(file, "t1"), writer, one(p, same)));
      assertThat(sameRuns).anySatisfy(r -> assertThat(r.succeeded()).as(r.toString()).isTrue());
      assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, same))).hasSize(1);

      // two topologies with ownership files of their own, one alias
      List<ApplyReport> twoRuns = race(pool,
          () -> apply(OwnershipStore.jsonFile(file, "t1"), writer, one(p, two)),
          () -> apply(OwnershipStore.jsonFile(other, "t2"), writer, one(p, two)));
      assertThat(twoRuns).filteredOn(ApplyReport::succeeded).hasSize(1);
      ApplyReport loser = twoRuns.stream().filter(r -> !r.succeeded()).findFirst().orElseThrow();
      assertThat(((ClusterOutcome.Failed) loser.clusters().get(0)).cause().getMessage())
          .containsAnyOf("claimed by another owner", "being applied by another run",
              "was not created by remote-clusters");
      assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, two))).hasSize(1);
      boolean first = OwnershipStore.jsonFile(file, "t1").owned(a95.name()).contains(two);
      boolean second = OwnershipStore.jsonFile(other, "t2").owned(a95.name()).contains(two);
      assertThat(first ^ second).as("exactly one owner").isTrue();
      var claim = a95.client().get(g -> g.index("remote-clusters-claims").id(two), Map.class);
      assertThat(String.valueOf(claim.source().get("owner"))).isEqualTo(first
          ? OwnershipStore.jsonFile(file, "t1").ownerId()
          : OwnershipStore.jsonFile(other, "t2").ownerId());
    } finally {
      pool.shutdownNow();
      apply(OwnershipStore.jsonFile(file, "t1"), writer, ApiKeyLinkIT.topology(List.of()));
      apply(OwnershipStore.jsonFile(other, "t2"), writer, ApiKeyLinkIT.topology(List.of()));
    }
    assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, same))).isEmpty();
    assertThat(ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, two))).isEmpty();
  }

  @Test
  void aKeyAnAdminInvalidatedIsReplacedByTheNextApplyAndSearchesRecover() throws Exception {
    Pair p = new Pair("n", a95, b95);
    OwnershipStore store = OwnershipStore.jsonFile(dir.resolve("owned.json"), "lc");
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    String alias = "lc_revoked";
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      assertThat(r.apply(one(p, alias)).succeeded()).isTrue();
      String id = store.footprints(a95.name()).get(alias).keyId();
      b95.client().security().invalidateApiKey(i -> i.ids(id)); // behind the tool's back
      String refused = ApiKeyLinkIT.refusalAfterReconnect(a95, alias);
      System.out.println("REVOKED " + alias + ": " + refused);
      // status does not call it healthy while searches fail
      LinkStatus st = r.status(one(p, alias), SecuredClusters.cluster(a95)).stream()
          .filter(s -> s.alias().equals(alias)).findFirst().orElseThrow();
      assertThat(st.connected()).as(st.toString()).isFalse();

      ApiKeyLinkIT.SearchLoop loop = new ApiKeyLinkIT.SearchLoop(a95.client(), alias + ":ak_allowed");
      Thread t = new Thread(loop, "search-loop");
      t.start();
      ApplyReport repaired = r.apply(one(p, alias));
      assertThat(repaired.succeeded()).as(repaired.toString()).isTrue();
      String newId = store.footprints(a95.name()).get(alias).keyId();
      assertThat(newId).isNotEqualTo(id);
      // searches work again: the last ones of the loop succeed
      int failuresAfterRepair = loop.failures.get();
      loop.awaitSearches(loop.searches.get() + 20, Duration.ofSeconds(30));
      loop.stop = true;
      t.join();
      assertThat(loop.failures.get()).as("failures after the repair").isEqualTo(failuresAfterRepair);
      assertThat(ApiKeyLinkIT.searchOne(a95.client(), alias + ":ak_allowed"))
          .isEqualTo("ak_allowed on " + b95.name());
    } finally {
      try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
        r.apply(ApiKeyLinkIT.topology(List.of()));
      }
    }
  }

  private static ApplyReport apply(OwnershipStore store, Recording writer, Topology t) {
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      return r.apply(t);
    }
  }

  private static List<ApplyReport> race(ExecutorService pool, Callable<ApplyReport> a,
      Callable<ApplyReport> b) throws Exception {
    List<Future<ApplyReport>> futures = new ArrayList<>();
    futures.add(pool.submit(a));
    futures.add(pool.submit(b));
    List<ApplyReport> out = new ArrayList<>();
    for (Future<ApplyReport> f : futures) {
      out.add(f.get());
    }
    return out;
  }
}
