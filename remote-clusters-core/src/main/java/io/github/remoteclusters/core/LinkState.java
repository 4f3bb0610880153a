package io.github.remoteclusters.core;

/**
 * Whether a link should exist: the planner adds present links and removes absent ones.
 *
 * @since 0.1.0
 */
public enum LinkState {
  /** The link should exist. */
  PRESENT,
  /** The link should be removed (only aliases named in the topology are ever touched). */
  ABSENT;

  /**
   * The lower-case name used in topology files.
   *
   * @return {@code present} or {@code absent}
   */
  public String id() {
    return this == PRESENT ? "present" : "absent";
  }
}
