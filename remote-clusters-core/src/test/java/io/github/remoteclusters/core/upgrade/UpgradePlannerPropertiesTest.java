package io.github.remoteclusters.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Cluster;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests on seeded random fleets: every wave of every plan is safe whichever subset of it
 * has finished (checked here with the compat module, independently of the planner), and the number
 * of waves is the brute-force oracle's minimum. A failure names its seed.
 */
class UpgradePlannerPropertiesTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 150).boxed();
  }

  static Stream<Long> oracleSeeds() {
    return LongStream.range(1000, 1080).boxed();
  }

  static Stream<Long> wideSeeds() {
    return LongStream.range(9000, 9040).boxed();
  }

  /** Fleets of up to 8 clusters from 7.x to 9.x: long ladders; the plans stay safe. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("wideSeeds")
  void wideVersionRangesStaySafe(long seed) {
    Fleets.Fleet fleet = Fleets.random(seed, 5, 8, true, Fleets.WIDE_CURRENT);
    withSeed(seed, fleet, () -> {
      UpgradePlan plan = plan(fleet);
      if (plan.possible()) {
        verify(fleet, plan);
      }
    });
  }

  static Stream<Long> largeSeeds() {
    return LongStream.range(5000, 5030).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyWaveIsSafeWhicheverSubsetHasFinished(long seed) {
    Fleets.Fleet fleet = Fleets.random(seed, 2, 8, true);
    withSeed(seed, fleet, () -> {
      UpgradePlan plan = plan(fleet);
      if (plan.possible()) {
        verify(fleet, plan);
        assertThat(plan.minimal()).isTrue();
      } else {
        assertThat(plan.waves()).isEmpty();
        assertThat(plan.blocking().isEmpty() && plan.notes().isEmpty()).isFalse();
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("oracleSeeds")
  void fewestWavesAsTheBruteForceOracleFinds(long seed) {
    Fleets.Fleet fleet = Fleets.random(seed, 2, 4, false);
    withSeed(seed, fleet, () -> {
      UpgradePlan plan = plan(fleet);
      int oracle = Oracle.minimumWaves(fleet);
      assertThat(plan.possible()).as("possible").isEqualTo(oracle >= 0);
      if (oracle >= 0) {
        assertThat(plan.waves()).hasSize(oracle);
        verify(fleet, plan);
      }
    });
  }

  static Stream<Long> oracleSeeds5() {
    return LongStream.range(2000, 2025).boxed();
  }

  static Stream<Long> oracleSeeds6() {
    return LongStream.range(3000, 3006).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("oracleSeeds6")
  void fewestWavesAsTheOracleFindsForSixClusters(long seed) {
    fewestWavesAsTheOracleFinds(seed, 6);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("oracleSeeds5")
  void fewestWavesAsTheOracleFindsForFiveClusters(long seed) {
    fewestWavesAsTheOracleFinds(seed, 5);
  }

  private static void fewestWavesAsTheOracleFinds(long seed, int clusters) {
    Fleets.Fleet fleet = Fleets.random(seed, clusters, clusters, false);
    withSeed(seed, fleet, () -> {
      UpgradePlan plan = plan(fleet);
      int oracle = Oracle.minimumWaves(fleet);
      assertThat(plan.possible()).as("possible").isEqualTo(oracle >= 0);
      if (oracle >= 0) {
        assertThat(plan.waves()).hasSize(oracle);
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("largeSeeds")
  void heuristicPlansForLargeFleetsAreSafeAndNotBelowTheBound(long seed) {
    Fleets.Fleet fleet = Fleets.random(seed, 9, 16, true);
    withSeed(seed, fleet, () -> {
      UpgradePlan plan = plan(fleet);
      if (plan.possible()) {
        verify(fleet, plan);
        assertThat(plan.waves().size()).isGreaterThanOrEqualTo(plan.lowerBound());
      }
    });
  }

  /** The generators are worth their seeds: they make impossible fleets and long plans too. */
  @org.junit.jupiter.api.Test
  void generatorsCoverImpossibleFleetsLongPlansAndPauses() {
    int impossible = 0;
    int long3 = 0;
    int pauses = 0;
    int large = 0;
    for (long seed : seeds().toList()) {
      UpgradePlan plan = plan(Fleets.random(seed, 2, 8, true));
      impossible += plan.possible() ? 0 : 1;
      long3 += plan.waves().size() >= 3 ? 1 : 0;
      pauses += plan.waves().stream().flatMap(w -> w.steps().stream())
          .anyMatch(s -> s instanceof UpgradeStep.PauseFollowing) ? 1 : 0;
    }
    for (long seed : largeSeeds().toList()) {
      large += plan(Fleets.random(seed, 9, 16, true)).possible() ? 1 : 0;
    }
    System.out.printf("impossible %d, 3+ waves %d, with pauses %d, large possible %d%n",
        impossible, long3, pauses, large);
    assertThat(impossible).isBetween(10, 100);
    assertThat(long3).isGreaterThan(10);
    assertThat(pauses).isGreaterThan(3);
    assertThat(large).isGreaterThan(5);
  }

  private static UpgradePlan plan(Fleets.Fleet fleet) {
    UpgradeResult r = UpgradePlanner.create().plan(fleet.topology(), fleet.request());
    assertThat(r).isInstanceOf(UpgradeResult.Planned.class);
    return ((UpgradeResult.Planned) r).plan();
  }

  private static void withSeed(long seed, Fleets.Fleet fleet, Runnable test) {
    try {
      test.run();
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ", clusters " + fleet.topology().clusters()
          .stream().map(c -> c.name() + "@" + c.version()).toList() + ", links " + fleet.links()
          + ", request " + fleet.request() + ": " + e.getMessage(), e);
    }
  }

  /** Replays the plan: hops allowed, every subset of every wave safe, targets reached. */
  static void verify(Fleets.Fleet fleet, UpgradePlan plan) {
    Map<String, EsVersion> versions = new HashMap<>();
    for (Cluster c : fleet.topology().clusters()) {
      versions.put(c.name(), c.version());
    }
    Set<String> paused = new HashSet<>();
    assertThat(plan.waves().size()).isGreaterThanOrEqualTo(plan.lowerBound());
    for (Wave w : plan.waves()) {
      List<ClusterUpgrade> ups = w.upgrades();
      assertThat(ups).isNotEmpty();
      if (fleet.request().maxPerWave() > 0) {
        assertThat(ups.size()).isLessThanOrEqualTo(fleet.request().maxPerWave());
      }
      boolean upgrading = false;
      for (UpgradeStep s : w.steps()) {
        if (s instanceof UpgradeStep.UpgradeCluster) {
          upgrading = true;
        } else if (s instanceof UpgradeStep.PauseFollowing) {
          assertThat(upgrading).as("pause before the upgrades").isFalse();
          paused.add(s.target() + "/" + ((UpgradeStep.PauseFollowing) s).alias());
        }
      }
      for (ClusterUpgrade u : ups) {
        assertThat(u.from()).isEqualTo(versions.get(u.cluster()));
        assertThat(Oracle.hopAllowed(u.from(), u.to())).as(u.toString()).isTrue();
      }
      for (int mask = 0; mask < (1 << ups.size()); mask++) {
        Map<String, EsVersion> state = new HashMap<>(versions);
        for (int b = 0; b < ups.size(); b++) {
          if ((mask & (1 << b)) != 0) {
            state.put(ups.get(b).cluster(), ups.get(b).to());
          }
        }
        checkLinks(fleet, state, paused, "wave " + w.number() + " subset " + mask);
      }
      for (ClusterUpgrade u : ups) {
        versions.put(u.cluster(), u.to());
      }
      for (UpgradeStep s : w.steps()) {
        if (s instanceof UpgradeStep.ResumeFollowing) {
          paused.remove(s.target() + "/" + ((UpgradeStep.ResumeFollowing) s).alias());
        }
      }
      checkLinks(fleet, versions, paused, "after wave " + w.number());
    }
    assertThat(paused).as("paused at the end").isEmpty();
    for (Cluster c : fleet.topology().clusters()) {
      EsVersion target = fleet.request().targetOf(c.name()).orElse(c.version());
      EsVersion expected = target.compareTo(c.version()) < 0 ? c.version() : target;
      assertThat(versions.get(c.name())).as(c.name()).isEqualTo(expected);
    }
  }

  private static void checkLinks(
      Fleets.Fleet fleet, Map<String, EsVersion> state, Set<String> paused, String where) {
    for (Fleets.TestLink t : fleet.links()) {
      EsVersion lv = state.get(t.local());
      EsVersion rv = state.get(t.remote());
      Fleets.TestLink searchOnly =
          new Fleets.TestLink(t.local(), t.remote(), t.alias(), t.search(), false);
      boolean isPaused = paused.contains(t.local() + "/" + t.alias());
      if (isPaused) {
        assertThat(Fleets.bidirectional(t, fleet.links())).as("only bi-directional links pause")
            .isTrue();
      }
      Basis allow = fleet.request().allow();
      boolean ok = isPaused
          ? Fleets.alive(searchOnly, lv, rv, allow)
          : Fleets.alive(t, lv, rv, allow);
      assertThat(ok).as(where + ": " + t + " with " + lv + " -> " + rv).isTrue();
    }
  }
}
