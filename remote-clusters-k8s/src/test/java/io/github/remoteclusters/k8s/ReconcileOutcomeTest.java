package io.github.remoteclusters.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconcileOutcomeTest {

  private static EckLinkStatus link(LinkPhase phase, String message, String error) {
    return new EckLinkStatus("local", "a", "remote", phase, null, message, error);
  }

  @Test
  void allConfiguredIsReady() {
    ReconcileOutcome o = new ReconcileOutcome(
        List.of(new ResourceChange("Secret", "ns", "s", ChangeAction.UNCHANGED)),
        List.of(link(LinkPhase.CONFIGURED, "resources applied", null)), List.of());
    Condition c = o.condition();
    assertThat(c.getType()).isEqualTo("RemoteClustersReady");
    assertThat(c.getStatus()).isEqualTo("True");
    assertThat(o.changed()).isFalse();
    assertThat(o.ok()).isTrue();
    assertThat(o.rescheduleAfter()).isEmpty();
  }

  @Test
  void pendingIsUnknownAndReschedules() {
    ReconcileOutcome o = new ReconcileOutcome(
        List.of(), List.of(link(LinkPhase.PENDING, "waiting for ECK", null)), List.of());
    assertThat(o.condition().getStatus()).isEqualTo("Unknown");
    assertThat(o.condition().getMessage()).isEqualTo("[a] waiting for ECK");
    assertThat(o.rescheduleAfter()).contains(ReconcileOutcome.PENDING_RETRY);
  }

  @Test
  void failureIsFalseWithTheError() {
    ReconcileOutcome o = new ReconcileOutcome(
        List.of(new ResourceChange("Elasticsearch", "ns", "es", ChangeAction.UPDATED)),
        List.of(link(LinkPhase.FAILED, null, "boom")),
        List.of(new Problem(ProblemCode.ECK_UNSUPPORTED, "", "other")));
    assertThat(o.condition().getStatus()).isEqualTo("False");
    assertThat(o.condition().getReason()).isEqualTo("Failed");
    assertThat(o.condition().getMessage()).isEqualTo("boom");
    assertThat(o.changed()).isTrue();
    assertThat(o.ok()).isFalse();
  }
}
