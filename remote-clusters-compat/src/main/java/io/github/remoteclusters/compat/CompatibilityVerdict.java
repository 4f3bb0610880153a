package io.github.remoteclusters.compat;

import io.github.remoteclusters.compat.internal.Reasons;
import java.util.Objects;

/**
 * Whether a local cluster can use a remote cluster for one {@link Use}, on what basis, by which
 * rule, and whether the two can complete a transport handshake at all.
 *
 * <p>{@link #supported()} is false both when the pair is not supported and when nothing can be
 * decided; {@link #basis()} tells them apart ({@link Basis#UNKNOWN}).
 *
 * @param use what the local cluster wants to do
 * @param local the local cluster's version (the follower for replication)
 * @param remote the remote cluster's version (the leader for replication)
 * @param supported whether the pair is supported for the use
 * @param basis documented, inferred or unknown
 * @param rule the rule the verdict rests on
 * @param wire whether the two can complete a transport handshake
 * @since 0.1.0
 */
public record CompatibilityVerdict(
    Use use,
    EsVersion local,
    EsVersion remote,
    boolean supported,
    Basis basis,
    CompatibilityRule rule,
    WireVerdict wire) {

  /** Checks the components. */
  public CompatibilityVerdict {
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(wire, "wire");
  }

  /**
   * A sentence a person can act on: the verdict, the rule that decides it for these versions,
   * and what to change when it is negative.
   *
   * @return the reason
   */
  public String reason() {
    return Reasons.explain(rule, use, local, remote);
  }
}
