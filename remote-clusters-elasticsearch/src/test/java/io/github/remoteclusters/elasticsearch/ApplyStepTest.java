package io.github.remoteclusters.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.core.plan.StepAction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 18 item 6: the apply report speaks the plan's vocabulary. */
class ApplyStepTest {

  private static final Set<ApplyStep> AROUND_THE_STEPS = EnumSet.of(ApplyStep.PLAN,
      ApplyStep.CONNECT, ApplyStep.READ_SETTINGS, ApplyStep.READ_REMOTE_INFO,
      ApplyStep.LIST_API_KEYS, ApplyStep.READ_LOCAL_ROLE, ApplyStep.OWNERSHIP, ApplyStep.APPLY);

  @ParameterizedTest
  @EnumSource(ApplyStep.class)
  void aStepThatCarriesOutAPlanStepIsThePlansActionOfTheSameName(ApplyStep step) {
    if (AROUND_THE_STEPS.contains(step)) {
      assertThat(step.action()).isEmpty();
      assertThat(Arrays.stream(StepAction.values()).map(Enum::name)).doesNotContain(step.name());
    } else {
      assertThat(step.action()).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo(step.name()));
    }
  }

  @Test
  void everyRequestTheExecutorSendsForAPlanStepHasItsApplyStep() {
    Set<StepAction> reported = Arrays.stream(ApplyStep.values())
        .flatMap(s -> s.action().stream()).collect(Collectors.toSet());
    assertThat(reported).containsExactlyInAnyOrder(
        StepAction.CREATE_CROSS_CLUSTER_API_KEY, StepAction.UPDATE_CROSS_CLUSTER_API_KEY,
        StepAction.STORE_CREDENTIALS, StepAction.RELOAD_SECURE_SETTINGS,
        StepAction.CREATE_LOCAL_ROLE, StepAction.DELETE_LOCAL_ROLE,
        StepAction.PUT_REMOTE_SETTINGS, StepAction.INVALIDATE_API_KEY,
        StepAction.VERIFY_CONNECTED);
  }
}
