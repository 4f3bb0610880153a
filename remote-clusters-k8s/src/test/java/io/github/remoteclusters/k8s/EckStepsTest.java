package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.AccessValidator;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.internal.EckSteps;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18 item 1: the adapter names what it does with every kind of plan step, refuses by name
 * what it cannot express, and renders nothing for a link the user's planner rejects.
 */
class EckStepsTest {

  static Stream<Class<?>> payloadKinds() {
    return Stream.of(StepPayload.class.getPermittedSubclasses());
  }

  @ParameterizedTest
  @MethodSource("payloadKinds")
  void everyPayloadKindHasAHandling(Class<?> kind) {
    assertThat(EckSteps.handling(kind)).as(kind.getSimpleName()).isNotNull();
  }

  @Test
  void everyHandlingIsUsedAndTheKnownCasesAreWhereTheyBelong() {
    assertThat(EckSteps.handling(StepPayload.DeclareEckRemoteCluster.class))
        .isEqualTo(EckSteps.Handling.RENDERED);
    assertThat(EckSteps.handling(StepPayload.PutRemoteSettings.class))
        .isEqualTo(EckSteps.Handling.RENDERED);
    assertThat(EckSteps.handling(StepPayload.CreateCrossClusterApiKey.class))
        .isEqualTo(EckSteps.Handling.OUTSIDE_KUBERNETES);
    assertThat(EckSteps.handling(StepPayload.RemoveEckRemoteCluster.class))
        .isEqualTo(EckSteps.Handling.REMOVAL);
    assertThat(EckSteps.handling(StepPayload.MigrateSecurityModel.class))
        .isEqualTo(EckSteps.Handling.REFUSED);
  }

  @Test
  void anUnknownKindIsRefusedLoudlyByName() {
    assertThatThrownBy(() -> EckSteps.handling(String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot express plan step String");
  }

  @Test
  void aRefusalNamesTheKindAndTheAlias() {
    assertThat(EckSteps.refusal(new StepPayload.MigrateSecurityModel(
            "far", SecurityModel.CERTIFICATE, SecurityModel.API_KEY)))
        .contains("MigrateSecurityModel").contains("[far]");
  }

  private static final AccessValidator REJECTING =
      (access, path, version) ->
          List.of(new Problem(ProblemCode.ACCESS_INVALID, path, "the policy refuses this access"));

  @Test
  void aLinkTheUsersPlannerRejectsIsNotRendered() {
    for (String yaml : List.of(Topologies.SAME_ENV_API_KEY, Topologies.OTHER_ENV_API_KEY)) {
      Topology t = Topologies.parse(yaml);
      EckAdapter adapter = EckAdapter.of(EckOptions.defaults());
      assertThat(adapter.render(t, RemoteClusterPlanner.create()))
          .isInstanceOf(RenderResult.Rendered.class);

      RemoteClusterPlanner planner = RemoteClusterPlanner.create().withAccessValidator(REJECTING);
      TopologyPlan plan = planner.plan(t);
      RenderResult r = adapter.render(t, plan);
      assertThat(r).isInstanceOf(RenderResult.Rejected.class);
      assertThat(r.problems()).extracting(Problem::message)
          .contains("the policy refuses this access");
      // the convenience overload plans with the planner it is given, not a default one
      RenderResult again = adapter.render(t, planner);
      assertThat(again).isInstanceOf(RenderResult.Rejected.class);
      assertThat(again.problems()).extracting(Problem::message)
          .contains("the policy refuses this access");
    }
  }

  @Test
  void theServiceTypeIsThePlans() throws Exception {
    Topology t = Topologies.parse(Topologies.OTHER_ENV_API_KEY.replace(
        "remoteClusterAddress: \"rc.example.com:9443\"",
        "remoteClusterAddress: \"rc.example.com:30443\"\n"
            + "    remoteClusterService: {type: NodePort, port: 30443}"));
    TopologyPlan plan = RemoteClusterPlanner.create().plan(t);
    assertThat(plan.links()).singleElement()
        .isInstanceOf(io.github.remoteclusters.core.plan.PlanResult.Planned.class);
    StepPayload.ExposeService expose = ((io.github.remoteclusters.core.plan.PlanResult.Planned)
            plan.links().get(0)).plan().steps().stream()
        .map(io.github.remoteclusters.core.plan.PlanStep::payload)
        .filter(StepPayload.ExposeService.class::isInstance)
        .map(StepPayload.ExposeService.class::cast)
        .findFirst().orElseThrow();
    assertThat(expose.type())
        .isEqualTo(io.github.remoteclusters.core.ServiceExposure.Type.NODE_PORT);
    RenderResult r = EckAdapter.of(EckOptions.defaults()).render(t, plan);
    assertThat(r).as("%s", r.problems()).isInstanceOf(RenderResult.Rendered.class);
    String json = EckAdapter.toJson(((RenderResult.Rendered) r).resources());
    com.fasterxml.jackson.databind.JsonNode list =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    boolean nodePort = false;
    for (com.fasterxml.jackson.databind.JsonNode item : list.path("items")) {
      if (item.path("metadata").path("name").asText().equals("cluster2")
          && item.path("kind").asText().equals("Elasticsearch")) {
        nodePort = item.at("/spec/remoteClusterServer/service/spec/type").asText()
            .equals("NodePort");
      }
    }
    assertThat(nodePort).as(json).isTrue();
  }
}
