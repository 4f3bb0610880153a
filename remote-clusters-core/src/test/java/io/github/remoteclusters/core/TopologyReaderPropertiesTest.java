package io.github.remoteclusters.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.PlanFormatter;
import io.github.remoteclusters.core.plan.PlanResult;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;
import io.github.remoteclusters.testing.Gen;
import io.github.remoteclusters.testing.SeededCases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * No topology input makes the reader or the planner throw: they report problems. Inputs are
 * arbitrary text and documents assembled from valid and invalid pieces.
 */
class TopologyReaderPropertiesTest {

  static final List<String> VERSIONS =
      List.of("\"9.1.3\"", "\"8.19.2\"", "\"8.13.0\"", "\"8.10.1\"", "\"7.17.9\"", "\"9.0\"",
          "8.10", "\"x\"", "\"10.0.0\"", "[]");
  static final List<String> DEPLOYMENTS = List.of("eck", "self-managed", "ech", "ece", "k8s", "1");
  static final List<String> EXTRAS =
      List.of("", ", remoteClusterAddress: \"h:9443\"", ", transportAddress: \"h:9300\"",
          ", remoteClusterServer: true", ", license: basic", ", license: enterprise",
          ", eck: {environment: e2}", ", serverName: s", ", url: \"https://u:p@h\"", ", bogus: 1",
          ", transportAddress: h", ", eck: {name: BAD}");
  static final List<String> LINK_EXTRAS =
      List.of("", ", security: api-key", ", security: certificate", ", security: none",
          ", mode: proxy", ", mode: sniff", ", skipUnavailable: true", ", nodeConnections: 2",
          ", proxySocketConnections: 0", ", access: {search: [{names: [a]}]}",
          ", access: {replication: [{names: [b], query: {}}]}", ", access: {}", ", state: absent",
          ", transport: {compress: x}", ", access: {search: {names: a, query: \"q\"}}", ", alias2: x");

  static String cluster(Gen gen) {
    String e1 = gen.oneOf(EXTRAS);
    String e2 = gen.oneOf(EXTRAS);
    return "  - {name: " + gen.oneOf(List.of("a", "b", "c")) + ", version: " + gen.oneOf(VERSIONS)
        + ", deployment: " + gen.oneOf(DEPLOYMENTS) + e1 + (e1.equals(e2) ? "" : e2) + "}\n";
  }

  static String link(Gen gen) {
    String l = gen.oneOf(List.of("a", "b", "c", "z"));
    String r = gen.oneOf(List.of("a", "b", "c"));
    String al = gen.oneOf(List.of("x", "y", "a.b", "X"));
    String e1 = gen.oneOf(LINK_EXTRAS);
    String e2 = gen.oneOf(LINK_EXTRAS);
    return "  - {local: " + l + ", remote: " + r + ", alias: " + al + e1
        + (e1.equals(e2) ? "" : e2) + "}\n";
  }

  static String document(Gen gen) {
    List<String> cs = gen.list(3, () -> cluster(gen));
    List<String> ls = gen.list(4, () -> link(gen));
    return "clusters:\n" + String.join("", cs) + "links:\n" + String.join("", ls)
        + (ls.isEmpty() ? "  []\n" : "");
  }

  @ParameterizedTest
  @SeededCases(1000)
  void readerAndPlannerNeverThrow(Gen gen) {
    String yaml = document(gen);
    TopologyReadResult read = TopologyReader.parse(yaml);
    if (read instanceof TopologyReadResult.Loaded) {
      TopologyPlan plan = RemoteClusterPlanner.create().plan(read.orElseThrow());
      assertThat(PlanFormatter.toJson(plan)).isNotNull();
      assertThat(PlanFormatter.toText(plan)).doesNotContain("u:p@");
      // every settings body a plan sends is one Elasticsearch accepts
      for (PlanResult r : plan.links()) {
        if (r instanceof PlanResult.Planned) {
          for (PlanStep step : ((PlanResult.Planned) r).plan().steps()) {
            if (step instanceof ElasticsearchRequestStep
                && ((ElasticsearchRequestStep) step).request().path().equals("/_cluster/settings")) {
              assertThat(RemoteClusterSettingsValidator
                      .validate(((ElasticsearchRequestStep) step).request().body()).problems())
                  .isEmpty();
            }
          }
        }
      }
    } else {
      assertThat(read.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
  }

  @ParameterizedTest
  @SeededCases(500)
  void arbitraryTextNeverThrows(Gen gen) {
    String text = gen.anyString();
    assertThat(TopologyReader.parse(text)).isNotNull();
    assertThat(TopologyReader.parse("{" + text)).isNotNull();
    assertThat(TopologyReader.parse("clusters:\n  - " + text)).isNotNull();
  }
}
