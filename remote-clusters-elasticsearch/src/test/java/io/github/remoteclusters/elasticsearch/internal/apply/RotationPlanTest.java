package io.github.remoteclusters.elasticsearch.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import io.github.remoteclusters.core.plan.StepPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 6: a key rotation is a plan in the plan's vocabulary (there is no second rotation
 * vocabulary): new key, credentials, reload, verification, and only then the old keys go.
 */
class RotationPlanTest {

  private final Cluster local = ReconcilerFakeTransportTest.cluster("search", "9.5.3", null);
  private final Cluster remote = ReconcilerFakeTransportTest.cluster("data", "9.5.3", "data:9443");
  private final StepPayload.CreateCrossClusterApiKey create =
      new StepPayload.CreateCrossClusterApiKey("data", "remote-clusters-search-data", "search",
          ReconcilerFakeTransportTest.access(), null);

  @Test
  void rotationIsCreateStoreReloadVerifyThenInvalidate() {
    List<PlanStep> steps = Rotation.rotationPlan(local, remote, create, List.of("old1"));
    assertThat(steps).extracting(PlanStep::action).containsExactly(
        StepAction.CREATE_CROSS_CLUSTER_API_KEY, StepAction.STORE_CREDENTIALS,
        StepAction.RELOAD_SECURE_SETTINGS, StepAction.VERIFY_CONNECTED,
        StepAction.INVALIDATE_API_KEY);
    assertThat(steps).extracting(PlanStep::target)
        .containsExactly("data", "search", "search", "search", "data");
    assertThat(steps.get(4).payload()).isEqualTo(
        new StepPayload.InvalidateApiKeys("data", "remote-clusters-search-data", List.of("old1")));
  }

  @Test
  void withNoOldKeyNothingIsInvalidated() {
    assertThat(Rotation.rotationPlan(local, remote, create, List.of()))
        .extracting(PlanStep::action).doesNotContain(StepAction.INVALIDATE_API_KEY);
  }
}
