package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ApplyReport;
import io.github.remoteclusters.elasticsearch.ClusterOutcome;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import io.github.remoteclusters.elasticsearch.Reconciler;
import io.github.remoteclusters.elasticsearch.ReconcilerBuilder;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.internal.es.FakeEs;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The reconciler over clients users built themselves, on a fake HTTP layer: requests go to the
 * user's client (the reconciler's own connector is never asked), are counted as on a connection of
 * ours, the client stays open, and a call that never returns ends with the request timeout naming
 * the cluster and the request.
 */
class UserClientFakeTest {

  final FakeEs search = new FakeEs("9.5.3");
  final FakeEs old = new FakeEs("8.19.21");

  /** The reconciler's own connections: none may be opened when every cluster has a client. */
  static final EsConnector NO_CONNECTION = (endpoint, instrumentation) -> {
    throw new AssertionError("the reconciler opened a connection of its own to " + endpoint);
  };

  /** A user's transport that remembers whether it was closed. */
  static final class UserTransport extends ElasticsearchTransportBase {
    boolean closed;

    UserTransport(TransportHttpClient http) {
      super(http, new DefaultTransportOptions(), new JacksonJsonpMapper());
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  /** Answers as the fake does, except a request line it never answers. */
  static final class Hanging implements TransportHttpClient {
    final FakeEs fake;
    final String line;
    final CompletableFuture<Response> pending = new CompletableFuture<>();

    Hanging(FakeEs fake, String line) {
      this.fake = fake;
      this.line = line;
    }

    @Override
    public Response performRequest(String id, Node node, Request request, TransportOptions o)
        throws IOException {
      return fake.performRequest(id, node, request, o);
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String id, Node node, Request request,
        TransportOptions o) {
      if ((request.method() + " " + request.path()).equals(line)) {
        return pending;
      }
      return fake.performRequestAsync(id, node, request, o);
    }

    @Override
    public void close() {}
  }

  static Topology topology() {
    return new Topology(List.of(ReconcilerFakeTransportTest.cluster("search", "9.5.3", null),
        ReconcilerFakeTransportTest.cluster("old", "8.19.21", null)),
        List.of(Link.of("old", "search", "s").withSecurity(SecurityModel.NONE).withMode(Mode.SNIFF)));
  }

  DefaultReconciler reconciler(ReconcilerBuilder b) {
    return new DefaultReconciler(b.ownership(OwnershipStore.inMemory())
        .pollInterval(Duration.ofMillis(1)).verifyTimeout(Duration.ZERO).config(), NO_CONNECTION);
  }

  @Test
  void applyAndStatusGoThroughTheUserClientsWhichStayOpen() throws IOException {
    UserTransport oldTransport = new UserTransport(old);
    UserTransport searchTransport = new UserTransport(search);
    ElasticsearchClient oldClient = new ElasticsearchClient(oldTransport);
    ElasticsearchClient searchClient = new ElasticsearchClient(searchTransport);
    ApplyReport report;
    List<LinkStatus> status;
    List<String> counted;
    try (DefaultReconciler r = reconciler(Reconciler.builder()
        .client("old", oldClient).client("search", searchClient))) {
      report = r.apply(topology());
      status = r.status(topology(), topology().clusters().get(1));
      counted = r.openSession("old").counter().log();
    }
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    // the same requests as through a connection of ours: version, three reads, one write
    assertThat(old.lines()).startsWith("GET /", "GET /_cluster/state/blocks",
        "GET /_cluster/settings", "GET /_remote/info", "PUT /_cluster/settings");
    // every request the client sent is counted, the claims of ownership included
    assertThat(counted).filteredOn(l -> !l.contains("/remote-clusters-claims"))
        .isEqualTo(old.lines());
    assertThat(counted).hasSize(old.lines().size() + old.claimLines().size());
    ClusterOutcome outcome = report.clusters().get(0);
    assertThat(outcome.reads()).isEqualTo(3);
    assertThat(outcome.writes()).isEqualTo(1);
    // an 8.x server still gets compatible-with=8 on top of the client's own options
    assertThat(old.sent()).allSatisfy(s ->
        assertThat(s.headers().get("Accept")).contains("compatible-with=8"));
    assertThat(status).extracting(LinkStatus::alias).containsExactly("s");
    assertThat(oldTransport.closed).isFalse();
    assertThat(searchTransport.closed).isFalse();
    assertThat(searchClient.info().version().number()).as("still usable").isEqualTo("9.5.3");
  }

  @Test
  void aCallThatNeverReturnsEndsWithTheRequestTimeoutNamingTheClusterAndTheRequest() {
    Hanging hanging = new Hanging(old, "GET /_remote/info");
    UserTransport transport = new UserTransport(hanging);
    ApplyReport report;
    try (Reconciler r = reconciler(Reconciler.builder()
        .requestTimeout(Duration.ofMillis(300))
        .client("old", new ElasticsearchClient(transport))
        .client("search", new ElasticsearchClient(new UserTransport(search))))) {
      report = r.apply(topology());
    }
    assertThat(report.clusters().get(0)).isInstanceOf(ClusterOutcome.Failed.class);
    String message = ((ClusterOutcome.Failed) report.clusters().get(0)).cause().getMessage();
    assertThat(message).contains("[old/", "GET /_remote/info", "request timeout 300 ms",
        "ElasticsearchClient given for this cluster");
    assertThat(hanging.pending).as("the pending exchange is cancelled").isCancelled();
    assertThat(old.lines()).doesNotContain("PUT /_cluster/settings");
    assertThat(transport.closed).isFalse();
  }

  @Test
  void aVersionRequestThatNeverReturnsFailsTheStatusOfThatClusterOnly() {
    Hanging hanging = new Hanging(old, "GET /");
    try (Reconciler r = reconciler(Reconciler.builder()
        .requestTimeout(Duration.ofMillis(300))
        .client("old", new ElasticsearchClient(new UserTransport(hanging)))
        .client("search", new ElasticsearchClient(new UserTransport(search))))) {
      List<LinkStatus> status = r.status(topology());
      assertThat(status).filteredOn(s -> s.cluster().equals("old")).singleElement()
          .satisfies(s -> {
            assertThat(s.state()).isEqualTo(LinkStatus.State.UNKNOWN);
            assertThat(s.diagnosis().toString()).contains("GET /", "request timeout 300 ms");
          });
    }
    assertThat(hanging.pending).isCancelled();
  }

  @Test
  void theBuilderHandsTheClientOverForItsClusterOnly() {
    ElasticsearchClient client = new ElasticsearchClient(new UserTransport(search));
    var access = Reconciler.builder().client("search", client).config().access();
    Cluster searchCluster = topology().clusters().get(0);
    Cluster oldCluster = topology().clusters().get(1);
    assertThat(access.client(searchCluster)).containsSame(client);
    assertThat(access.client(oldCluster)).isEmpty();
    assertThat(access.endpoint(oldCluster).url().toString()).isEqualTo("http://old:9200");
    assertThat(access.toString()).contains("search").doesNotContain("ElasticsearchClient@");
    assertThatThrownBy(() -> Reconciler.builder().client("search", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("client");
  }
}
