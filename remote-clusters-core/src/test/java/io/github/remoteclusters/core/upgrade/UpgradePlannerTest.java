package io.github.remoteclusters.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.CompatibilityRule;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.core.Cluster;
import io.github.remoteclusters.core.Deployment;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two- and three-cluster fleets around 8.18, 8.19 and 9.0, and the answers when no order works. */
class UpgradePlannerTest {

  private static Cluster c(String name, String version) {
    return Cluster.of(name, EsVersion.parse(version), Deployment.SELF_MANAGED);
  }

  private static Link search(String local, String remote) {
    return Fleets.toLink(new Fleets.TestLink(local, remote, remote, true, false));
  }

  private static Link follow(String follower, String leader) {
    return Fleets.toLink(new Fleets.TestLink(follower, leader, leader, false, true));
  }

  private static UpgradePlan plan(Topology t, UpgradeRequest r) {
    UpgradeResult result = UpgradePlanner.create().plan(t, r);
    assertThat(result).isInstanceOf(UpgradeResult.Planned.class);
    return ((UpgradeResult.Planned) result).plan();
  }

  private static List<String> hops(UpgradePlan p) {
    List<String> out = new ArrayList<>();
    for (Wave w : p.waves()) {
      List<String> wave = new ArrayList<>();
      for (ClusterUpgrade u : w.upgrades()) {
        wave.add(u.cluster() + ":" + u.to());
      }
      out.add(String.join(" ", wave));
    }
    return out;
  }

