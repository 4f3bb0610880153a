package io.github.remoteclusters.core.upgrade;

import java.util.List;
import java.util.Objects;

/**
 * One wave of an upgrade plan: clusters that upgrade by one hop in parallel and may finish in any
 * order. Every link is supported whichever of them has finished.
 *
 * @param number the wave's number, from 1
 * @param upgrades the hops of the wave, one per cluster
 * @param steps everything to do, in order: steps before the upgrades, the upgrades, steps after
 * @param links the verdicts of every link touching an upgraded cluster, in every state the wave
 *     passes through (distinct by versions)
 * @since 0.2.0
 */
public record Wave(
    int number, List<ClusterUpgrade> upgrades, List<UpgradeStep> steps, List<LinkCheck> links) {

  /** Checks and copies the components. */
  public Wave {
    if (number < 1) {
      throw new IllegalArgumentException("wave number must be at least 1 but was " + number);
    }
    upgrades = List.copyOf(Objects.requireNonNull(upgrades, "upgrades"));
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    links = List.copyOf(Objects.requireNonNull(links, "links"));
  }
}
