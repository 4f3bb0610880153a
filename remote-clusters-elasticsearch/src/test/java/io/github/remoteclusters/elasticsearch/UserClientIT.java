package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.internal.apply.DefaultReconciler;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An API-key link applied, checked and removed on real secured 9.5 clusters entirely through
 * {@link ElasticsearchClient}s the user built (one with {@code ElasticsearchClient.of}, one over a
 * {@link Rest5ClientTransport}), each with the test CA and credentials and an instrumentation of
 * its own: the reconciler opens no connection of its own, the user's instrumentation sees every
 * request the reconciler counts, and the clients stay open afterwards. Shares {@code sec-a95} and
 * {@code sec-b95} with {@link ApiKeyLinkIT}, with aliases and indices of its own.
 */
@SuppressWarnings("rawtypes")
class UserClientIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster a95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  @BeforeAll
  static void documentOnTheRemote() throws IOException {
    b95.client().index(i -> i.index("uc_allowed").id("1")
        .document(Map.of("msg", "uc on " + b95.name())).refresh(Refresh.True));
  }

  /** The user's own instrumentation: counts what goes through their transport. */
  static final class Requests implements Instrumentation {
    final AtomicInteger sent = new AtomicInteger();

    @Override
    public <T> Context newContext(T request, Endpoint<T, ?, ?> endpoint) {
      return new Context() {
        @Override
        public ThreadScope makeCurrent() {
          return () -> {};
        }

        @Override
        public void beforeSendingHttpRequest(TransportHttpClient.Request r, TransportOptions o) {
          sent.incrementAndGet();
        }

        @Override
        public void afterReceivingHttpResponse(TransportHttpClient.Response r) {}

        @Override
        public <R> void afterDecodingApiResponse(R response) {}

        @Override
        public void recordException(Throwable thrown) {}

        @Override
        public void close() {}
      };
    }
  }

  /** {@code ElasticsearchClient.of}: the 9.x way, HTTPS trusting the test CA. */
  static ElasticsearchClient clientOf(TestCluster t, Requests requests) {
    return ElasticsearchClient.of(b -> {
      b.host(t.httpUri()).instrumentation(requests)
          .usernameAndPassword(t.superuser().username(), t.superuser().password());
      if (t.security() == Security.TLS) {
        b.sslContext(t.sslContext());
      }
      return b;
    });
  }

  /** A low-level Rest5 client and its transport, as users of 9.x build them by hand. */
  static ElasticsearchClient rest5ClientOf(TestCluster t, Requests requests) {
    String basic = Base64.getEncoder().encodeToString((t.superuser().username() + ":"
        + t.superuser().password()).getBytes(StandardCharsets.UTF_8));
    var builder = Rest5Client.builder(t.httpUri())
        .setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
    if (t.security() == Security.TLS) {
      builder.setSSLContext(t.sslContext());
    }
    return new ElasticsearchClient(new Rest5ClientTransport(builder.build(),
        new JacksonJsonpMapper(), null, requests));
  }

  @Test
  void applyStatusAndRemovalRunThroughTheUsersClients() throws IOException {
    Requests localRequests = new Requests();
    Requests remoteRequests = new Requests();
    ElasticsearchClient local = clientOf(a95, localRequests);
    ElasticsearchClient remote = rest5ClientOf(b95, remoteRequests);
    OwnershipStore store = OwnershipStore.inMemory();
    String alias = "uc_proxy";
    Link link = Link.of(a95.name(), b95.name(), alias).withSecurity(SecurityModel.API_KEY)
        .withMode(Mode.PROXY)
        .withAccess(new CrossClusterAccess(List.of(SearchAccess.of("uc_allowed")), List.of()));
    Topology topology = new Topology(
        List.of(SecuredClusters.cluster(a95), SecuredClusters.cluster(b95)), List.of(link));
    ReconcilerBuilder builder = Reconciler.builder()
        .client(a95.name(), local)
        .client(b95.name(), remote)
        // no endpoint for anyone: every request must go through the clients
        .access(cluster -> {
          throw new IllegalArgumentException("no endpoint for [" + cluster.name() + "]");
        })
        .ownership(store)
        .credentials(SecuredClusters.keystores(List.of(a95, b95)))
        .verifyTimeout(Duration.ofSeconds(60));
    try {
      try (Reconciler r = builder.build()) {
        ApplyReport first = r.apply(topology);
        assertThat(first.succeeded()).as(first.toString()).isTrue();
        LinkResult result = first.links().get(0);
        assertThat(result.status().connected()).isTrue();
        assertThat(result.status().info().credentials()).as("cluster_credentials").isTrue();

        // the steady state through the same clients: three reads, no write
        ApplyReport second = r.apply(topology);
        assertThat(second.succeeded()).as(second.toString()).isTrue();
        assertThat(second.clusters()).singleElement().satisfies(c -> {
          assertThat(c.reads()).isEqualTo(3);
          assertThat(c.writes()).isZero();
        });

        List<LinkStatus> status = r.status(topology);
        assertThat(status).filteredOn(s -> s.alias().equals(alias)).singleElement()
            .satisfies(s -> assertThat(s.connected()).isTrue());

        // what the reconciler counted is what went through the users' transports
        var sessions = (DefaultReconciler) r;
        assertThat(localRequests.sent.get())
            .isEqualTo(sessions.openSession(a95.name()).counter().log().size());
        assertThat(remoteRequests.sent.get())
            .isEqualTo(sessions.openSession(b95.name()).counter().log().size());
        assertThat(sessions.openSession(a95.name()).counter().log()).startsWith("GET /");
      }
      // closing the reconciler left both clients open
      assertThat(local.info().clusterName()).isNotBlank();
      assertThat(remote.info().clusterName()).isNotBlank();

      // removal through the clients as well: the key is invalidated, the alias gone
      try (Reconciler r = builder.build()) {
        ApplyReport removal = r.apply(new Topology(topology.clusters(), List.of()));
        assertThat(removal.succeeded()).as(removal.toString()).isTrue();
      }
      assertThat(local.cluster().getSettings(g -> g.flatSettings(true)).persistent())
          .doesNotContainKey("cluster.remote." + alias + ".proxy_address");
      assertThat(remote.security().getApiKey(g -> g.name("remote-clusters-" + a95.name()
          + "-" + alias).activeOnly(true)).apiKeys()).isEmpty();
    } finally {
      try (Reconciler r = Reconciler.builder().ownership(store)
          .access(SecuredClusters.access(List.of(a95, b95)))
          .credentials(SecuredClusters.keystores(List.of(a95, b95))).build()) {
        r.apply(new Topology(topology.clusters(), List.of()));
      }
      local.close();
      remote.close();
    }
  }
}
