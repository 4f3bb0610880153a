package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonData;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.elasticsearch.watch.LinkEvent;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.micrometer.LinkWatcherMetrics;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A remote that dies under the watcher: a small cluster of this class's own (not shared) is
 * stopped; the link to it shows {@code link_up 0} within three intervals plus the request
 * timeout, while a link of the same local cluster to a live remote stays up.
 */
class LinkWatcherDeadRemoteIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster a95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  @EsCluster(name = "watch-gone", remoteClusterServer = true)
  static TestCluster gone;

  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  static Link link(TestCluster remote, String alias) {
    return Link.builder(a95.name(), remote.name(), alias).security(SecurityModel.API_KEY)
        .mode(Mode.PROXY).access(ApiKeyLinkIT.searchAccess("ak_allowed")).build();
  }

  @Test
  void killedRemoteShowsLinkDownWithinThreeIntervalsPlusTheRequestTimeout() throws Exception {
    List<TestCluster> all = List.of(a95, b95, gone);
    OwnershipStore store = OwnershipStore.inMemory();
    Topology t = new Topology(all.stream().map(SecuredClusters::cluster).toList(),
        List.of(link(gone, "wa_gone"), link(b95, "wa_alive")));
    ReconcilerConfig config = Reconciler.builder()
        .access(SecuredClusters.access(all))
        .credentials(SecuredClusters.keystores(all))
        .ownership(store)
        .requestTimeout(REQUEST_TIMEOUT)
        .verifyTimeout(Duration.ofSeconds(60))
        .config();
    try (Reconciler r = Reconciler.builder().access(config.access())
        .credentials(config.credentials()).ownership(store)
        .verifyTimeout(Duration.ofSeconds(60)).build()) {
      ApplyReport report = r.apply(t);
      assertThat(report.succeeded()).as(report.toString()).isTrue();
      LinkWatcherIT.Events events = new LinkWatcherIT.Events();
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      try (LinkWatcher w = LinkWatcher.builder(t, config).interval(INTERVAL).listener(events)
          .build()) {
        new LinkWatcherMetrics(w).bindTo(registry);
        w.start();
        events.await("wa_gone", e -> e.link().connected(), Duration.ofSeconds(30));
        assertThat(w.links()).allSatisfy(v -> assertThat(v.connected()).as(v.alias()).isTrue());
        gone.close();
        long begin = System.nanoTime();
        LinkEvent down = events.await("wa_gone", e -> !e.link().connected(),
            INTERVAL.multipliedBy(3).plus(REQUEST_TIMEOUT));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("PERF watch dead remote: link down seen in " + millis + " ms: "
            + down.state() + " " + down.diagnosis());
        assertThat(down.diagnosis()).isNotNull();
        // the scrape after the round that saw it
        Thread.sleep(INTERVAL.toMillis() * 2);
        String scrape = registry.scrape();
        assertThat(scrape).contains(
            "remote_clusters_link_up{alias=\"wa_gone\",local=\"" + a95.name() + "\"} 0");
        assertThat(scrape).contains(
            "remote_clusters_link_up{alias=\"wa_alive\",local=\"" + a95.name() + "\"} 1");
        assertThat(scrape).contains("remote_clusters_link_diagnosis{alias=\"wa_gone\",code=");
        assertThat(scrape).containsPattern(
            "remote_clusters_probe_errors_total\\{cluster=\"watch-gone\"} [1-9]");
        LinkView alive = w.links().stream().filter(v -> v.alias().equals("wa_alive"))
            .findFirst().orElseThrow();
        assertThat(alive.connected()).isTrue();
      }
    } finally {
      a95.client().cluster().putSettings(s -> s
          .persistent("cluster.remote.wa_gone.*", JsonData.fromJson("null"))
          .persistent("cluster.remote.wa_alive.*", JsonData.fromJson("null")));
      for (String alias : List.of("wa_gone", "wa_alive")) {
        a95.keystore().remove(SecuredClusters.setting(alias));
      }
      a95.keystore().reload();
      List<String> ids = ApiKeyLinkIT.keys(b95, "remote-clusters-" + a95.name() + "-wa_alive")
          .stream().map(k -> k.id()).toList();
      if (!ids.isEmpty()) {
        b95.client().security().invalidateApiKey(i -> i.ids(ids));
      }
    }
  }
}
