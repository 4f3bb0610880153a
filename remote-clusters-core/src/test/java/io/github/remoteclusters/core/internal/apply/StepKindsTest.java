package io.github.remoteclusters.core.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.plan.PlanStep;
import io.github.remoteclusters.core.plan.StepAction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every step kind and action the planner can emit is either run by the applier or reported. */
class StepKindsTest {

  @Test
  void everyStepKindIsKnown() {
    assertThat(Arrays.stream(PlanStep.class.getPermittedSubclasses()).map(Class::getSimpleName))
        .containsExactlyInAnyOrder("ElasticsearchRequestStep", "EckResourceStep", "ManualStep");
  }

  @Test
  void everyActionIsKnown() {
    assertThat(StepAction.values()).hasSize(13);
  }
}
