package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import io.github.remoteclusters.elasticsearch.internal.es.FakeEs;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The switch of a migration against a fake node whose reload can be held open, made to drop the
 * alias's connection part way, or made to fail: what a real node does only by timing (the
 * migration IT measures it) or not on demand (a failed reload). Covers when the settings write
 * goes out: once the alias dropped, while the reload still runs; after the reload when nothing was
 * connected; never when the reload fails before anything dropped.
 */
class SwitchoverFakeTest {

  private static final ObjectMapper M = new ObjectMapper();

  private HttpServer server;
  private ExecutorService threads;
  /** "reload", "reload-answered", "put" in the order the fake saw them. */
  private final List<String> events = new CopyOnWriteArrayList<>();
  private volatile boolean connected = true;
  /** How long the reload runs before it drops the alias; negative: it never drops it. */
  private volatile long dropAfterMillis = 50;
  /** Released by the settings write: a reload that waits for it answers only after the write. */
  private final CountDownLatch written = new CountDownLatch(1);
  private volatile boolean reloadWaitsForTheWrite;
  private volatile long reloadMillis = 300;
  private volatile String reloadException;
  private volatile boolean putFails;

  @BeforeEach
  void start() throws IOException {
    threads = Executors.newCachedThreadPool();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(HttpExchange x) throws IOException {
    String line = x.getRequestMethod() + " " + x.getRequestURI().getPath();
    x.getRequestBody().readAllBytes();
    String body;
    try {
      body = switch (line) {
        case "GET /" -> FakeEs.info("9.5.3").toString();
        case "GET /_remote/info" -> "{\"a\":{\"connected\":" + connected
            + ",\"mode\":\"proxy\",\"proxy_address\":\"h:9443\",\"server_name\":\"\","
            + "\"num_proxy_sockets_connected\":" + (connected ? 1 : 0)
            + ",\"max_proxy_socket_connections\":18,\"initial_connect_timeout\":\"30s\","
            + "\"skip_unavailable\":true}}";
        case "POST /_nodes/reload_secure_settings" -> reload();
        case "PUT /_cluster/settings" -> {
          events.add("put");
          written.countDown();
          yield "{\"acknowledged\":true,\"persistent\":{},\"transient\":{}}";
        }
        default -> "{}";
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      body = "{}";
    }
    int status = 200;
    if (putFails && line.equals("PUT /_cluster/settings")) {
      status = 400;
      body = "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"bad setting\"},"
          + "\"status\":400}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String reload() throws InterruptedException {
    events.add("reload");
    long start = System.nanoTime();
    if (dropAfterMillis >= 0) {
      Thread.sleep(dropAfterMillis);
      connected = false;
    }
    if (reloadWaitsForTheWrite) {
      assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
    } else {
      long left = reloadMillis - (System.nanoTime() - start) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
    }
    events.add("reload-answered");
    String node = reloadException == null ? "{\"name\":\"fake-0\"}"
        : "{\"name\":\"fake-0\",\"reload_exception\":{\"type\":\"security_exception\","
            + "\"reason\":\"" + reloadException + "\"}}";
    return "{\"_nodes\":{\"total\":1,\"successful\":1,\"failed\":0},\"cluster_name\":\"fake\","
        + "\"nodes\":{\"n1\":" + node + "}}";
  }

  private EsSession connect() {
    return EsSession.connect("fake", ClusterEndpoint.of("http://127.0.0.1:"
        + server.getAddress().getPort()), EsConnector.rest5(Duration.ofSeconds(5),
        Duration.ofSeconds(20)));
  }

  private static Runnable write(EsSession s) {
    return () -> s.putSettings(M.createObjectNode().put("cluster.remote.a.proxy_address", "h:9443"),
        M.createObjectNode());
  }

  /** The switch of alias {@code a}, with the fake's {@code _remote/info} read before it. */
  private static void switchover(EsSession s) {
    new Switchover("fake", s).run(List.of("a"), s.remoteInfo(), write(s));
  }

  @Test
  void theWriteGoesOutOnceTheAliasDroppedWhileTheReloadStillRuns() {
    reloadWaitsForTheWrite = true; // the reload cannot answer before the write arrives
    try (EsSession s = connect()) {
      switchover(s);
    }
    assertThat(events).containsExactly("reload", "put", "reload-answered");
  }

  @Test
  void aFailedWriteIsReportedOnlyOnceTheReloadAnswered() {
    putFails = true;
    reloadMillis = 600;
    try (EsSession s = connect()) {
      assertThatThrownBy(() -> switchover(s))
          .isInstanceOf(ApplyException.class).hasMessageContaining("bad setting");
      // no request of the switch is left running when it returns
      assertThat(events).containsExactly("reload", "put", "reload-answered");
    }
  }

  @Test
  void withNothingConnectedTheWriteWaitsForTheReloadsAnswer() {
    connected = false;
    dropAfterMillis = -1;
    try (EsSession s = connect()) {
      switchover(s);
    }
    assertThat(events).containsExactly("reload", "reload-answered", "put");
  }

  @Test
  void aReloadThatAnswersBeforeAnyDropIsFollowedByTheWrite() {
    dropAfterMillis = -1; // a connection the rebuild kept (or a drop too short to see)
    reloadMillis = 100;
    try (EsSession s = connect()) {
      switchover(s);
    }
    assertThat(events).containsExactly("reload", "reload-answered", "put");
  }

  @Test
  void aReloadThatFailsBeforeAnythingDroppedWritesNothing() {
    dropAfterMillis = -1;
    reloadMillis = 50;
    reloadException = "keystore cannot be read";
    try (EsSession s = connect()) {
      assertThatThrownBy(() -> switchover(s))
          .isInstanceOfSatisfying(ApplyException.class,
              e -> assertThat(e.step()).isEqualTo(ApplyStep.RELOAD_SECURE_SETTINGS))
          .hasMessageContaining("keystore cannot be read");
    }
    assertThat(events).containsExactly("reload", "reload-answered");
  }

  @Test
  void aReloadFailureAfterTheDropIsStillReportedAfterTheWrite() {
    reloadMillis = 400;
    reloadException = "another plugin failed";
    try (EsSession s = connect()) {
      assertThatThrownBy(() -> switchover(s))
          .isInstanceOf(ApplyException.class).hasMessageContaining("another plugin failed");
    }
    assertThat(events).containsExactly("reload", "put", "reload-answered");
  }
}
