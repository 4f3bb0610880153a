package io.github.remoteclusters.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.LinkState;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every permitted subclass of the sealed types is handled by every dispatch. */
class PlanStepKindsTest {

  static Stream<Class<?>> payloadKinds() {
    return StepSamples.payloadKinds();
  }

  @ParameterizedTest
  @MethodSource("payloadKinds")
  void everyPayloadRendersInEveryFormatAndEveryStepKind(Class<?> kind) {
    StepPayload payload = StepSamples.sample(kind);
    assertThat(payload.alias()).isEqualTo("x");
    List<PlanStep> steps = StepSamples.steps(payload);
    for (PlanStep step : steps) {
      assertThat(step.payload()).isSameAs(payload);
      ObjectNode json = (ObjectNode) Plans.tree(PlanFormatter.stepJson(step));
      assertThat(json.get("action").asText()).isEqualTo(payload.action().name());
      Plan plan = new Plan("a", "b", "x", LinkState.PRESENT, SecurityModel.NONE,
          new Connection.Sniff(List.of("h:1"), null), true, List.of(step), List.of());
      TopologyPlan tp = new TopologyPlan(List.of(new PlanResult.Planned(0, plan)));
      String text = PlanFormatter.toText(tp);
      String curl = PlanFormatter.toCurl(tp, Plans.topology(
          "clusters:\n  - {name: a, version: \"9.1.0\", deployment: self-managed}\n"));
      assertThat(text).contains(payload.action().name());
      assertThat(curl).contains(payload.action().name());
      if (step instanceof ElasticsearchRequestStep r) {
        HttpRequest request = StepEncoder.request(payload).orElseThrow();
        assertThat(r.request()).isEqualTo(request);
        assertThat(json.at("/request/path").asText()).isEqualTo(request.path());
        assertThat(json.at("/request/method").asText()).isEqualTo(request.method());
        assertThat(text).contains(request.path());
        assertThat(curl).contains(request.path().substring(1));
        if (request.body() != null) {
          assertThat(json.at("/request/body")).isEqualTo(Plans.tree(request.body()));
        }
      } else if (step instanceof EckResourceStep e) {
        assertThat(json.at("/patch/spec")).isEqualTo(Plans.tree(e.specPatch()));
        assertThat(e.specPatch()).isEqualTo(StepEncoder.specPatch(payload).orElseThrow());
      } else if (step instanceof ManualStep) {
        assertThat(json.get("instructions").get(0).asText()).isEqualTo("do it");
      } else {
        throw new AssertionError("handle new step kind " + step.getClass());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("payloadKinds")
  void aStepRefusesAPayloadItCannotCarryOut(Class<?> kind) {
    StepPayload payload = StepSamples.sample(kind);
    assertThat(StepEncoder.hasRequest(payload)).isEqualTo(StepEncoder.request(payload).isPresent());
    assertThat(StepEncoder.hasSpecPatch(payload))
        .isEqualTo(StepEncoder.specPatch(payload).isPresent());
    if (StepEncoder.request(payload).isEmpty()) {
      assertThatThrownBy(() -> new ElasticsearchRequestStep("a", "d", payload))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(kind.getSimpleName());
    }
    if (StepEncoder.specPatch(payload).isEmpty()) {
      assertThatThrownBy(() -> new EckResourceStep("a", "d",
          new EckResource("Elasticsearch", "a", "ns"), payload))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(kind.getSimpleName());
    }
  }

  @ParameterizedTest
  @MethodSource("payloadKinds")
  void payloadsAreValues(Class<?> kind) {
    assertThat(StepSamples.sample(kind)).isEqualTo(StepSamples.sample(kind));
    assertThat(StepSamples.sample(kind).hashCode()).isEqualTo(StepSamples.sample(kind).hashCode());
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
    assertThat(Plans.tree(PlanFormatter.toJson(tp)).get("links").get(0).get("alias").asText()).isEqualTo("x");
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
    ObjectNode json = (ObjectNode) Plans.tree(PlanFormatter.toJson(new TopologyPlan(List.of(new PlanResult.Planned(0, plan)))));
    assertThat(json.at("/links/0/mode").asText()).isEqualTo(c.mode().id());
    assertThat(json.at("/links/0/connection").size()).isEqualTo(kind == Connection.Sniff.class ? 2 : 3);
  }
}
