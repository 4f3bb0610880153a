package io.github.remoteclusters.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.license.LicenseStatus;
import co.elastic.clients.elasticsearch.security.AuthenticateResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secured clusters of both lines: two TLS clusters with a remote cluster server started together
 * (prints how long the pair took to be ready: green, licensed, security index usable), and two
 * authentication-only clusters whose keystores are written and reloaded.
 */
class SecuredClusterIT {

  @Test
  void securedClustersOfBothLinesAreReadyAndEnforceSecurity() throws Exception {
    long begin = System.nanoTime();
    List<TestCluster> clusters =
        TestClusters.startAll(
            List.of(
                ClusterSpec.of("tls9", "9.5.3").withRemoteClusterServer(),
                ClusterSpec.of("tls8", "8.19.21").withRemoteClusterServer()));
    Duration ready = Duration.ofNanos(System.nanoTime() - begin);
    System.out.println(
        "PERF two secured clusters (9.5.3 and 8.19.21, TLS with remote cluster server) ready in "
            + ready.toMillis()
            + " ms (load average "
            + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " cores)");
    try {
      for (TestCluster c : clusters) {
        ElasticsearchClient client = c.client();
        AuthenticateResponse me = client.security().authenticate();
        assertThat(me.username()).isEqualTo(c.superuser().username());
        assertThat(me.roles()).contains("superuser");
        assertThat(client.license().get().license().status()).isEqualTo(LicenseStatus.Active);
        assertThat(client.license().get().license().type().jsonValue()).isEqualTo("trial");
        assertThat(c.superuser().toString()).doesNotContain(c.superuser().password());
        // without credentials: 401
        assertThat(status(c, null)).isEqualTo(401);
        assertThat(status(c, c.superuser())).isEqualTo(200);
      }
      TestCluster tls9 = clusters.get(0);
      assertThat(tls9.httpUri().getScheme()).isEqualTo("https");
      assertThat(tls9.remoteClusterServerAddress()).startsWith("127.0.0.1:");
      assertThat(Files.readString(tls9.tls().caFile())).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(tls9.tls().ca()).isEqualTo(TestClusters.defaultCa());
      // plain HTTP to the HTTPS port is refused
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(
              () ->
                  plain.send(
                      HttpRequest.newBuilder(
                              URI.create("http://" + tls9.httpUri().getAuthority() + "/"))
                          .timeout(Duration.ofSeconds(10))
                          .build(),
                      HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);

      // a wrong password is refused with Elasticsearch's own 401
      ElasticsearchClient intruder =
          tls9.clientAs(new Credentials(tls9.superuser().username(), "wrong-password"));
      assertThatThrownBy(() -> intruder.security().authenticate())
          .isInstanceOfSatisfying(
              ElasticsearchException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).contains("unable to authenticate user");
              });
    } finally {
      clusters.forEach(TestCluster::close);
    }
  }

  @Test
  void keystoreEntriesAreWrittenAndReloadedOnBothLines() throws Exception {
    List<TestCluster> clusters =
        TestClusters.startAll(
            List.of(
                ClusterSpec.of("ks9", "9.5.3").withSecurity(Security.AUTHENTICATION),
                ClusterSpec.of("ks8", "8.19.21").withSecurity(Security.AUTHENTICATION)));
    try {
      for (TestCluster c : clusters) {
        assertThat(c.httpUri().getScheme()).isEqualTo("http");
        assertThat(c.client().license().get().license().status()).isEqualTo(LicenseStatus.Active);
        assertThat(status(c, null)).isEqualTo(401);
        assertThatThrownBy(c::remoteClusterServerAddress).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(c::tls).isInstanceOf(IllegalStateException.class);
        c.keystore().put("cluster.remote.ks_probe.credentials", "not-a-real-key");
        c.keystore().reload();
        assertThat(c.home().resolve("config/elasticsearch.keystore")).exists();
        c.keystore().remove("cluster.remote.ks_probe.credentials");
        c.keystore().reload();
      }
    } finally {
      clusters.forEach(TestCluster::close);
    }
  }

  private static int status(TestCluster c, Credentials user) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (c.security() == Security.TLS) {
      b.sslContext(c.sslContext());
    }
    HttpRequest.Builder r =
        HttpRequest.newBuilder(c.httpUri().resolve("/_security/_authenticate"))
            .timeout(Duration.ofSeconds(10));
    if (user != null) {
      r.header("Authorization", user.basicAuthorization());
    }
    return b.build().send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
