package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.internal.Json;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every permitted subclass of the sealed types is handled by every dispatch. */
class PlanStepKindsTest {

  static Stream<Class<?>> stepKinds() {
    return Arrays.stream(PlanStep.class.getPermittedSubclasses());
  }

  static PlanStep sample(Class<?> kind) {
    if (kind == ElasticsearchRequestStep.class) {
      return new ElasticsearchRequestStep(StepAction.VERIFY_CONNECTED, "a", "d",
          new HttpRequest("GET", "/_remote/info", null));
    }
    if (kind == EckResourceStep.class) {
      return new EckResourceStep(StepAction.PATCH_ECK_RESOURCE, "a", "d",
          new EckResource("Elasticsearch", "n", "ns"), Json.object().put("k", 1));
    }
    if (kind == ManualStep.class) {
      return new ManualStep(StepAction.MANUAL, "a", "d", List.of("do it"));
    }
    throw new AssertionError("no sample for new step kind " + kind + ": add one and handle it");
  }

  @ParameterizedTest
  @MethodSource("stepKinds")
  void everyStepKindRendersInEveryFormat(Class<?> kind) {
    PlanStep step = sample(kind);
    ObjectNode json = PlanFormatter.stepJson(step);
    assertThat(json.get("action").asText()).isEqualTo(step.action().name());
    assertThat(json.get("kind").asText()).isNotBlank();
    Plan plan = new Plan("a", "b", "x", LinkState.PRESENT, SecurityModel.NONE,
        new Connection.Sniff(List.of("h:1"), null), true, List.of(step), List.of());
    TopologyPlan tp = new TopologyPlan(List.of(new PlanResult.Planned(0, plan)));
    assertThat(PlanFormatter.toText(tp)).contains(step.action().name());
    assertThat(PlanFormatter.toCurl(tp, Plans.topology(
        "clusters:\n  - {name: a, version: \"9.1.0\", deployment: self-managed}\n")))
        .contains(step.action().name());
  }

  static Stream<Class<?>> resultKinds() {
    return Arrays.stream(PlanResult.class.getPermittedSubclasses());
  }

  @ParameterizedTest
  @MethodSource("resultKinds")
  void everyResultKindRenders(Class<?> kind) {
    PlanResult result;
    if (kind == PlanResult.Planned.class) {
      result = new PlanResult.Planned(0, new Plan("a", "b", "x", LinkState.ABSENT,
          SecurityModel.CERTIFICATE, null, null, List.of(), List.of()));
    } else if (kind == PlanResult.Rejected.class) {
      result = new PlanResult.Rejected(0, Link.of("a", "b", "x"),
          List.of(new Problem(ProblemCode.SELF_LINK, "links[0]", "m")));
    } else {
      throw new AssertionError("handle new result kind " + kind);
    }
    TopologyPlan tp = new TopologyPlan(List.of(result));
    assertThat(PlanFormatter.toJson(tp).get("links").get(0).get("alias").asText()).isEqualTo("x");
    assertThat(PlanFormatter.toText(tp)).contains("[x]");
  }

  static Stream<Class<?>> connectionKinds() {
    return Arrays.stream(Connection.class.getPermittedSubclasses());
  }

  @ParameterizedTest
  @MethodSource("connectionKinds")
  void everyConnectionKindRenders(Class<?> kind) {
    Connection c = kind == Connection.Sniff.class
        ? new Connection.Sniff(List.of("h:1"), 2)
        : new Connection.Proxy("h:1", "h", 3);
    Plan plan = new Plan("a", "b", "x", LinkState.PRESENT, SecurityModel.NONE, c, true,
        List.of(), List.of());
    ObjectNode json = PlanFormatter.toJson(new TopologyPlan(List.of(new PlanResult.Planned(0, plan))));
    assertThat(json.at("/links/0/mode").asText()).isEqualTo(c.mode().id());
    assertThat(json.at("/links/0/connection").size()).isEqualTo(kind == Connection.Sniff.class ? 2 : 3);
  }
}
