package io.github.remoteclusters.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of upgrade step has its own {@link UpgradeAction} (named like the step), a target, a
 * description and renders as text and JSON.
 */
class UpgradeStepTest {

  static Stream<UpgradeStep> steps() {
    Map<Class<?>, UpgradeStep> byKind = Map.of(
        UpgradeStep.UpgradeCluster.class, new UpgradeStep.UpgradeCluster(
            new ClusterUpgrade("a", EsVersion.parse("8.19.2"), EsVersion.parse("9.1.0"))),
        UpgradeStep.PauseFollowing.class, new UpgradeStep.PauseFollowing("f", "l", "l", "why"),
        UpgradeStep.ResumeFollowing.class, new UpgradeStep.ResumeFollowing("f", "l", "l"),
        UpgradeStep.RemoveSearchAlias.class, new UpgradeStep.RemoveSearchAlias("a", "b", "b"),
        UpgradeStep.RestoreSearchAlias.class, new UpgradeStep.RestoreSearchAlias("a", "b", "b"));
    assertThat(byKind.keySet())
        .containsExactlyInAnyOrder(UpgradeStep.class.getPermittedSubclasses());
    return byKind.values().stream();
  }

  @ParameterizedTest
  @MethodSource("steps")
  void rendersWithItsRequests(UpgradeStep step) {
    assertThat(step.action().name())
        .isEqualTo(step.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2")
            .toUpperCase(java.util.Locale.ROOT));
    assertThat(step.target()).isNotBlank();
    assertThat(step.description()).isNotBlank();
    UpgradePlan plan = new UpgradePlan(true, List.of(new Wave(1,
        List.of(new ClusterUpgrade("a", EsVersion.parse("8.19.2"), EsVersion.parse("9.1.0"))),
        List.of(step), List.of())), List.of(), List.of(), true, 1, List.of());
    String text = UpgradeFormatter.toText(plan);
    assertThat(text).contains("1. " + step.action() + " on " + step.target());
    String json = UpgradeFormatter.toJson(plan);
    assertThat(json).contains("\"action\":\"" + step.action().name() + "\"");
    for (StepRequest r : step.requests()) {
      assertThat(text).contains(r.toString());
      assertThat(json).contains("\"path\":\"" + r.path() + "\"");
    }
  }
}
