package io.github.remoteclusters.elasticsearch;

import java.util.Locale;
import java.util.Objects;

/**
 * What an apply run did to one alias of one local cluster, and the alias's state afterwards.
 *
 * @param cluster the local cluster
 * @param alias the alias
 * @param change what was done
 * @param status the state after the run (verified when verification is on), or null when not
 *     known (dry run, verification off, failure)
 * @since 0.1.0
 */
public record LinkResult(String cluster, String alias, LinkResult.Change change, LinkStatus status) {

  /** Checks the required components. */
  public LinkResult {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(change, "change");
  }

  /**
   * What was done to an alias.
   *
   * @since 0.1.0
   */
  public enum Change {
    /** The alias was created. */
    ADDED,
    /** Some of its keys were changed (a mode switch, a new seed, an option). */
    UPDATED,
    /** Every key of the alias was removed. */
    REMOVED,
    /** It already matched the plan. */
    UNCHANGED,
    /** It was owned but already gone from the cluster: only the ownership record was dropped. */
    FORGOTTEN,
    /** The plan wanted it removed, but this tool does not own it: left alone. */
    NOT_OWNED,
    /** The plan wanted it, but someone else configured that alias: left alone. */
    CONFLICT;

    /** {@return the lower-case name used in JSON output} */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