  /** local searches remote; both go to the target; the waves in order. */
  @ParameterizedTest(name = "{0} searches {1} -> {2}: {3}")
  @CsvSource(delimiter = ';', value = {
    // one wave: 8.18 can search 9.0 (released together) and 9.0 can search 8.18 (previous minor)
    "8.18.2; 8.18.2; 9.0.5; l:9.0.5 r:9.0.5",
    // 8.18 cannot search 9.1 and 9.1 cannot search 8.18: both step through 9.0 together
    "8.18.2; 8.18.2; 9.1.0; l:9.0 r:9.0|l:9.1.0 r:9.1.0",
    // 8.19 searches all of 9.x, 9.2 searches 9.1+: the remote first, the local last
    "8.19.3; 8.19.3; 9.2.0; r:9.2.0|l:9.2.0",
    // 8.17 cannot be left for 9.0 directly: both step to 8.18 (previous minor both ways)
    "8.17.1; 8.17.1; 9.0.5; l:8.18 r:8.18|l:9.0.5 r:9.0.5",
    // 9.0 cannot search 8.19: from 8.19 the local must wait for the remote
    "8.19.3; 8.19.3; 9.0.5; r:9.0.5|l:9.0.5",
  })
  void searchPairsAroundTheMajor(String local, String remote, String target, String waves) {
    Topology t = new Topology(List.of(c("l", local), c("r", remote)), List.of(search("l", "r")));
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse(target)));
    assertThat(p.possible()).isTrue();
    assertThat(p.minimal()).isTrue();
    assertThat(String.join("|", hops(p))).isEqualTo(waves);
  }

  @Test
  void followerUpgradesBeforeItsLeader() {
    Topology t = new Topology(List.of(c("f", "8.18.2"), c("l", "8.18.2")),
        List.of(follow("f", "l")));
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.0.5")));
    assertThat(hops(p)).containsExactly("f:9.0.5", "l:9.0.5");
    LinkCheck check = p.waves().get(0).links().get(0);
    assertThat(check.use()).isEqualTo(Use.REPLICATION);
    assertThat(p.waves().get(0).links()).extracting(LinkCheck::rule)
        .containsOnly(CompatibilityRule.CCR_TABLE_ALLOWS);
  }

  /**
   * A certificate link has no access document; its stated {@code uses: [replication]} is what makes
   * it a follower link, so the follower still goes first.
   */
  @Test
  void statedReplicationUseOnACertificateLinkOrdersTheFollowerFirst() {
    Link certificateFollow = Link.builder("f", "l", "l")
        .security(io.github.remoteclusters.core.SecurityModel.CERTIFICATE)
        .uses(java.util.Set.of(Use.REPLICATION))
        .build();
    Topology t = new Topology(List.of(c("f", "8.18.2"), c("l", "8.18.2")),
        List.of(certificateFollow));
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.0.5")));
    assertThat(hops(p)).containsExactly("f:9.0.5", "l:9.0.5");
    Topology searchOnly = new Topology(List.of(c("f", "8.18.2"), c("l", "8.18.2")),
        List.of(Link.builder("f", "l", "l")
            .security(io.github.remoteclusters.core.SecurityModel.CERTIFICATE).build()));
    assertThat(hops(plan(searchOnly, UpgradeRequest.to(EsVersion.parse("9.0.5")))))
        .containsExactly("f:9.0.5 l:9.0.5");
  }

  @Test
  void mutualSearchFrom819CannotCrossTheMajorWithoutAPause() {
    Topology t = new Topology(List.of(c("a", "8.19.2"), c("b", "8.19.2")),
        List.of(search("a", "b"), search("b", "a")));
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.1.0")));
    assertThat(p.possible()).isFalse();
    assertThat(p.blocking()).isNotEmpty();
    assertThat(p.blocking().get(0).reason()).contains("no order of upgrades keeps it supported");
    WayOut pause = p.waysOut().stream().filter(w -> w.kind() == WayOut.Kind.PAUSE_LINKS)
        .findFirst().orElseThrow();
    assertThat(pause.before()).hasOnlyElementsOfType(UpgradeStep.RemoveSearchAlias.class);
    assertThat(pause.after()).hasOnlyElementsOfType(UpgradeStep.RestoreSearchAlias.class);
    assertThat(pause.waves()).isPositive();
  }

  @Test
  void mutualSearchFrom818GoesThrough90NotThrough819() {
    Topology t = new Topology(List.of(c("a", "8.18.2"), c("b", "8.18.2")),
        List.of(search("a", "b"), search("b", "a")));
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.2.0")));
    assertThat(p.possible()).isTrue();
    assertThat(String.join("|", hops(p))).isEqualTo("a:9.0 b:9.0|a:9.1 b:9.1|a:9.2.0 b:9.2.0");
  }

  @Test
  void perClusterTargetsThatBreakALinkSuggestAnIntermediateVersion() {
    Topology t = new Topology(List.of(c("l", "8.18.2"), c("r", "8.18.2")),
        List.of(search("l", "r")));
    // 9.1 cannot search 8.18; stopping the local at 9.0 (released with 8.18) works
    UpgradePlan p = plan(t, UpgradeRequest.perCluster(Map.of("l", EsVersion.parse("9.1.0"))));
    assertThat(p.possible()).isFalse();
    assertThat(p.blocking().get(0).reason()).contains("fails once both reach their targets");
    WayOut out = p.waysOut().stream()
        .filter(w -> w.kind() == WayOut.Kind.INTERMEDIATE_VERSION).findFirst().orElseThrow();
    assertThat(out.targets()).containsEntry("l", EsVersion.of(9, 0));
  }

  @Test
  void linksBrokenTodayBlockWithTheCompatReason() {
    Topology t = new Topology(List.of(c("f", "8.19.2"), c("l", "9.0.1")),
        List.of(follow("f", "l")));
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.0.5")));
    assertThat(p.possible()).isFalse();
    BlockingLink b = p.blocking().get(0);
    assertThat(b.reason()).startsWith("fails before any upgrade");
    assertThat(b.check().rule()).isEqualTo(CompatibilityRule.FOLLOWER_OLDER_THAN_LEADER);
  }

  @Test
  void eightClustersSearchingEachOtherStepThroughEveryMinorTogether() {
    List<Cluster> clusters = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clusters.add(c("m" + i, "8.10.2"));
      for (int j = 0; j < i; j++) {
        links.add(search("m" + i, "m" + j));
        links.add(search("m" + j, "m" + i));
      }
    }
    UpgradePlan p = plan(new Topology(clusters, links), UpgradeRequest.to(EsVersion.parse("8.19.0")));
    // each cluster may be only one minor ahead of any other: nine waves of all eight
    assertThat(p.minimal()).isTrue();
    assertThat(p.waves()).hasSize(9).allSatisfy(w -> assertThat(w.upgrades()).hasSize(8));
  }

  @Test
  void waveLimitIsRespected() {
    Topology t = new Topology(
        List.of(c("a", "9.0.1"), c("b", "9.0.1"), c("c", "9.0.1")), List.of());
    UpgradePlan p = plan(t, UpgradeRequest.to(EsVersion.parse("9.2.0")).withMaxPerWave(2));
    assertThat(p.waves()).hasSize(2);
    assertThat(p.lowerBound()).isEqualTo(2);
  }

  @Test
  void invalidRequestsNameTheValueAndTheRule() {
    Topology t = new Topology(List.of(c("a", "9.0.1")), List.of());
    UpgradeResult r = UpgradePlanner.create().plan(t,
        UpgradeRequest.to(EsVersion.parse("9.2.0")).withTarget("zz", EsVersion.parse("9.2.0")));
    assertThat(((UpgradeResult.Invalid) r).errors().get(0))
        .contains("cluster [zz] is not in the topology");
    r = UpgradePlanner.create().plan(t, UpgradeRequest.perCluster(
        Map.of("a", EsVersion.parse("8.19.0"))));
    assertThat(((UpgradeResult.Invalid) r).errors().get(0)).contains("cannot be downgraded");
    r = UpgradePlanner.create().plan(t, UpgradeRequest.to(EsVersion.parse("10.0.0")));
    assertThat(((UpgradeResult.Invalid) r).errors().get(0)).contains("no upgrade path");
    // a target equal to the version (9.0.1 written as 9.0.1) is no upgrade, not a downgrade
    UpgradePlan same = plan(t, UpgradeRequest.perCluster(Map.of("a", EsVersion.parse("9.0.1"))));
    assertThat(same.possible()).isTrue();
    assertThat(same.waves()).isEmpty();
    // a fleet target older than a cluster leaves that cluster as it is, and says so
    UpgradePlan older = plan(t, UpgradeRequest.to(EsVersion.parse("8.19.0")));
    assertThat(older.waves()).isEmpty();
    assertThat(older.notes()).anyMatch(n -> n.contains("[a]") && n.contains("stays as it is"));
  }

  @Test
  void largeHubAndSpokeFleetsUseTheHeuristicAndStateTheBound() {
    List<Cluster> clusters = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    clusters.add(c("hub", "8.18.2"));
    String[] spokes = {"8.17.0", "8.18.2", "9.0.4"};
    for (int i = 0; i < 12; i++) {
      clusters.add(c("s" + i, spokes[i % 3]));
      links.add(search("hub", "s" + i));
    }
    UpgradePlan p = plan(new Topology(clusters, links), UpgradeRequest.to(EsVersion.parse("9.2.0")));
    assertThat(p.possible()).isTrue();
    assertThat(p.waves().size()).isGreaterThanOrEqualTo(p.lowerBound());
    UpgradePlannerPropertiesTest.verify(new Fleets.Fleet(new Topology(clusters, links),
        links.stream().map(l -> new Fleets.TestLink(l.local(), l.remote(), l.alias(), true, false))
            .toList(), UpgradeRequest.to(EsVersion.parse("9.2.0"))), p);
  }
}
