package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.License;
import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.plan.Connection;
import io.github.remoteclusters.core.plan.ElasticsearchRequestStep;
import io.github.remoteclusters.core.plan.ManualStep;
import io.github.remoteclusters.core.plan.Plan;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepPayload;
import io.github.remoteclusters.core.plan.StepSamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every step payload, in every way it can be carried out, is run by the applier or reported. */
class StepKindsTest {

  /** What the applier does itself: everything else goes to a person or to ECK. */
  private static final Set<Class<?>> RUN_AS_REQUEST = Set.of(
      StepPayload.PutRemoteSettings.class,
      StepPayload.RemoveRemoteSettings.class,
      StepPayload.CreateCrossClusterApiKey.class,
      StepPayload.InvalidateApiKeys.class,
      StepPayload.ReloadSecureSettings.class,
      StepPayload.CreateLocalRole.class,
      StepPayload.UpdateCrossClusterApiKey.class,
      StepPayload.DeleteLocalRole.class,
      StepPayload.VerifyConnected.class,
      StepPayload.InvalidateOtherApiKeys.class);

  /** Manual steps the applier carries out itself: the credential writer's, and the migration marker. */
  private static final Set<Class<?>> RUN_AS_MANUAL = Set.of(
      StepPayload.StoreCredentials.class,
      StepPayload.RemoveCredentials.class,
      StepPayload.MigrateSecurityModel.class);

  static Stream<Class<?>> payloadKinds() {
    return StepSamples.payloadKinds();
  }

  @ParameterizedTest
  @MethodSource("payloadKinds")
  void everyPayloadIsRunOrReportedAsNotRun(Class<?> kind) {
    StepPayload payload = StepSamples.sample(kind);
    Cluster a = new Cluster("a", EsVersion.parse("9.1.0"), Deployment.SELF_MANAGED, null, null,
        "a:9300", "a:9443", null, true, License.ENTERPRISE);
    Plan plan = new Plan("a", "b", "x", LinkState.PRESENT, SecurityModel.API_KEY,
        new Connection.Sniff(List.of("b:9443"), null), null, List.of(), List.of());
    for (PlanStep step : StepSamples.steps(payload)) {
      List<PlanStep> notRun = new ArrayList<>();
      boolean run = DefaultReconciler.collect(plan, step, Map.of("a", a), new LinkedHashMap<>(),
          notRun);
      boolean expected = (step instanceof ElasticsearchRequestStep && RUN_AS_REQUEST.contains(kind))
          || (step instanceof ManualStep && RUN_AS_MANUAL.contains(kind));
      assertThat(run).as("%s as %s", kind.getSimpleName(), step.getClass().getSimpleName())
          .isEqualTo(expected);
      assertThat(notRun).isEqualTo(run ? List.of() : List.of(step));
    }
  }
}
