package io.github.remoteclusters.core.internal.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.remoteclusters.core.apply.ApplyException;
import io.github.remoteclusters.core.spi.ClusterEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Time to a clear error against endpoints that never answer: a black hole (accepts TCP, never
 * says a word), a trickle (sends one header byte a second, forever) and a node that answers
 * {@code GET /} but never the {@code PUT}. Fakes, because a real node cannot be made to hang on
 * demand. Target: the configured request timeout + 1 s. The figures are printed for
 * BENCHMARKS.md.
 */
class BlackHoleEndpointFakeIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Duration CONNECT = Duration.ofSeconds(1);
  private static final long BOUND_MS = TIMEOUT.toMillis() + 1000;

  /**
   * Loads the HTTP client, TLS and error classes once (a refused connection), so that the
   * figures measure the timeout and not the first start of a JVM on a busy machine.
   */
  @BeforeAll
  static void warmUp() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    assertThatThrownBy(() -> EsSession.connect("warm-up",
        ClusterEndpoint.of("http://127.0.0.1:" + closedPort), connector()))
        .isInstanceOf(ApplyException.class);
  }

  private static EsConnector connector() {
    return EsConnector.rest5(CONNECT, TIMEOUT);
  }

  private static void report(String what, long ms) {
    System.out.printf(Locale.ROOT, "BLACK-HOLE %-34s request timeout %d ms: clear error after %d ms%n",
        what, TIMEOUT.toMillis(), ms);
  }

  @Test
  void blackHoleFailsWithinTheTimeoutNamingClusterRequestAndTime() throws IOException {
    try (FakeSocketServer hole = FakeSocketServer.blackHole()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> EsSession.connect("hole",
              ClusterEndpoint.of("http://127.0.0.1:" + hole.port()), connector()))
          .isInstanceOf(ApplyException.class)
          .hasMessageStartingWith("[hole/CONNECT] failed: no answer to GET / after ")
          .hasMessageContaining("(request timeout 2 s)");
      long ms = (System.nanoTime() - start) / 1_000_000;
      report("accepts, never answers (GET /)", ms);
      assertThat(ms).isLessThanOrEqualTo(BOUND_MS);
    }
  }

  @Test
  void aTrickleOfBytesDoesNotExtendTheDeadline() throws IOException {
    try (FakeSocketServer trickle = FakeSocketServer.start(c -> {
      c.getInputStream().read(new byte[4096]);
      OutputStream out = c.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.write('X');
        out.flush();
        Thread.sleep(500);
      }
    })) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> EsSession.connect("trickle",
              ClusterEndpoint.of("http://127.0.0.1:" + trickle.port()), connector()))
          .isInstanceOf(ApplyException.class)
          .hasMessageContaining("no answer to GET /");
      long ms = (System.nanoTime() - start) / 1_000_000;
      report("one header byte every 500 ms", ms);
      assertThat(ms).isLessThanOrEqualTo(BOUND_MS);
    }
  }

  @Test
  void aPutThatIsNeverAnsweredFailsWithinTheTimeout() throws IOException {
    CountDownLatch never = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", x -> {
      if (x.getRequestMethod().equals("PUT")) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      byte[] body = FakeEs.info("9.5.3").toString().getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    ObjectMapper m = new ObjectMapper();
    try (EsSession s = EsSession.connect("silent",
        ClusterEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort()), connector())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.putSettings(
              m.createObjectNode().put("cluster.remote.a.seeds", "h:9300"), m.createObjectNode()))
          .isInstanceOf(ApplyException.class)
          .hasMessageStartingWith("[silent/PUT_REMOTE_SETTINGS] failed: no answer to PUT /_cluster/settings after ");
      long ms = (System.nanoTime() - start) / 1_000_000;
      report("answers GET /, never the PUT", ms);
      assertThat(ms).isLessThanOrEqualTo(BOUND_MS);
    } finally {
      never.countDown();
      server.stop(0);
    }
  }
}
