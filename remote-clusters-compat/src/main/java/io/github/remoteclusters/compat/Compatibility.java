package io.github.remoteclusters.compat;

import io.github.remoteclusters.compat.internal.Rules;
import java.util.Objects;

/**
 * The version rules for remote clusters: which versions can search, replicate from, run ES|QL or
 * EQL against, and connect to which.
 *
 * <p>Every answer is a verdict with a {@link Basis}: {@code DOCUMENTED} when the pair is a cell
 * of a table Elastic publishes (the cross-cluster search matrix for 7.17 to 9.3, the CCR matrix
 * for 5.0 to 9.0), {@code INFERRED} when a documented rule is applied beyond the table, and
 * {@code UNKNOWN} when nothing can be inferred, instead of a guess. Only major and minor matter
 * for search; replication also compares patch levels (the follower must be the same or newer).
 *
 * <pre>{@code
 * CompatibilityVerdict v = Compatibility.search(EsVersion.parse("9.0.2"), EsVersion.parse("8.19.5"));
 * v.supported();        // false
 * v.basis();            // DOCUMENTED
 * v.wire().compatible() // true: the nodes can connect, but the pair is not supported
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Compatibility {

  private Compatibility() {}

  /**
   * Whether a cluster on {@code local} can search a remote cluster on {@code remote}.
   *
   * @param local the local (querying) cluster's version
   * @param remote the remote cluster's version
   * @return the verdict
   */
  public static CompatibilityVerdict search(EsVersion local, EsVersion remote) {
    return Rules.search(req(local, "local"), req(remote, "remote"));
  }

  /**
   * Whether a cluster on {@code follower} can replicate indices from a leader on {@code leader}.
   *
   * @param follower the local cluster's version, holding the follower indices
   * @param leader the remote cluster's version, holding the leader indices
   * @return the verdict
   */
  public static CompatibilityVerdict replication(EsVersion follower, EsVersion leader) {
    return Rules.replication(req(follower, "follower"), req(leader, "leader"));
  }

  /**
   * Whether nodes of two versions can complete a transport handshake; symmetric.
   *
   * @param a one version
   * @param b the other version
   * @return the verdict
   */
  public static WireVerdict wire(EsVersion a, EsVersion b) {
    return Rules.wire(req(a, "a"), req(b, "b"));
  }

  /**
   * The verdict for any use.
   *
   * @param use what the local cluster wants to do
   * @param local the local cluster's version (the follower for replication)
   * @param remote the remote cluster's version (the leader for replication)
   * @return the verdict
   */
  public static CompatibilityVerdict check(Use use, EsVersion local, EsVersion remote) {
    Objects.requireNonNull(use, "use");
    req(local, "local");
    req(remote, "remote");
    switch (use) {
      case SEARCH:
        return Rules.search(local, remote);
      case REPLICATION:
        return Rules.replication(local, remote);
      case ESQL:
        return Rules.esql(local, remote);
      case EQL:
        return Rules.eql(local, remote);
      default:
        throw new IllegalStateException("unhandled use " + use);
    }
  }

  /**
   * Parses both versions and checks them; convenient for strings from configuration.
   *
   * @param use what the local cluster wants to do
   * @param local the local version text
   * @param remote the remote version text
   * @return the verdict
   * @throws InvalidVersionException when either text is not a version
   */
  public static CompatibilityVerdict check(Use use, String local, String remote) {
    return check(use, EsVersion.parse(local), EsVersion.parse(remote));
  }

  private static EsVersion req(EsVersion v, String name) {
    return Objects.requireNonNull(v, name);
  }
}
