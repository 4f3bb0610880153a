package io.github.remoteclusters.elasticsearch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import io.github.remoteclusters.elasticsearch.internal.apply.DefaultReconciler;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.internal.es.FakeEs;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.elasticsearch.watch.internal.DefaultLinkWatcher;
import io.github.remoteclusters.elasticsearch.watch.micrometer.LinkWatcherMetrics;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The watcher over the real typed client and a fake HTTP layer (what the real nodes cannot be made
 * to say on demand): one event per change, the requests of a round, key expiry, the diagnosis of a
 * refusal the local cluster reports, and the metrics' rows.
 */
class LinkWatcherFakeTest {

  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  final FakeEs search = new FakeEs("9.5.3");
  final FakeEs data = new FakeEs("9.5.3");
  final EsConnector connector =
      FakeEs.connector(Map.of("http://search:9200", search, "http://data:9200", data));
  final List<LinkEvent> events = new ArrayList<>();
  final Map<String, Integer> requests = new TreeMap<>();

  final CredentialWriter writer = new CredentialWriter() {
    @Override
    public void store(Cluster local, String alias, String encodedApiKey) {
      search.credentials(alias);
    }

    @Override
    public void remove(Cluster local, String alias) {}
  };

  static Cluster cluster(String name, String rcs) {
    return new Cluster(name, EsVersion.parse("9.5.3"), Deployment.SELF_MANAGED, null,
        "http://" + name + ":9200", name + ":9300", rcs, null, rcs == null ? null : true, null);
  }

