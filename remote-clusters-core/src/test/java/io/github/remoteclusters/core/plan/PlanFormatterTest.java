package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlanFormatterTest {

  static final String YAML =
      "clusters:\n"
          + "  - {name: search-eu, version: \"9.1.3\", deployment: self-managed,"
          + " url: \"https://elastic:s3cret@eu.example.com:9200/\"}\n"
          + "  - {name: logs, version: \"9.1.3\", deployment: self-managed,"
          + " remoteClusterAddress: \"logs:9443\", remoteClusterServer: true}\n"
          + "links:\n"
          + "  - {local: search-eu, remote: logs, alias: logs, access: {search: [{names: [\"it's-*\"]}]}}\n"
          + "  - {local: search-eu, remote: search-eu, alias: self, security: none}\n";

  @Test
  void jsonHasTheDocumentedShape() {
    Topology t = Plans.topology(YAML);
    JsonNode json = PlanFormatter.toJson(RemoteClusterPlanner.create().plan(t));
    JsonNode link = json.at("/links/0");
    assertThat(link.get("local").asText()).isEqualTo("search-eu");
    assertThat(link.get("security").asText()).isEqualTo("api-key");
    assertThat(link.get("mode").asText()).isEqualTo("sniff");
    JsonNode put = null;
    for (JsonNode s : link.get("steps")) {
      if (s.get("action").asText().equals("PUT_REMOTE_SETTINGS")) {
        put = s;
      }
    }
    assertThat(put).isNotNull();
    assertThat(put.get("target").asText()).isEqualTo("search-eu");
    assertThat(put.at("/request/method").asText()).isEqualTo("PUT");
    assertThat(put.at("/request/path").asText()).isEqualTo("/_cluster/settings");
    assertThat(put.at("/request/body/persistent/cluster/remote/logs/seeds/0").asText())
        .isEqualTo("logs:9443");
    JsonNode rejected = json.at("/links/1");
    assertThat(rejected.get("errors").get(0).get("severity").asText()).isEqualTo("error");
    assertThat(rejected.get("errors").get(0).get("code").asText()).isEqualTo("SELF_LINK");
    assertThat(rejected.get("errors").get(0).get("path").asText()).isEqualTo("links[1].remote");
    assertThat(rejected.get("steps").size()).isZero();
  }

  @Test
  void secretsNeverAppear() {
    Topology t = Plans.topology(YAML);
    TopologyPlan plan = RemoteClusterPlanner.create().plan(t);
    String all = PlanFormatter.toText(plan) + PlanFormatter.toJson(plan) + PlanFormatter.toCurl(plan, t)
        + t;
    assertThat(all).doesNotContain("s3cret");
  }

  @Test
  void curlUsesTheClusterUrlAndQuotesBodies() {
    Topology t = Plans.topology(YAML);
    String curl = PlanFormatter.toCurl(RemoteClusterPlanner.create().plan(t), t);
    assertThat(curl)
        .contains("curl -sS -u \"$ES_AUTH\" -X PUT 'https://::redacted::@eu.example.com:9200/_cluster/settings'")
        .contains("curl -sS -u \"$ES_AUTH\" -X POST '${LOGS_URL}/_security/cross_cluster/api_key'")
        .contains("it'\\''s-*")
        .contains("# link 1 NOT PLANNED");
  }

  @Test
  void textNamesStepsInOrder() {
    Topology t = Plans.topology(YAML);
    String text = PlanFormatter.toText(RemoteClusterPlanner.create().plan(t));
    assertThat(text)
        .contains("link 0: search-eu -> logs as [logs], present, security api-key, mode sniff")
        .contains("  1. TRUST_CA on search-eu")
        .contains("link 1: search-eu -> search-eu as [self]: NOT PLANNED");
  }

  @Test
  void examplesRenderAsCurl() {
    var read = io.github.remoteclusters.core.TopologyReader.read(
        Path.of("..", "examples", "1-eck-same-environment.yaml"));
    Topology t = ((io.github.remoteclusters.core.TopologyReadResult.Loaded) read).topology();
    assertThat(PlanFormatter.toCurl(RemoteClusterPlanner.create().plan(t), t))
        .contains("kubectl patch elasticsearch search -n analytics --type merge");
  }
}
