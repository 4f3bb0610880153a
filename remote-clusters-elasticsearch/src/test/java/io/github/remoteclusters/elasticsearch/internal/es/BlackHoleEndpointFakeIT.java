package io.github.remoteclusters.elasticsearch.internal.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

  /** Runs a call that must fail with a message naming cluster, request and time; prints the time. */
  private static void timed(String what, ThrowingCallable call, String messageStart) {
    long start = System.nanoTime();
    assertThatThrownBy(call)
        .isInstanceOf(ApplyException.class)
        .hasMessageStartingWith(messageStart)
        .hasMessageEndingWith("(request timeout 2 s)");
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT, "BLACK-HOLE %-34s request timeout %d ms: clear error after %d ms%n",
        what, TIMEOUT.toMillis(), ms);
    assertThat(ms).isLessThanOrEqualTo(BOUND_MS);
  }

  @Test
  void blackHoleFailsWithinTheTimeoutNamingClusterRequestAndTime() throws IOException {
    try (FakeSocketServer hole = FakeSocketServer.blackHole()) {
      timed("accepts, never answers (GET /)",
          () -> EsSession.connect("hole", ClusterEndpoint.of("http://127.0.0.1:" + hole.port()), connector()),
          "[hole/CONNECT] failed: no answer to GET / after ");
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
      timed("one header byte every 500 ms",
          () -> EsSession.connect("trickle", ClusterEndpoint.of("http://127.0.0.1:" + trickle.port()), connector()),
          "[trickle/CONNECT] failed: no answer to GET / after ");
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
      timed("answers GET /, never the PUT",
          () -> s.putSettings(m.createObjectNode().put("cluster.remote.a.seeds", "h:9300"), m.createObjectNode()),
          "[silent/PUT_REMOTE_SETTINGS] failed: no answer to PUT /_cluster/settings after ");
    } finally {
      never.countDown();
      server.stop(0);
    }
  }
}
