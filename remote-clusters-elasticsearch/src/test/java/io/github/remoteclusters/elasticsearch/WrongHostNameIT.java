package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import io.github.remoteclusters.security.apikey.SearchAccess;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.ImpostorServer;
import io.github.remoteclusters.testkit.Security;
import io.github.remoteclusters.testkit.TestCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials go only to a host the certificate names, on real secured 9.5 nodes ({@code
 * sec-a95}, {@code sec-b95}, shared). Two servers the reconciler must refuse:
 *
 * <ul>
 *   <li>the real node {@code sec-a95} reached as {@code https://127.0.0.2:PORT} (a plain TCP relay
 *       on 127.0.0.2 to its HTTP port): its real certificate names {@code localhost} and {@code
 *       127.0.0.1} only;
 *   <li>an impostor on 127.0.0.1 holding a certificate from the very CA of the test clusters, for
 *       other names, that records what reaches it; it is given the real superuser credentials of
 *       {@code sec-a95} (what an attacker would collect).
 * </ul>
 *
 * <p>{@code apply} (with and without the cluster as the remote of an API-key link), {@code
 * status} with its diagnosis, and the key rotation all fail naming the host and the certificate's
 * names; the impostor receives no request; nothing is written on the real clusters.
 */
class WrongHostNameIT {

  @EsCluster(name = "sec-a95", security = Security.TLS, shared = true)
  static TestCluster a95;

  @EsCluster(name = "sec-b95", remoteClusterServer = true, shared = true)
  static TestCluster b95;

  static ImpostorServer impostor;
  static Relay relay;

  @BeforeAll
  static void start() throws IOException {
    impostor = ImpostorServer.start(a95.tls().ca(),
        NodeCertificateRequest.forDnsNames("impostor.example").withIpAddresses(List.of("10.0.0.9")));
    try {
      relay = Relay.start(InetAddress.getByName("127.0.0.2"), a95.httpUri().getPort());
    } catch (IOException e) {
      relay = null; // a loopback without 127.0.0.2 (macOS): the relay cases are skipped
    }
  }

  @AfterAll
  static void stop() throws IOException {
    impostor.close();
    if (relay != null) {
      relay.close();
    }
  }

  static Cluster renamed(TestCluster t, String name, String url) {
    Cluster c = SecuredClusters.cluster(t);
    return new Cluster(name, c.version(), c.deployment(), null, url, c.transportAddress(),
        c.remoteClusterAddress(), null, c.remoteClusterServer(), c.license());
  }

  /** The real superuser credentials of sec-a95 and the test CA, whatever the URL. */
  static ClusterEndpoint asAdmin(String url) {
    return new ClusterEndpoint(java.net.URI.create(url),
        SecuredClusters.endpoint(a95).authorization(), a95.sslContext());
  }

  static Reconciler reconciler(Map<String, ClusterEndpoint> extra) {
    Map<String, ClusterEndpoint> m = new LinkedHashMap<>(extra);
    m.put(a95.name(), SecuredClusters.endpoint(a95));
    m.put(b95.name(), SecuredClusters.endpoint(b95));
    return Reconciler.builder()
        .ownership(OwnershipStore.inMemory())
        .access(ClusterAccess.of(m))
        .credentials(SecuredClusters.keystores(List.of(a95, b95)))
        .verifyTimeout(Duration.ofSeconds(5))
        .build();
  }

  static Link apiKey(String local, String remote, String alias) {
    return Link.of(local, remote, alias).withSecurity(SecurityModel.API_KEY).withMode(Mode.PROXY)
        .withAccess(new CrossClusterAccess(List.of(SearchAccess.of("hn_*")), List.of()));
  }

  static String failure(ApplyReport report, String cluster) {
    ClusterOutcome o = report.clusters().stream().filter(c -> c.cluster().equals(cluster))
        .findFirst().orElseThrow(() -> new AssertionError(cluster + " not in " + report));
    assertThat(o).as(report.toString()).isInstanceOf(ClusterOutcome.Failed.class);
    return ((ClusterOutcome.Failed) o).cause().getMessage();
  }

  static void assertNoAlias(String alias) throws IOException {
    assertThat(a95.client().cluster().getSettings(g -> g.flatSettings(true)).persistent())
        .as("settings of sec-a95").noneSatisfy((k, v) -> assertThat(k).contains(alias));
    assertThat(b95.client().security().getApiKey(g -> g.activeOnly(true)).apiKeys())
        .as("keys of sec-b95").noneSatisfy(k -> assertThat(k.name()).contains(alias));
  }

