package io.github.remoteclusters.core;

import java.util.Optional;

/**
 * An Elasticsearch licence level, ordered from least to most.
 *
 * @since 0.1.0
 */
public enum License {
  /** The free basic licence. */
  BASIC,
  /** Gold. */
  GOLD,
  /** Platinum: needed for cross-cluster replication. */
  PLATINUM,
  /** Enterprise: needed by ECK's remote-cluster automation. */
  ENTERPRISE,
  /** A trial licence, which unlocks every feature. */
  TRIAL;

  /**
   * The lower-case name used in topology files.
   *
   * @return the name, such as {@code enterprise}
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether this licence includes every feature of the other.
   *
   * @param other the licence level needed
   * @return true when this level is at least {@code other} (a trial includes everything)
   */
  public boolean includes(License other) {
    java.util.Objects.requireNonNull(other, "other");
    return this == TRIAL || compareTo(other) >= 0;
  }

  /**
   * The licence with the given topology-file name.
   *
   * @param id the name, such as {@code platinum}
   * @return the licence, or empty when there is none by that name
   */
  public static Optional<License> fromId(String id) {
    java.util.Objects.requireNonNull(id, "id");
    for (License l : values()) {
      if (l.id().equals(id)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
