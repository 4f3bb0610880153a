package io.github.remoteclusters.core.settings;

import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;
import io.github.remoteclusters.core.settings.SettingsProblem;
import io.github.remoteclusters.core.settings.SettingsReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's {@code cluster.remote.*} settings validator against real 9.5 and 8.19 nodes: for each body, a node
 * accepts it exactly when the validator finds no problem, and the reason the node gives is one of
 * the validator's messages (the node stops at its first problem, the validator reports all).
 */
class SettingsValidatorDifferentialIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @EsCluster static TestCluster es;

  @EsCluster(version = "8.19.21")
  static TestCluster old;

  static Stream<String> bodies() {
    // SELF is replaced by the node's own transport address, so that accepted seeds connect fast
    return Stream.of(
        p("\"cluster.remote.a.seeds\":[\"SELF\"]"),
        p("\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.skip_unavailable\":false"),
        p("\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy_address\":\"SELF\","
            + "\"cluster.remote.a.server_name\":\"x\",\"cluster.remote.a.proxy_socket_connections\":2"),
        p("\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy_address\":\"SELF\","
            + "\"cluster.remote.a.seeds\":[\"SELF\"]"),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.server_name\":\"x\""),
        p("\"cluster.remote.a.proxy_address\":\"SELF\""),
        p("\"cluster.remote.a.skip_unavailable\":true"),
        p("\"cluster.remote.a.seeds\":null,\"cluster.remote.a.skip_unavailable\":true"),
        p("\"cluster.remote.a.seeds\":[\"h\"]"),
        p("\"cluster.remote.a.seeds\":[\"h:9300-9400\"]"),
        p("\"cluster.remote.a.seeds\":[\"h:0\"]"),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.node_connections\":0"),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.node_connections\":\"x\""),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.skip_unavailable\":\"yes\""),
        p("\"cluster.remote.a.mode\":\"ring\""),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.transport.ping_schedule\":\"5\""),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.transport.compress\":\"gzip\""),
        p("\"cluster.remote.a.seeds\":[\"SELF\"],\"cluster.remote.a.transport.compression_scheme\":\"zstd\""),
        p("\"cluster.remote.a.transport.compress\":\"true\""),
        p("\"cluster.remote.my.remote.seeds\":[\"SELF\"]"),
        p("\"cluster.remote.a.credentials\":\"x\""),
        p("\"cluster.remote.connections_per_cluster\":5"),
        p("\"cluster.remote.initial_connect_timeout\":\"5s\""),
        p("\"cluster.remote.max_pending_connection_listeners\":5"),
        "{\"persistent\":{\"cluster.remote.a.mode\":\"proxy\"},"
            + "\"transient\":{\"cluster.remote.a.proxy_address\":\"SELF\"}}",
        // found by probing 9.5.3 and 8.19.21 nodes
        p("\"cluster.remote.a.proxy\":\"h:1\""),
        p("\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy\":\"h:1\""),
        p("\"cluster.remote.a.seeds\":[],\"cluster.remote.a.proxy\":\"h:1\""),
        p("\"cluster.remote.a.seeds.foo\":\"h:1\""),
        p("\"cluster.remote.a.seeds.foo\":\"h\""),
        p("\"cluster.remote.a.skip_unavailable.x\":\"true\""),
        p("\"cluster.remote.a.credentials.x\":\"k\""),
        p("\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.transport.ping_schedule\":\"5M\""),
        p("\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.transport.ping_schedule\":\"5MS\""),
        p("\"cluster.remote.a.seeds\":\"SELF,\""),
        p("\"cluster.remote.a.seeds\":\"SELF, ,SELF\""),
        p("\"cluster.remote.a.seeds\":[\"h:1 \"]"),
        p("\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.node_connections\":99999999999"),
        p("\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.skip_unavailable\":[\"true\"]"),
        p("\"cluster.remote.a.mode\":[\"proxy\"]"),
        p("\"cluster.remote.a.signing.key\":\"x\""),
        p("\"cluster.remote.signing.truststore.path\":\"x\""),
        p("\"archived.cluster.remote.a.seeds\":\"h:1\""),
        p("\"cluster.remote.a.seeds\":[\"SELF\",null]"),
        "{\"transient\":null,\"persistent\":{\"cluster.remote.a.seeds\":\"SELF\"}}",
        p("\"archived.cluster.remote.a.seeds\":null,\"search.remote.a.*\":null"),
        p("\"cluster.remote.a.seeds\":\"SELF\",\"cluster\":{\"remote.a.seeds\":\"h\"}"),
        "{\"persistent\":{\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.node_connections\":\" 3\"}}",
        "{\"persistent\":{\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.transport.ping_schedule\":\"9999999999999999999s\"}}",
        "{\"persistent\":{\"cluster.remote.a.seeds\":\"SELF\",\"cluster.remote.a.transport.ping_schedule\":\"5D\"}}",
        "{\"persistent\":{\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy_address\":[\"SELF\"]}}",
        "{\"persistent\":{\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy_address\":\" SELF\"}}",
        "{\"persistent\":{\"cluster.remote.a.mode\":\"proxy\",\"cluster.remote.a.proxy_address\":\"h:2147483648\"}}",
        "{\"persistent\":{\"cluster.remote.a.seeds\":[9300]}}",
        "{\"persistent\":{\"cluster.remote.a.seeds.0\":\"h:1\",\"cluster.remote.a.seeds.1\":\"h\"}}",
        "{\"persistent\":{\"cluster\":{\"remote\":{\"a\":{\"seeds\":{\"x\":[\"h:1\"]},\"skip_unavailable\":true}}}}}",
        "{\"persistent\":{\"cluster.remote.A.seeds\":\"SELF\",\"cluster.remote.a.skip_unavailable\":true}}",
        "{\"persistant\":{\"cluster.remote.a.seeds\":\"h\"},\"persistent\":{\"cluster.remote.a.seeds\":\"SELF\"}}",
        "{\"persistent\":{\"cluster.remote.a.skip_unavailable\":\"x\"},"
            + "\"transient\":{\"cluster.remote.b.skip_unavailable\":\"true\"}}",
        "{\"persistent\":{\"cluster\":{\"remote\":{\"a\":{\"mode\":null,\"seeds\":null,"
            + "\"skip_unavailable\":null,\"transport.compress\":null}}}}}");
  }

  private static String p(String settings) {
    return "{\"persistent\":{" + settings + "}}";
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void nodeAndValidatorAgree(String template) throws Exception {
    agree(es, template);
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void node819AndValidatorAgree(String template) throws Exception {
    agree(old, template);
  }

  private static void agree(TestCluster node, String template) throws Exception {
    String body = template.replace("SELF", node.transportAddress());
    SettingsReport report = RemoteClusterSettingsValidator.validate(body);
    HttpResponse<String> response = put(node, body);
    if (report.valid()) {
      assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isEqualTo(200);
    } else {
      // 500: a list of non-values or a null scope fails while the node loads the settings
      assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isIn(400, 500);
      List<String> reasons = reasons(MAPPER.readTree(response.body()));
      List<String> ours = report.problems().stream().map(SettingsProblem::message).toList();
      assertThat(reasons).as("node reasons %s, validator %s", reasons, ours)
          .anySatisfy(r -> assertThat(ours).contains(r));
    }
  }

  @AfterEach
  void reset() throws Exception {
    for (TestCluster node : List.of(es, old)) {
      put(node,
          "{\"persistent\":{\"cluster.remote.*\":null},\"transient\":{\"cluster.remote.*\":null}}");
    }
  }

  private static HttpResponse<String> put(TestCluster node, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.httpUri() + "/_cluster/settings"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Every reason in the error, its causes and root causes. */
  private static List<String> reasons(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node.path("error"), out);
    return out;
  }

  private static void collect(JsonNode error, List<String> out) {
    if (error.isMissingNode() || error.isNull()) {
      return;
    }
    if (error.has("reason")) {
      out.add(error.get("reason").asText());
    }
    collect(error.path("caused_by"), out);
    for (JsonNode root : error.path("root_cause")) {
      collect(root, out);
    }
    for (JsonNode suppressed : error.path("suppressed")) {
      collect(suppressed, out);
    }
  }
}
