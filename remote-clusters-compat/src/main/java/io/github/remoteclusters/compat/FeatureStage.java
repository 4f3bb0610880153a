package io.github.remoteclusters.compat;

/**
 * Where a {@link Feature} stands on a given version.
 *
 * @since 0.1.0
 */
public enum FeatureStage {
  /** The version predates the feature. */
  UNAVAILABLE,
  /** The feature exists as beta or technical preview: usable, not for production. */
  PREVIEW,
  /** Generally available. */
  GA,
  /** Still works, but deprecated: plan a move away. */
  DEPRECATED,
  /** No longer there. */
  REMOVED;

  /**
   * Whether the feature can be used on the version (preview, GA or deprecated).
   *
   * @return true when usable
   */
  public boolean usable() {
    return this == PREVIEW || this == GA || this == DEPRECATED;
  }
}
