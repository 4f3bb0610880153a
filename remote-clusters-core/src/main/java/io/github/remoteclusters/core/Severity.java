package io.github.remoteclusters.core;

/**
 * How serious a {@link Problem} is.
 *
 * @since 0.1.0
 */
public enum Severity {
  /** The input cannot work as written; nothing is planned for it. */
  ERROR,
  /** The input works but deserves attention (a deprecation, a beta feature, a risky default). */
  WARNING;

  /**
   * The lower-case name used in JSON output.
   *
   * @return {@code error} or {@code warning}
   */
  public String id() {
    return this == ERROR ? "error" : "warning";
  }
}