  @Test
  void theImpostorAsTheLocalClusterReceivesNothingFromApplyStatusOrRotation() throws IOException {
    Cluster imp = renamed(a95, "hn-imp", impostor.uri().toString());
    Topology t = new Topology(List.of(imp, SecuredClusters.cluster(b95)),
        List.of(apiKey("hn-imp", b95.name(), "hn_local")));
    try (Reconciler r = reconciler(Map.of("hn-imp", asAdmin(impostor.uri().toString())))) {
      String applied = failure(r.apply(t), "hn-imp");
      assertThat(applied).contains("[hn-imp/CONNECT] failed: refused " + impostor.uri())
          .contains("Certificate for <127.0.0.1> doesn't match any of the subject alternative names")
          .contains("DNS:impostor.example").contains("IP:10.0.0.9")
          .contains("nothing was sent to it (no request, no credentials)")
          .doesNotContain(a95.superuser().password());
      List<LinkStatus> status = r.status(t);
      assertThat(status).hasSize(1);
      assertThat(status.get(0).diagnosis().code()).isEqualTo(Diagnosis.Code.SERVER_NAME_MISMATCH);
      assertThat(status.get(0).diagnosis().message()).contains("DNS:impostor.example");
      ClusterOutcome rotated = r.rotateApiKey(t, "hn-imp", "hn_local");
      assertThat(rotated).isInstanceOf(ClusterOutcome.Failed.class);
      assertThat(((ClusterOutcome.Failed) rotated).cause().getMessage())
          .contains("refused " + impostor.uri());
    }
    assertThat(impostor.received()).as("requests that reached the impostor").isEmpty();
    assertNoAlias("hn_local");
  }

  @Test
  void theImpostorAsTheRemoteGetsNoKeyRequestAndTheRealLocalIsNotChanged() throws IOException {
    Cluster imp = renamed(b95, "hn-imp-remote", impostor.uri().toString());
    Topology t = new Topology(List.of(SecuredClusters.cluster(a95), imp),
        List.of(apiKey(a95.name(), "hn-imp-remote", "hn_remote")));
    try (Reconciler r = reconciler(Map.of("hn-imp-remote", asAdmin(impostor.uri().toString())))) {
      ApplyReport report = r.apply(t);
      assertThat(report.succeeded()).as(report.toString()).isFalse();
      assertThat(report.toString()).contains("refused " + impostor.uri())
          .contains("DNS:impostor.example");
    }
    assertThat(impostor.received()).as("requests that reached the impostor").isEmpty();
    assertNoAlias("hn_remote");
  }

  @Test
  void theRealNodeReachedByAnAddressItsCertificateDoesNotNameIsRefused() throws IOException {
    Assumptions.assumeTrue(relay != null, "127.0.0.2 cannot be bound on this machine");
    String url = "https://127.0.0.2:" + relay.port();
    Cluster viaRelay = renamed(a95, "hn-relay", url);
    Topology t = new Topology(List.of(viaRelay, SecuredClusters.cluster(b95)),
        List.of(apiKey("hn-relay", b95.name(), "hn_relay")));
    try (Reconciler r = reconciler(Map.of("hn-relay", asAdmin(url)))) {
      assertThat(failure(r.apply(t), "hn-relay"))
          .contains("refused " + url)
          .contains("Certificate for <127.0.0.2> doesn't match any of the subject alternative names")
          .contains("DNS:localhost").contains("IP:127.0.0.1");
      assertThat(r.status(t).get(0).diagnosis().code())
          .isEqualTo(Diagnosis.Code.SERVER_NAME_MISMATCH);
    }
    assertThat(relay.connections()).as("the relay did carry the attempts").isPositive();
    assertNoAlias("hn_relay");
  }

  /** A plain TCP relay: what a DNS name or address the certificate does not list would reach. */
  static final class Relay implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final java.util.concurrent.atomic.AtomicInteger connections =
        new java.util.concurrent.atomic.AtomicInteger();

    private Relay(ServerSocket server, int target) {
      this.server = server;
      this.target = target;
    }

    static Relay start(InetAddress bind, int targetPort) throws IOException {
      ServerSocket s = new ServerSocket();
      s.bind(new InetSocketAddress(bind, 0));
      Relay r = new Relay(s, targetPort);
      Thread t = new Thread(r::accept, "relay");
      t.setDaemon(true);
      t.start();
      return r;
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket in = server.accept();
          connections.incrementAndGet();
          Socket out = new Socket("127.0.0.1", target);
          pump(in, out);
          pump(out, in);
        } catch (IOException e) {
          // closed
        }
      }
    }

    private static void pump(Socket from, Socket to) {
      Thread t = new Thread(() -> {
        try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
          i.transferTo(o);
        } catch (IOException e) {
          // one side closed
        } finally {
          try {
            from.close();
            to.close();
          } catch (IOException ignored) {
            // closing
          }
        }
      }, "relay-pump");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
