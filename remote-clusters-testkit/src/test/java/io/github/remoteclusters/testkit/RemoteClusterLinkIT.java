package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.cluster.remote_info.ClusterRemoteInfo;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real remote-cluster links between clusters the kit started: 9.5 to 9.5 in sniff and proxy mode,
 * and 9.5 to 8.19. All three clusters start in parallel once for the class.
 */
class RemoteClusterLinkIT {

  @EsCluster static TestCluster local;

  @EsCluster static TestCluster remote;

  @EsCluster(version = "8.19.21")
  static TestCluster old;

  @EsCluster(name = "local")
  static ElasticsearchClient localClient;

  /** Instance fields get the class's clusters too. */
  @EsCluster(name = "remote")
  TestCluster remoteAgain;

  @BeforeAll
  static void indexOneDocumentOnEachRemote() throws IOException {
    for (TestCluster c : List.of(remote, old)) {
      c.client()
          .index(
              i ->
                  i.index("docs")
                      .id("1")
                      .document(Map.of("msg", "hello from " + c.name()))
                      .refresh(Refresh.True));
    }
  }

  @Test
  void clientsTalkToEachServerVersion() throws IOException {
    assertThat(local.client().info().version().number()).isEqualTo("9.5.3");
    // an 8.x server rejects the 9.x client's default compatible-with=9; the kit sends 8
    assertThat(old.client().info().version().number()).isEqualTo("8.19.21");
    assertThat(old.version()).isEqualTo("8.19.21");
    assertThat(localClient).isSameAs(local.client());
    assertThat(remoteAgain).isSameAs(remote);
    assertThat(local.httpUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(local.transportAddress()).startsWith("127.0.0.1:");
  }

  @Test
  void sniffLinkBetween95Clusters() throws Exception {
    assertSniffLink(local, remote, "r_sniff");
  }

  @Test
  void sniffLinkFrom95To819() throws Exception {
    assertSniffLink(local, old, "r_old");
  }

  /** The other direction: the 9.x client writes settings to an 8.19 server, which links to 9.5. */
  @Test
  void sniffLinkFrom819To95() throws Exception {
    assertSniffLink(old, remote, "r_new");
  }

  @Test
  void proxyLinkBetween95Clusters() throws Exception {
    putRemote(
        local,
        Map.of(
            "cluster.remote.r_proxy.mode", JsonData.of("proxy"),
            "cluster.remote.r_proxy.proxy_address", JsonData.of(remote.transportAddress())));
    try {
      ClusterRemoteInfo info = awaitConnected(local, "r_proxy");
      assertThat(info.isProxy()).isTrue();
      assertThat(info.proxy().proxyAddress()).isEqualTo(remote.transportAddress());
      assertThat(searchOne(local, "r_proxy:docs")).isEqualTo("hello from remote");
    } finally {
      removeRemote(local, "r_proxy");
    }
  }

  /** Links {@code from} to {@code to} in sniff mode, searches {@code to}'s document, unlinks. */
  private static void assertSniffLink(TestCluster from, TestCluster to, String alias)
      throws Exception {
    putRemote(
        from,
        Map.of("cluster.remote." + alias + ".seeds", JsonData.of(List.of(to.transportAddress()))));
    try {
      ClusterRemoteInfo info = awaitConnected(from, alias);
      assertThat(info.isSniff()).isTrue();
      assertThat(info.sniff().numNodesConnected()).isEqualTo(1);
      assertThat(searchOne(from, alias + ":docs")).isEqualTo("hello from " + to.name());
    } finally {
      removeRemote(from, alias);
    }
  }

  private static void putRemote(TestCluster on, Map<String, JsonData> settings) throws IOException {
    on.client().cluster().putSettings(p -> p.persistent(settings));
  }

  private static void removeRemote(TestCluster on, String alias) throws IOException {
    // JsonData.of(null) throws; a JSON null removes the settings
    on.client()
        .cluster()
        .putSettings(
            p -> p.persistent("cluster.remote." + alias + ".*", JsonData.fromJson("null")));
    assertThat(on.client().cluster().remoteInfo().infos()).doesNotContainKey(alias);
  }

  private static ClusterRemoteInfo awaitConnected(TestCluster on, String alias) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      ClusterRemoteInfo info = on.client().cluster().remoteInfo().infos().get(alias);
      boolean connected =
          info != null && (info.isSniff() ? info.sniff().connected() : info.proxy().connected());
      if (connected) {
        return info;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("remote [" + alias + "] did not connect: " + info);
      }
      Thread.sleep(100);
    }
  }

  @SuppressWarnings("rawtypes")
  private static String searchOne(TestCluster on, String index) throws IOException {
    SearchResponse<Map> response = on.client().search(s -> s.index(index), Map.class);
    assertThat(response.hits().hits()).hasSize(1);
    assertThat(response.hits().hits().get(0).index()).isEqualTo(index);
    return String.valueOf(response.hits().hits().get(0).source().get("msg"));
  }
}