  /** A link whose remote cluster server is 127.0.0.1:1, where nothing answers. */
  static Topology topology(String expiration) {
    Link link = Link.builder("search", "data", "data").security(SecurityModel.API_KEY)
        .mode(Mode.PROXY)
        .access(new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of()))
        .expiration(expiration).build();
    return new Topology(List.of(cluster("search", null), cluster("data", "127.0.0.1:1")),
        List.of(link));
  }

  ReconcilerConfig config() {
    return Reconciler.builder().ownership(OwnershipStore.inMemory()).credentials(writer)
        .pollInterval(Duration.ofMillis(1)).verifyTimeout(Duration.ofSeconds(1)).config();
  }

  LinkWatcher watcher(Topology t) {
    return watcher(t, null);
  }

  LinkWatcher watcher(Topology t, Duration rotateBefore) {
    search.reachable("127.0.0.1:1");
    try (Reconciler r = new DefaultReconciler(config(), connector)) {
      ApplyReport report = r.apply(t);
      assertThat(report.succeeded()).as(report.toString()).isTrue();
    }
    return new DefaultLinkWatcher(t, config(), connector,
        new DefaultLinkWatcher.Settings(Duration.ofSeconds(1), rotateBefore, Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC)),
        List.of(new WatchListener() {
          @Override
          public void onChange(LinkEvent event) {
            events.add(event);
          }

          @Override
          public void onProbe(ProbeResult result) {
            requests.put(result.cluster(), result.requests());
          }
        }));
  }

  @Test
  void theKeyIsCreatedWithTheLinksExpiration() {
    watcher(topology("30d")).close();
    assertThat(data.sent()).filteredOn(s -> s.line().equals("POST /_security/cross_cluster/api_key"))
        .singleElement().satisfies(s -> assertThat(s.body().get("expiration").asText())
            .isEqualTo("30d"));
  }

  @Test
  void aKeyWithoutExpirationIsCreatedWithout() {
    watcher(topology(null)).close();
    assertThat(data.sent()).filteredOn(s -> s.line().equals("POST /_security/cross_cluster/api_key"))
        .singleElement().satisfies(s -> assertThat(s.body().has("expiration")).isFalse());
  }

  @Test
  void oneEventPerChangeAndAtMostThreeRequestsPerClusterARound() {
    try (LinkWatcher w = watcher(topology(null))) {
      w.probeOnce();
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.state()).isEqualTo(LinkStatus.State.CONNECTED);
        assertThat(e.previous()).isNull();
        assertThat(e.time()).isEqualTo(NOW);
        assertThat(e.link().supported()).isTrue();
      });
      // lines() leaves out the claim requests of the apply that made the link
      int searchBefore = search.lines().size();
      int dataBefore = data.lines().size();
      w.probeOnce();
      w.probeOnce();
      assertThat(events).hasSize(1);
      // per round: the local cluster twice, the remote once
      assertThat(search.lines().subList(searchBefore, search.lines().size()))
          .containsExactly("GET /_remote/info", "GET /_resolve/cluster/data:*",
              "GET /_remote/info", "GET /_resolve/cluster/data:*");
      assertThat(data.lines().subList(dataBefore, data.lines().size()))
          .containsExactly("GET /_security/api_key", "GET /_security/api_key");
      assertThat(requests).containsEntry("search", 2).containsEntry("data", 1);
      assertThat(data.sent().get(data.sent().size() - 1).query())
          .containsEntry("name", "remote-clusters-*").containsEntry("active_only", "true");

      search.resolveError("data", "unable to authenticate with provided credentials and"
          + " anonymous access is not allowed for this request: api key [abc] has been"
          + " invalidated");
      w.probeOnce();
      w.probeOnce();
      assertThat(events).hasSize(2);
      LinkEvent rejected = events.get(1);
      assertThat(rejected.state()).isEqualTo(LinkStatus.State.DISCONNECTED);
      assertThat(rejected.diagnosis().code()).isEqualTo(Diagnosis.Code.CREDENTIALS_REJECTED);
      assertThat(rejected.previous().state()).isEqualTo(LinkStatus.State.CONNECTED);
      assertThat(requests).containsEntry("search", 2).containsEntry("data", 1);

      search.resolveError("data", null);
      w.probeOnce();
      assertThat(events).hasSize(3);
      assertThat(events.get(2).state()).isEqualTo(LinkStatus.State.CONNECTED);
      assertThat(events.get(2).diagnosis()).isNull();
    }
  }

  @Test
  void keyExpiryIsReportedAndAChangeOfItIsOneEvent() {
    try (LinkWatcher w = watcher(topology(null))) {
      w.probeOnce();
      assertThat(w.links().get(0).keyExpiry()).isNull();
      Instant expiry = NOW.plus(Duration.ofDays(3));
      data.keyExpiration("remote-clusters-search-data", expiry.toEpochMilli());
      w.probeOnce();
      w.probeOnce();
      assertThat(events).hasSize(2);
      assertThat(events.get(1).link().keyExpiry()).isEqualTo(expiry);
      assertThat(events.get(1).rotation()).isNull();
    }
  }

  @Test
  void theCaFileOfTheRemoteClusterServerIsReportedWithItsSubjectAndExpiry() {
    Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
    java.security.cert.X509Certificate ca = io.github.remoteclusters.security.certs.Certificates
        .createCa(new io.github.remoteclusters.security.certs.CaRequest("Watch Test CA",
            notBefore, Duration.ofDays(400),
            io.github.remoteclusters.security.certs.KeyAlgorithm.EC_P256))
        .certificate();
    Topology plain = topology(null);
    Cluster data = plain.clusters().get(1).withRemoteClusterCa(
        new io.github.remoteclusters.core.CaTrust.PemFile(java.nio.file.Path.of("data-ca.crt"),
            List.of(ca)));
    Topology t = new Topology(List.of(plain.clusters().get(0), data), plain.links());
    try (LinkWatcher w = watcher(t)) {
      LinkView v = w.probeOnce().get(0);
      assertThat(v.certificates()).singleElement().satisfies(c -> {
        assertThat(c.subject()).isEqualTo("CN=Watch Test CA");
        assertThat(c.notAfter()).isEqualTo(ca.getNotAfter().toInstant());
        assertThat(c.source()).isEqualTo(CertificateExpiry.Source.CA_FILE);
        assertThat(c.where()).isEqualTo("data-ca.crt");
      });
    }
  }

  @Test
  void aKeyInsideTheRotateBeforeWindowIsRotatedOnceAndTheEventSaysSo() {
    try (LinkWatcher w = watcher(topology("2h"), Duration.ofHours(3))) {
      String oldId = data.keys().keySet().iterator().next();
      Instant expiry = NOW.plus(Duration.ofHours(2));
      data.keyExpiration("remote-clusters-search-data", expiry.toEpochMilli());
      w.probeOnce(); // sees the expiry inside the window, rotates, waits for the rotation
      assertThat(events).hasSize(2);
      assertThat(events.get(0).link().keyExpiry()).isEqualTo(expiry);
      LinkEvent rotated = events.get(1);
      assertThat(rotated.rotation().rotated()).as(rotated.rotation().message()).isTrue();
      assertThat(rotated.rotation().oldKeysInvalidated()).isTrue();
      assertThat(rotated.rotation().expiredAt()).isEqualTo(expiry);
      assertThat(rotated.rotation().message()).contains("[data] on [search]")
          .doesNotContain("ZW5jb2RlZA");
      assertThat(data.keys().get(oldId).get("invalidated").asBoolean()).isTrue();
      // the new key is created with the link's expiration
      assertThat(data.sent()).filteredOn(
          s -> s.line().equals("POST /_security/cross_cluster/api_key")).hasSize(2)
          .allSatisfy(s -> assertThat(s.body().get("expiration").asText()).isEqualTo("2h"));
    }
  }

  @Test
  void metricsHaveOneRowPerLinkAndDropTheDiagnosisWhenItGoes() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LinkWatcher w = watcher(topology(null))) {
      new LinkWatcherMetrics(w).bindTo(registry);
      Instant expiry = NOW.plus(Duration.ofDays(3));
      data.keyExpiration("remote-clusters-search-data", expiry.toEpochMilli());
      search.resolveError("data", "[data] license level is too low: enterprise is required");
      w.probeOnce();
      assertThat(registry.get("remote_clusters_link_up").tags("local", "search", "alias", "data")
          .gauge().value()).isZero();
      assertThat(registry.get("remote_clusters_link_diagnosis")
          .tags("local", "search", "alias", "data", "code", "license_too_low").gauge().value())
          .isEqualTo(1);
      assertThat(registry.get("remote_clusters_api_key_expiry_timestamp_seconds")
          .tags("local", "search", "alias", "data").gauge().value())
          .isEqualTo(expiry.getEpochSecond());
      search.resolveError("data", null);
      w.probeOnce();
      assertThat(registry.get("remote_clusters_link_up").tags("local", "search", "alias", "data")
          .gauge().value()).isEqualTo(1);
      assertThat(registry.find("remote_clusters_link_diagnosis").gauges()).isEmpty();
      assertThat(registry.get("remote_clusters_link_supported")
          .tags("local", "search", "alias", "data").gauge().value()).isEqualTo(1);
      assertThat(registry.get("remote_clusters_probe_duration").tags("cluster", "search").timer()
          .count()).isEqualTo(2);
      assertThat(registry.get("remote_clusters_probe_errors").tags("cluster", "search").counter()
          .count()).isZero();
    }
  }
}
