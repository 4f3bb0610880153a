package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import io.github.remoteclusters.core.settings.RemoteClusterSettingsValidator;
import java.util.List;

/** Test helpers: read a YAML topology and plan it. */
final class Plans {
  private Plans() {}

  static Topology topology(String yaml) {
    TopologyReadResult r = TopologyReader.parse(yaml);
    assertThat(r.problems()).isEmpty();
    return r.orElseThrow();
  }

  static TopologyPlan planAll(String yaml) {
    return RemoteClusterPlanner.create().plan(topology(yaml));
  }

  /** Plans the only link and expects it to be planned. */
  static Plan plan(String yaml) {
    PlanResult r = planAll(yaml).links().get(0);
    assertThat(r).as("%s", r.problems()).isInstanceOf(PlanResult.Planned.class);
    Plan p = ((PlanResult.Planned) r).plan();
    for (PlanStep s : p.steps()) {
      if (s instanceof ElasticsearchRequestStep
          && ((ElasticsearchRequestStep) s).request().path().equals("/_cluster/settings")) {
        JsonNode body = tree(((ElasticsearchRequestStep) s).request().body());
        assertThat(io.github.remoteclusters.core.internal.SettingsCheck.validate(body).problems())
            .as("planned settings body must pass the validator: %s", body)
            .isEmpty();
      }
    }
    return p;
  }

  /** Plans the only link and expects it to be rejected. */
  static List<Problem> rejected(String yaml) {
    PlanResult r = planAll(yaml).links().get(0);
    assertThat(r).isInstanceOf(PlanResult.Rejected.class);
    return r.problems();
  }

  static List<ProblemCode> codes(List<Problem> problems) {
    return problems.stream().map(Problem::code).toList();
  }

  static List<StepAction> actions(Plan p) {
    return p.steps().stream().map(PlanStep::action).toList();
  }

  static List<String> targets(Plan p) {
    return p.steps().stream().map(PlanStep::target).toList();
  }

  static <T extends PlanStep> T step(Plan p, StepAction action, Class<T> kind) {
    return p.steps().stream()
        .filter(s -> s.action() == action)
        .map(kind::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + action + " in " + actions(p)));
  }

  static JsonNode body(Plan p, StepAction action) {
    return tree(step(p, action, ElasticsearchRequestStep.class).request().body());
  }

  /** The tree of JSON text the library wrote, or null for null. */
  static JsonNode tree(String json) {
    try {
      return json == null ? null : io.github.remoteclusters.core.internal.Json.JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  static JsonNode alias(Plan p, StepAction action) {
    return body(p, action).at("/persistent/cluster/remote/" + p.alias());
  }

  static String cluster(String name, String version, String deployment, String extra) {
    return "  - {name: " + name + ", version: \"" + version + "\", deployment: " + deployment
        + (extra.isEmpty() ? "" : ", " + extra) + "}\n";
  }
}
