package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.testkit.EsCluster;
import io.github.remoteclusters.testkit.TestCluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.StepAction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Core's plans applied to real nodes (security off, self-managed to self-managed): a sniff link
 * connects, switching it to proxy mode in one request works, and removing it (with
 * skip_unavailable and transport options set) leaves no key behind.
 */
class PlannedLinkIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @EsCluster static TestCluster local;

  @EsCluster static TestCluster remote;

  private static String topology(String linkOptions) {
    return "clusters:\n"
        + "  - {name: local, version: \"" + local.version() + "\", deployment: self-managed}\n"
        + "  - {name: remote, version: \"" + remote.version() + "\", deployment: self-managed,"
        + " transportAddress: \"" + remote.transportAddress() + "\"}\n"
        + "links:\n"
        + "  - {local: local, remote: remote, alias: planned, security: none, skipUnavailable: true,"
        + " transport: {compress: \"true\"}" + linkOptions + "}\n";
  }

  private static Plan plan(String linkOptions) {
    TopologyReadResult read = TopologyReader.parse(topology(linkOptions));
    assertThat(read.problems()).isEmpty();
    PlanResult result = RemoteClusterPlanner.create()
        .plan(read.orElseThrow()).links().get(0);
    assertThat(result).as("%s", result.problems()).isInstanceOf(PlanResult.Planned.class);
    return ((PlanResult.Planned) result).plan();
  }

  /** Sends every settings request of the plan to the local node. */
  private static void apply(Plan plan) throws Exception {
    for (PlanStep step : plan.steps()) {
      if (step instanceof ElasticsearchRequestStep
          && step.action() != StepAction.VERIFY_CONNECTED) {
        var r = ((ElasticsearchRequestStep) step).request();
        assertThat(step.target()).isEqualTo("local");
        HttpResponse<String> response = send(r.method(), r.path(),
            r.body());
        assertThat(response.statusCode()).as("%s -> %s", r, response.body()).isEqualTo(200);
      }
    }
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local.httpUri() + path))
        .header("Content-Type", "application/json")
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode remoteInfo() throws Exception {
    return MAPPER.readTree(send("GET", "/_remote/info", null).body());
  }

  private static JsonNode awaitConnected(String mode) throws Exception {
    JsonNode info = null;
    for (int i = 0; i < 60; i++) {
      info = remoteInfo().path("planned");
      if (info.path("connected").asBoolean() && mode.equals(info.path("mode").asText())) {
        return info;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("alias [planned] not connected in " + mode + " mode: " + info);
  }

  @Test
  void sniffThenProxyThenRemoved() throws Exception {
    Plan sniff = plan("");
    assertThat(sniff.steps()).extracting(PlanStep::action)
        .containsExactly(StepAction.PUT_REMOTE_SETTINGS, StepAction.VERIFY_CONNECTED);
    apply(sniff);
    JsonNode info = awaitConnected("sniff");
    assertThat(info.path("skip_unavailable").asBoolean()).isTrue();

    apply(plan(", mode: proxy"));
    info = awaitConnected("proxy");
    assertThat(info.path("proxy_address").asText()).isEqualTo(remote.transportAddress());

    apply(plan(", state: absent"));
    assertThat(remoteInfo().has("planned")).isFalse();
    JsonNode settings = MAPPER.readTree(send("GET", "/_cluster/settings?flat_settings=true", null).body());
    List<String> keys = new java.util.ArrayList<>();
    settings.path("persistent").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).noneMatch(k -> k.startsWith("cluster.remote."));
  }
}
