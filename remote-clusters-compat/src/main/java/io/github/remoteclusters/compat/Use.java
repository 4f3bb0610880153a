package io.github.remoteclusters.compat;

import java.util.Locale;

/**
 * What the local cluster wants to do with the remote cluster.
 *
 * @since 0.1.0
 */
public enum Use {
  /** Cross-cluster search: the local cluster searches the remote. */
  SEARCH,
  /** Cross-cluster replication: the local cluster follows indices of the remote (the leader). */
  REPLICATION,
  /** ES|QL cross-cluster queries, which add version rules to those of search. */
  ESQL,
  /** EQL cross-cluster search, which needs equal versions on old releases. */
  EQL;

  /**
   * The lower-case name used in JSON and on the command line.
   *
   * @return for example {@code search}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a use from its {@link #id()}, ignoring case.
   *
   * @param text the text, such as {@code search} or {@code replication}
   * @return the use
   * @throws IllegalArgumentException naming the text and the accepted values
   */
  public static Use parse(String text) {
    for (Use use : values()) {
      if (use.id().equalsIgnoreCase(text)) {
        return use;
      }
    }
    throw new IllegalArgumentException(
        "use [" + text + "] is invalid: expected one of search, replication, esql, eql");
  }
}
