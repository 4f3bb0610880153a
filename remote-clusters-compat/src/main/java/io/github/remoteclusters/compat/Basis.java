package io.github.remoteclusters.compat;

/**
 * How sure a verdict is: whether it comes from a documented table, from a documented rule applied
 * beyond the table, or could not be decided.
 *
 * @since 0.1.0
 */
public enum Basis {
  /** The pair is a cell of a table Elastic publishes. */
  DOCUMENTED,
  /** A documented rule applied to versions the table does not list. */
  INFERRED,
  /** Nothing can be inferred yet (for example, a major whose last minor is not known). */
  UNKNOWN;

  /**
   * The lower-case name used in JSON and on the command line.
   *
   * @return {@code documented}, {@code inferred} or {@code unknown}
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
