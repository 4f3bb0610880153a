package io.github.remoteclusters.compat;

import java.util.Objects;

/**
 * A feature's stage on a version, with the reason in words.
 *
 * @param feature the feature
 * @param version the version asked about (the older one when two clusters were given)
 * @param stage the stage of the feature on that version
 * @param reason a sentence naming the versions that decide the stage
 * @since 0.1.0
 */
public record FeatureAvailability(
    Feature feature, EsVersion version, FeatureStage stage, String reason) {

  /** Checks the components. */
  public FeatureAvailability {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Whether the feature can be used.
   *
   * @return true for preview, GA and deprecated
   */
  public boolean usable() {
    return stage.usable();
  }
}
