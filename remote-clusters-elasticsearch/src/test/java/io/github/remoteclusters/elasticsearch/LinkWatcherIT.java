package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.Pair;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.Recording;
import io.github.remoteclusters.elasticsearch.ApiKeyLinkIT.SearchLoop;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.elasticsearch.watch.CertificateExpiry;
import io.github.remoteclusters.elasticsearch.watch.LinkEvent;
import io.github.remoteclusters.elasticsearch.watch.LinkView;
import io.github.remoteclusters.elasticsearch.watch.LinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.ProbeResult;
import io.github.remoteclusters.elasticsearch.watch.WatchListener;
import io.github.remoteclusters.elasticsearch.watch.micrometer.LinkWatcherMetrics;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link LinkWatcher} on the real secured clusters {@link ApiKeyLinkIT} shares (9.5 to 9.5 and
 * 8.19 to 9.5), with aliases and keys of its own: the metrics show the link up, a round costs at
 * most three requests per cluster, a key with a short expiration is rotated before it lapses while
 * searches go on without a failure, and a key invalidated behind the watcher's back is diagnosed
 * within three intervals.
 */
class LinkWatcherIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster a95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  @EsCluster(name = "sec-a819", version = "8.19.21", security = Security.TLS, shared = true)
  static TestCluster a819;

  @EsCluster(name = "sec-b819", version = "8.19.21", remoteClusterServer = true, shared = true)
  static TestCluster b819;

  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The helpers of {@link ApiKeyLinkIT} work on its fields: the same shared clusters. */
  @BeforeAll
  static void sameClustersAndDocuments() throws java.io.IOException {
    ApiKeyLinkIT.a95 = a95;
    ApiKeyLinkIT.b95 = b95;
    ApiKeyLinkIT.a819 = a819;
    ApiKeyLinkIT.b819 = b819;
    ApiKeyLinkIT.documentsOnTheRemotes();
  }

  static Stream<Pair> pairs() {
    return Stream.of(new Pair("n", a95, b95), new Pair("m", a819, b95));
  }

  static ReconcilerConfig config(Recording writer) {
    return Reconciler.builder()
        .access(SecuredClusters.access(ApiKeyLinkIT.all()))
        .credentials(writer)
        .verifyTimeout(Duration.ofSeconds(60))
        .requestTimeout(REQUEST_TIMEOUT)
        .config();
  }

  static Link link(Pair p, String alias, String expiration) {
    return ApiKeyLinkIT.apiKeyLink(p, alias, Mode.PROXY, ApiKeyLinkIT.searchAccess("ak_allowed"))
        .toBuilder().expiration(expiration).build();
  }

  /** Collects events; waits for one that matches. */
  static final class Events implements WatchListener {
    final BlockingQueue<LinkEvent> events = new LinkedBlockingQueue<>();
    final Map<String, Integer> maxRequests = new ConcurrentHashMap<>();

    @Override
    public void onChange(LinkEvent event) {
      events.add(event);
    }

    @Override
    public void onProbe(ProbeResult result) {
      maxRequests.merge(result.cluster(), result.requests(), Math::max);
    }

    LinkEvent await(String alias, Predicate<LinkEvent> p, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        LinkEvent e = events.poll(100, TimeUnit.MILLISECONDS);
        if (e != null && e.alias().equals(alias) && p.test(e)) {
          return e;
        }
      }
      throw new AssertionError("no such event for [" + alias + "] within " + timeout);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void linkUpInTheMetricsWithKeyAndCertificateExpiryAndAtMostThreeRequestsPerClusterARound(
      Pair p) throws Exception {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "wa_" + p.id() + "_up";
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    Topology t = ApiKeyLinkIT.topology(List.of(link(p, alias, "1d")));
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      Instant created = Instant.now();
      assertThat(r.apply(t).succeeded()).isTrue();
      Events events = new Events();
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      try (LinkWatcher w = LinkWatcher.builder(t, config(writer)).interval(INTERVAL)
          .listener(events).build()) {
        new LinkWatcherMetrics(w).bindTo(registry);
        List<LinkView> first = w.probeOnce();
        events.maxRequests.clear(); // the first round also connects (GET /)
        long begin = System.nanoTime();
        List<LinkView> second = w.probeOnce();
        long roundMillis = (System.nanoTime() - begin) / 1_000_000;
        System.out.println("PERF watch round (" + p + ", 1 link): " + roundMillis
            + " ms; requests per cluster " + events.maxRequests);
        assertThat(events.maxRequests).containsKeys(p.local().name(), p.remote().name());
        assertThat(events.maxRequests.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        LinkView v = first.stream().filter(l -> l.alias().equals(alias)).findFirst().orElseThrow();
        assertThat(v.state()).isEqualTo(LinkStatus.State.CONNECTED);
        assertThat(v.diagnosis()).isNull();
        assertThat(v.supported()).isTrue();
        // created with expiration 1d
        assertThat(v.keyExpiry()).isBetween(created.plus(Duration.ofHours(23)),
            Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
        // the remote cluster server presents its leaf and the CA of the test kit
        assertThat(v.certificates()).extracting(CertificateExpiry::source)
            .contains(CertificateExpiry.Source.REMOTE_LEAF);
        assertThat(v.certificates()).extracting(CertificateExpiry::subject)
            .contains(p.remote().tls().ca().certificate().getSubjectX500Principal().getName());
        // exactly one event per change: the first sight, then nothing while nothing changes
        assertThat(events.events.stream().filter(e -> e.alias().equals(alias))).hasSize(1);
        assertThat(second).contains(v);
        String scrape = registry.scrape();
        String labels = "alias=\"" + alias + "\",local=\"" + p.local().name() + "\"";
        assertThat(scrape).contains("remote_clusters_link_up{" + labels + "} 1");
        assertThat(scrape).contains(
            "remote_clusters_api_key_expiry_timestamp_seconds{" + labels + "} ");
        assertThat(scrape).contains("remote_clusters_link_supported{" + labels + "} 1");
        assertThat(scrape).contains("remote_clusters_certificate_expiry_timestamp_seconds{"
            + labels + ",subject=");
        assertThat(scrape).contains("remote_clusters_probe_duration_seconds_count{cluster=\""
            + p.local().name() + "\"} 2");
        assertThat(scrape).doesNotContain("remote_clusters_link_diagnosis{" + labels);
      }
    } finally {
      ApiKeyLinkIT.cleanUp(p, store);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void keyInvalidatedBehindTheWatchersBackIsRejectedCredentialsWithinThreeIntervals(Pair p)
      throws Exception {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "wa_" + p.id() + "_inv";
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    Topology t = ApiKeyLinkIT.topology(List.of(link(p, alias, null)));
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      assertThat(r.apply(t).succeeded()).isTrue();
      Events events = new Events();
      try (LinkWatcher w = LinkWatcher.builder(t, config(writer)).interval(INTERVAL)
          .listener(events).build()) {
        w.start();
        LinkEvent up = events.await(alias, e -> e.state() == LinkStatus.State.CONNECTED,
            Duration.ofSeconds(30));
        assertThat(up.link().keyExpiry()).as("a key without expiration").isNull();
        String id = ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, alias)).get(0).id();
        p.remote().client().security().invalidateApiKey(i -> i.ids(id));
        long begin = System.nanoTime();
        LinkEvent rejected = events.await(alias, e -> e.diagnosis() != null,
            INTERVAL.multipliedBy(3).plus(REQUEST_TIMEOUT));
        System.out.println("PERF watch invalidated key (" + p + "): diagnosed in "
            + (System.nanoTime() - begin) / 1_000_000 + " ms: " + rejected.diagnosis());
        assertThat(rejected.diagnosis().code()).as(rejected.diagnosis().message())
            .isEqualTo(Diagnosis.Code.CREDENTIALS_REJECTED);
        assertThat(rejected.state()).isEqualTo(LinkStatus.State.DISCONNECTED);
        assertThat(rejected.previous().state()).isEqualTo(LinkStatus.State.CONNECTED);
      }
    } finally {
      ApiKeyLinkIT.cleanUp(p, store);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void keyWithAShortExpirationIsRotatedBeforeItLapsesWithoutAFailedSearch(Pair p)
      throws Exception {
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "wa_" + p.id() + "_rot";
    Recording writer = new Recording(SecuredClusters.keystores(ApiKeyLinkIT.all()));
    Topology t = ApiKeyLinkIT.topology(List.of(link(p, alias, "45s")));
    try (Reconciler r = ApiKeyLinkIT.reconciler(store, writer)) {
      assertThat(r.apply(t).succeeded()).isTrue();
      String oldId = ApiKeyLinkIT.keys(p.remote(), ApiKeyLinkIT.keyName(p, alias)).get(0).id();
      ElasticsearchClient asReader = p.local().clientAs(
          ApiKeyLinkIT.user(p.local(), "wa_reader_" + p.id(), "remote-" + alias));
      SearchLoop loop = new SearchLoop(asReader, alias + ":ak_allowed");
      Thread thread = new Thread(loop, "search-loop-" + alias);
      thread.start();
      Events events = new Events();
      try (LinkWatcher w = LinkWatcher.builder(t, config(writer)).interval(INTERVAL)
          .rotateBefore(Duration.ofSeconds(35)).listener(events).build()) {
        loop.awaitSearches(3, Duration.ofSeconds(60));
        w.start();
        LinkEvent rotated = events.await(alias, e -> e.rotation() != null, Duration.ofSeconds(60));
        assertThat(rotated.rotation().rotated()).as(rotated.rotation().message()).isTrue();
        assertThat(rotated.rotation().oldKeysInvalidated()).isTrue();
        assertThat(rotated.rotation().expiredAt()).isAfter(Instant.now());
        int atRotation = loop.searches.get();
        loop.awaitSearches(atRotation + 5, Duration.ofSeconds(30));
        loop.stop = true;
        thread.join(30_000);
        System.out.println("PERF watch rotation (" + p + "): searches " + loop.searches.get()
            + ", failed " + loop.failures.get());
        assertThat(loop.failures.get()).as("failed searches: " + loop.firstFailure).isZero();
        assertThat(p.remote().client().security().getApiKey(g -> g.id(oldId)).apiKeys())
            .singleElement().satisfies(k -> assertThat(k.invalidated()).isTrue());
        LinkEvent renewed = events.await(alias, e -> e.rotation() == null
            && e.link().keyExpiry() != null && !e.link().keyExpiry().equals(
                rotated.link().keyExpiry()), INTERVAL.multipliedBy(3).plus(REQUEST_TIMEOUT));
        assertThat(renewed.link().keyExpiry()).isAfter(rotated.link().keyExpiry());
      } finally {
        loop.stop = true;
      }
    } finally {
      ApiKeyLinkIT.cleanUp(p, store);
    }
  }
}
