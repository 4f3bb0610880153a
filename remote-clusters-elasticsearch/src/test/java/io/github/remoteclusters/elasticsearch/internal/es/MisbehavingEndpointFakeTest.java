package io.github.remoteclusters.elasticsearch.internal.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.core.plan.StepPayload;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client stack (Rest5 client, retries, deadline) against a fake HTTP server that answers
 * what no healthy node answers: 503, 502, 429, 401, redirects, and reset connections. A fake,
 * because a real node cannot be made to do these on demand.
 */
class MisbehavingEndpointFakeTest {

  private static final ObjectMapper M = new ObjectMapper();

  private HttpServer server;
  /** Scripted statuses per "METHOD path"; 200 once the script is used up. */
  private final Map<String, Deque<Integer>> script = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Map<String, String> locations = new ConcurrentHashMap<>();
  private volatile String blocks = "{}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String line = x.getRequestMethod() + " " + x.getRequestURI().getPath();
    hits.computeIfAbsent(line, k -> new AtomicInteger()).incrementAndGet();
    x.getRequestBody().readAllBytes();
    Deque<Integer> s = script.get(line);
    Integer status = s == null ? null : s.poll();
    int code = status == null ? 200 : status;
    String body;
    if (code >= 300 && code < 400) {
      x.getResponseHeaders().add("Location", locations.getOrDefault(line, "http://elsewhere:9200/"));
      body = "";
    } else if (code >= 400) {
      body = "{\"error\":{\"type\":\"fake_exception\",\"reason\":\"status " + code + "\"},\"status\":"
          + code + "}";
    } else {
      body = okBody(line);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String okBody(String line) {
    if (line.equals("GET /")) {
      return FakeEs.info("9.5.3").toString();
    }
    if (line.equals("GET /_cluster/state/blocks")) {
      return "{\"cluster_name\":\"fake\",\"blocks\":" + blocks + "}";
    }
    if (line.equals("GET /_cluster/settings")) {
      return "{\"persistent\":{\"cluster.remote.a.seeds\":[\"h:9300\"]},\"transient\":{}}";
    }
    if (line.equals("POST /_security/cross_cluster/api_key")) {
      return "{\"id\":\"k1\",\"name\":\"n\",\"api_key\":\"s\",\"encoded\":\"ZW5j\"}";
    }
    return "{\"acknowledged\":true,\"persistent\":{},\"transient\":{}}";
  }

  private void answer(String line, Integer... statuses) {
    script.put(line, new ArrayDeque<>(List.of(statuses)));
  }

  private int hits(String line) {
    AtomicInteger n = hits.get(line);
    return n == null ? 0 : n.get();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private EsSession connect() {
    return EsSession.connect("fake", ClusterEndpoint.of(url()),
        EsConnector.rest5(Duration.ofSeconds(5), Duration.ofSeconds(10)));
  }

  @Test
  void settingsAreNotReadWhileTheStateIsNotRecovered() {
    try (EsSession s = connect()) {
      blocks = "{\"global\":{\"1\":{\"description\":\"state not recovered / initialized\","
          + "\"retryable\":true,\"levels\":[\"read\",\"write\"]}}}";
      EsSession.SettingsRead r = s.readSettingsIfRecovered();
      assertThat(r).isInstanceOfSatisfying(EsSession.SettingsRead.NotRecovered.class,
          n -> assertThat(n.reason()).contains("[1] \"state not recovered / initialized\""));
      assertThat(hits("GET /_cluster/settings")).isZero();

      blocks = "{}";
      assertThat(s.readSettingsIfRecovered())
          .isInstanceOfSatisfying(EsSession.SettingsRead.Complete.class,
              c -> assertThat(c.settings().persistent()).containsKey("cluster.remote.a.seeds"));

      answer("GET /_cluster/state/blocks", 503, 503, 503, 503);
      assertThat(s.readSettingsIfRecovered())
          .isInstanceOfSatisfying(EsSession.SettingsRead.NotRecovered.class,
              n -> assertThat(n.reason()).contains("no elected master"));
    }
  }

  @Test
  void getIsRetriedOn503And502UntilItSucceeds() {
    answer("GET /", 503, 502);
    try (EsSession s = connect()) {
      assertThat(s.version().toString()).isEqualTo("9.5.3");
    }
    assertThat(hits("GET /")).isEqualTo(3);
  }

  @Test
  void settingsPutIsRetriedOn504() {
    try (EsSession s = connect()) {
      answer("PUT /_cluster/settings", 504);
      s.putSettings(M.createObjectNode().put("cluster.remote.a.seeds", "h:9300"), M.createObjectNode());
    }
    assertThat(hits("PUT /_cluster/settings")).isEqualTo(2);
  }

  @Test
  void apiKeyCreateIsNeverRetried() {
    try (EsSession s = connect()) {
      answer("POST /_security/cross_cluster/api_key", 503, 503);
      var key = new StepPayload.CreateCrossClusterApiKey("a", "n", "local",
          new CrossClusterAccess(List.of(new SearchAccess(List.of("logs-*"), null, null, false)),
              List.of()),
          null);
      assertThatThrownBy(() -> s.createCrossClusterApiKey(key))
          .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.httpStatus()).isEqualTo(503))
          .hasMessageContaining("[fake] is unavailable (HTTP 503): [fake_exception] status 503");
    }
    assertThat(hits("POST /_security/cross_cluster/api_key")).isEqualTo(1);
  }

