package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.EsVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to upgrade to: one target for the whole fleet, targets per cluster, or both (a cluster's
 * own target wins), with how many clusters may upgrade at once and which verdicts to trust.
 *
 * <pre>{@code
 * UpgradeRequest request = UpgradeRequest.to(EsVersion.parse("9.2.0"))
 *     .withTarget("legacy", EsVersion.parse("8.19.6"))
 *     .withMaxPerWave(2);
 * }</pre>
 *
 * @param target the target of every cluster without its own, or null to leave those as they are
 * @param targets targets per cluster name
 * @param maxPerWave the most clusters in one wave; 0 for no limit
 * @param allow the weakest basis a verdict may have to count as supported: {@link
 *     Basis#DOCUMENTED} (the default) or {@link Basis#INFERRED}
 * @since 0.2.0
 */
public record UpgradeRequest(
    EsVersion target, Map<String, EsVersion> targets, int maxPerWave, Basis allow) {

  /** Checks and copies the components. */
  public UpgradeRequest {
    targets = Map.copyOf(Objects.requireNonNull(targets, "targets"));
    Objects.requireNonNull(allow, "allow");
    if (maxPerWave < 0) {
      throw new IllegalArgumentException(
          "maxPerWave [" + maxPerWave + "] is invalid: expected 0 (no limit) or more");
    }
    if (allow == Basis.UNKNOWN) {
      throw new IllegalArgumentException(
          "allow [unknown] is invalid: expected documented or inferred");
    }
  }

  /**
   * Every cluster to one version, no wave limit, documented verdicts only.
   *
   * @param target the version
   * @return the request
   */
  public static UpgradeRequest to(EsVersion target) {
    return new UpgradeRequest(Objects.requireNonNull(target, "target"), Map.of(), 0, Basis.DOCUMENTED);
  }

  /**
   * Only the named clusters, each to its own version.
   *
   * @param targets versions by cluster name
   * @return the request
   */
  public static UpgradeRequest perCluster(Map<String, EsVersion> targets) {
    return new UpgradeRequest(null, targets, 0, Basis.DOCUMENTED);
  }

  /**
   * This request with a target for one more cluster.
   *
   * @param cluster the cluster's name
   * @param version its target
   * @return the new request
   */
  public UpgradeRequest withTarget(String cluster, EsVersion version) {
    Map<String, EsVersion> copy = new LinkedHashMap<>(targets);
    copy.put(Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(version, "version"));
    return new UpgradeRequest(target, copy, maxPerWave, allow);
  }

  /**
   * This request with a wave limit.
   *
   * @param value the most clusters per wave, 0 for none
   * @return the new request
   */
  public UpgradeRequest withMaxPerWave(int value) {
    return new UpgradeRequest(target, targets, value, allow);
  }

  /**
   * This request with another weakest accepted basis.
   *
   * @param value documented or inferred
   * @return the new request
   */
  public UpgradeRequest withAllow(Basis value) {
    return new UpgradeRequest(target, targets, maxPerWave, value);
  }

  /**
   * The target of one cluster.
   *
   * @param cluster the cluster's name
   * @return its own target, else the fleet's target, else empty (it stays as it is)
   */
  public Optional<EsVersion> targetOf(String cluster) {
    EsVersion own = targets.get(cluster);
    return Optional.ofNullable(own != null ? own : target);
  }
}
