package io.github.remoteclusters.compat;

import java.util.Objects;

/**
 * Which remote-cluster features a version has, and version-dependent defaults.
 *
 * <pre>{@code
 * FeatureGates.status(Feature.API_KEY_SECURITY, EsVersion.parse("8.12.2")).stage(); // PREVIEW (beta)
 * FeatureGates.skipUnavailableDefault(EsVersion.parse("8.15.0"));                  // true
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FeatureGates {

  private FeatureGates() {}

  /**
   * A feature's stage on one version.
   *
   * @param feature the feature
   * @param version the version
   * @return the stage with its reason
   */
  public static FeatureAvailability status(Feature feature, EsVersion version) {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(version, "version");
    String name = feature.title();
    if (feature.removed().isPresent() && version.compareMinor(feature.removed().get()) >= 0) {
      return new FeatureAvailability(
          feature,
          version,
          FeatureStage.REMOVED,
          name + " is not available on " + version + ": removed in " + feature.removed().get());
    }
    if (version.compareMinor(feature.introduced()) < 0) {
      return new FeatureAvailability(
          feature,
          version,
          FeatureStage.UNAVAILABLE,
          name + " needs " + feature.introduced() + " or later; " + version + " is older");
    }
    if (feature.deprecated().isPresent() && version.compareMinor(feature.deprecated().get()) >= 0) {
      return new FeatureAvailability(
          feature,
          version,
          FeatureStage.DEPRECATED,
          name + " is deprecated from " + feature.deprecated().get() + " and still works on " + version);
    }
    if (feature.generallyAvailable().isEmpty()
        || version.compareMinor(feature.generallyAvailable().get()) < 0) {
      return new FeatureAvailability(
          feature,
          version,
          FeatureStage.PREVIEW,
          name
              + " is beta or technical preview on "
              + version
              + feature.generallyAvailable().map(ga -> " (GA from " + ga + ")").orElse(""));
    }
    return new FeatureAvailability(
        feature,
        version,
        FeatureStage.GA,
        name + " is generally available on " + version + " (GA from "
            + feature.generallyAvailable().get() + ")");
  }

  /**
   * A feature's stage for a link between two clusters: features of remote clusters need both
   * sides, so the older version decides.
   *
   * @param feature the feature
   * @param local the local cluster's version
   * @param remote the remote cluster's version
   * @return the stage on the older of the two
   */
  public static FeatureAvailability status(Feature feature, EsVersion local, EsVersion remote) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    return status(feature, local.compareTo(remote) <= 0 ? local : remote);
  }

  /**
   * The default of {@code cluster.remote.<alias>.skip_unavailable}, which depends only on the
   * local (querying) cluster's version: false up to 8.14, true from 8.15.
   *
   * @param local the local cluster's version
   * @return the default
   */
  public static boolean skipUnavailableDefault(EsVersion local) {
    Objects.requireNonNull(local, "local");
    return local.isAtLeast(8, 15);
  }
}