  @Test
  void tooManyRequestsIsRetriedThenReportedAsSuch() {
    answer("GET /", 429, 429, 429, 429, 429, 429);
    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.httpStatus()).isEqualTo(429))
        .hasMessageStartingWith("[fake/CONNECT] failed: [fake] answered too many requests (HTTP 429)")
        .hasMessageNotContaining("cannot reach");
    assertThat(hits("GET /")).isEqualTo(1 + 3);
  }

  @Test
  void unauthorizedIsAnAuthenticationFailureNotUnreachableAndNotRetried() {
    answer("GET /", 401);
    assertThatThrownBy(this::connect)
        .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.httpStatus()).isEqualTo(401))
        .hasMessageContaining("authentication failed for the user or credentials given for [fake]")
        .hasMessageNotContaining("cannot reach");
    assertThat(hits("GET /")).isEqualTo(1);
  }

  @Test
  void redirectsAreReportedNotFollowedWithoutTheirCredentials() {
    answer("GET /", 302);
    locations.put("GET /", "http://user:s3cr%2Ft@elsewhere:9200/");
    assertThatThrownBy(this::connect)
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("GET / was redirected (HTTP 302) to [http://::redacted::@elsewhere:9200]")
        .hasMessageContaining("not followed")
        .hasMessageNotContaining("s3cr");
    assertThat(hits("GET /")).isEqualTo(1);
  }

  @Test
  void aRedirectedPutIsNotFollowed() {
    try (EsSession s = connect()) {
      answer("PUT /_cluster/settings", 307);
      assertThatThrownBy(() -> s.putSettings(
              M.createObjectNode().put("cluster.remote.a.seeds", "h:9300"), M.createObjectNode()))
          .hasMessageContaining("PUT /_cluster/settings was redirected (HTTP 307)");
    }
    assertThat(hits("PUT /_cluster/settings")).isEqualTo(1);
  }

  @Test
  void aResetConnectionIsRetriedForReads() throws IOException {
    try (FakeSocketServer reset = FakeSocketServer.start(c -> {
      c.setSoLinger(true, 0);
      c.getInputStream().read();
      c.close();
    })) {
      assertThatThrownBy(() -> EsSession.connect("reset",
              ClusterEndpoint.of("http://127.0.0.1:" + reset.port()),
              EsConnector.rest5(Duration.ofSeconds(5), Duration.ofSeconds(10))))
          .isInstanceOf(ApplyException.class)
          .hasMessageStartingWith("[reset/CONNECT] failed: cannot reach http://127.0.0.1:");
      assertThat(reset.accepted()).isGreaterThan(1);
    }
  }
}
