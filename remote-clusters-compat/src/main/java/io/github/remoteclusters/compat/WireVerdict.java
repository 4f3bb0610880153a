package io.github.remoteclusters.compat;

import io.github.remoteclusters.compat.internal.Reasons;
import java.util.Objects;

/**
 * Whether nodes of two versions can complete a transport handshake. Symmetric: it does not matter
 * which side is local. Being able to connect does not make a pair supported for cross-cluster
 * search: a 9.1 cluster can connect to an 8.19 cluster, but that pair is not supported.
 *
 * @param a one version
 * @param b the other version
 * @param compatible whether a handshake can succeed (false when undecided)
 * @param basis documented, inferred or unknown
 * @param rule the rule the verdict rests on
 * @since 0.1.0
 */
public record WireVerdict(
    EsVersion a, EsVersion b, boolean compatible, Basis basis, CompatibilityRule rule) {

  /** Checks the components. */
  public WireVerdict {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * A sentence naming the transport rule that decides the pair.
   *
   * @return the reason
   */
  public String reason() {
    return Reasons.explainWire(rule, a, b);
  }
}
