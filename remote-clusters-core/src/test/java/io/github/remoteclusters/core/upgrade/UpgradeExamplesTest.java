package io.github.remoteclusters.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.TopologyReadResult;
import io.github.remoteclusters.core.TopologyReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example fleets under examples/upgrades/, as docs/upgrades.md describes them. */
class UpgradeExamplesTest {

  static final Path DIR = Path.of("..", "examples", "upgrades");

  static Topology read(String name) {
    TopologyReadResult r = TopologyReader.read(DIR.resolve(name));
    assertThat(r.problems()).isEmpty();
    return ((TopologyReadResult.Loaded) r).topology();
  }

  static UpgradePlan plan(Topology t, UpgradeRequest request) {
    UpgradeResult r = UpgradePlanner.create().plan(t, request);
    assertThat(r).isInstanceOf(UpgradeResult.Planned.class);
    return ((UpgradeResult.Planned) r).plan();
  }

  @Test
  void hubAndSpokeGoesTo92InFourWavesThroughStones() {
    UpgradePlan p = plan(read("hub-and-spoke.yaml"), UpgradeRequest.to(EsVersion.parse("9.2.0")));
    System.out.println(UpgradeFormatter.toText(p));
    assertThat(p.possible()).isTrue();
    assertThat(p.minimal()).isTrue();
    assertThat(p.waves()).hasSize(4);
    assertThat(p.lowerBound()).isEqualTo(4);
    // the hub passes through 8.19, the last 8.x minor, before 9.2
    assertThat(p.waves().stream().flatMap(w -> w.upgrades().stream())
            .filter(u -> u.cluster().equals("hub")).map(u -> u.to().toString()).toList())
        .containsExactly("8.19", "9.2.0");
  }

  @Test
  void bidirectionalPairPausesFollowingAroundTheWave() {
    UpgradePlan p = plan(read("ccr-pair.yaml"), UpgradeRequest.to(EsVersion.parse("9.0.8")));
    System.out.println(UpgradeFormatter.toText(p));
    assertThat(p.possible()).isTrue();
    Wave first = p.waves().get(0);
    assertThat(first.steps().get(0)).isInstanceOf(UpgradeStep.PauseFollowing.class);
    assertThat(first.steps().get(0).requests())
        .extracting(StepRequest::toString)
        .contains("POST /<follower_index>/_ccr/pause_follow");
    UpgradeStep last = p.waves().get(p.waves().size() - 1).steps()
        .get(p.waves().get(p.waves().size() - 1).steps().size() - 1);
    assertThat(last).isInstanceOf(UpgradeStep.ResumeFollowing.class);
    assertThat(last.requests()).extracting(StepRequest::toString)
        .contains("POST /<follower_index>/_ccr/resume_follow");
  }

  @Test
  void bidirectionalPairTo92NeedsInferredVerdicts() {
    Topology t = read("ccr-pair.yaml");
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.2.0")));
    System.out.println(UpgradeFormatter.toText(p));
    System.out.println(UpgradeFormatter.toJson(p));
    assertThat(p.possible()).isFalse();
    assertThat(p.blocking()).isNotEmpty();
    assertThat(p.waysOut()).extracting(WayOut::kind).contains(WayOut.Kind.ALLOW_INFERRED);
    UpgradePlan inferred =
        plan(t, UpgradeRequest.to(EsVersion.parse("9.2.0")).withAllow(Basis.INFERRED));
    assertThat(inferred.possible()).isTrue();
    assertThat(List.of(inferred.waves().size())).containsExactly(
        p.waysOut().stream().filter(w -> w.kind() == WayOut.Kind.ALLOW_INFERRED)
            .findFirst().orElseThrow().waves());
  }
}
