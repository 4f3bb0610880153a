package io.github.remoteclusters.compat.internal;

import static io.github.remoteclusters.compat.CompatibilityRule.BEFORE_8_COMPATIBLE;
import static io.github.remoteclusters.compat.CompatibilityRule.BEFORE_8_INCOMPATIBLE;
import static io.github.remoteclusters.compat.CompatibilityRule.LAST_MINOR_NOT_KNOWN;
import static io.github.remoteclusters.compat.CompatibilityRule.LAST_MINOR_TO_NEXT_MAJOR;
import static io.github.remoteclusters.compat.CompatibilityRule.MAJORS_APART;
import static io.github.remoteclusters.compat.CompatibilityRule.NEVER_RELEASED;
import static io.github.remoteclusters.compat.CompatibilityRule.NEWER_MINOR;
import static io.github.remoteclusters.compat.CompatibilityRule.NOT_COVERED;
import static io.github.remoteclusters.compat.CompatibilityRule.NOT_LAST_MINOR;
import static io.github.remoteclusters.compat.CompatibilityRule.PREVIOUS_MINOR;
import static io.github.remoteclusters.compat.CompatibilityRule.PREVIOUS_MINOR_NOT_KNOWN;
import static io.github.remoteclusters.compat.CompatibilityRule.RELEASED_TOGETHER;
import static io.github.remoteclusters.compat.CompatibilityRule.REMOTE_TOO_OLD;
import static io.github.remoteclusters.compat.CompatibilityRule.SAME_MINOR;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.CompatibilityRule;
import io.github.remoteclusters.compat.CompatibilityVerdict;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import io.github.remoteclusters.compat.WireVerdict;

/** The version rules. Stateless; every method is cheap enough for hot paths. */
public final class Rules {

  private static final DocumentedTables TABLES = DocumentedTables.get();
  private static final EsVersion ESQL_FIRST = EsVersion.of(8, 13);
  private static final EsVersion ESQL_COUPLING = EsVersion.of(8, 16);
  private static final EsVersion EQL_LAST_7 = EsVersion.of(7, 17, 7);
  private static final EsVersion EQL_LAST_8 = EsVersion.of(8, 5, 1);

  private Rules() {}

  /**
   * Cross-cluster search from {@code local} to {@code remote}.
   *
   * @param local the local cluster's version
   * @param remote the remote cluster's version
   * @return the verdict
   */
  public static CompatibilityVerdict search(EsVersion local, EsVersion remote) {
    CompatibilityRule rule = searchRule(local, remote);
    int l = TABLES.searchIndex(local);
    int r = TABLES.searchIndex(remote);
    if (l < 0 || r < 0) {
      return verdict(Use.SEARCH, local, remote, rule, false);
    }
    // The shipped table decides; tests prove the rule agrees with every cell.
    return new CompatibilityVerdict(
        Use.SEARCH,
        local,
        remote,
        TABLES.search(l, r),
        Basis.DOCUMENTED,
        rule,
        wire(local, remote));
  }

  /**
   * The documented cell for a pair of the search matrix.
   *
   * @param local the local version
   * @param remote the remote version
   * @return the cell, or null when the table does not list the pair
   */
  public static Boolean documentedSearchCell(EsVersion local, EsVersion remote) {
    int l = TABLES.searchIndex(local);
    int r = TABLES.searchIndex(remote);
    return l < 0 || r < 0 ? null : TABLES.search(l, r);
  }

  private static CompatibilityRule searchRule(EsVersion l, EsVersion r) {
    CompatibilityRule undecided = existence(l, r, 6);
    if (undecided != null) {
      return undecided;
    }
    if (l.sameMinor(r)) {
      return SAME_MINOR;
    }
    if (l.major() < 8 && r.major() < 8) {
      boolean ok =
          l.major() == r.major()
              || (l.major() == 6 && l.minor() == 8 && r.major() == 7)
              || (r.major() == 6 && r.minor() == 8 && l.major() == 7);
      return ok ? BEFORE_8_COMPATIBLE : BEFORE_8_INCOMPATIBLE;
    }
    if (l.major() == r.major()) {
      if (r.minor() > l.minor()) {
        return NEWER_MINOR;
      }
      return r.minor() == l.minor() - 1 ? PREVIOUS_MINOR : REMOTE_TOO_OLD;
    }
    if (r.major() == l.major() + 1) {
      return towardsNextMajor(l, r, LAST_MINOR_TO_NEXT_MAJOR, RELEASED_TOGETHER, NOT_LAST_MINOR);
    }
    if (r.major() == l.major() - 1) {
      if (l.minor() > 0) {
        return REMOTE_TOO_OLD;
      }
      EsVersion prev = Releases.previousMinorOfFirstRelease(l.major());
      if (prev != null) {
        return prev.sameMinor(r) ? PREVIOUS_MINOR : REMOTE_TOO_OLD;
      }
      return r.minor() < Releases.newestKnownMinor(r.major())
          ? REMOTE_TOO_OLD
          : PREVIOUS_MINOR_NOT_KNOWN;
    }
    return MAJORS_APART;
  }

  /** The rule for a pair where {@code newer} is one major after {@code older}. */
  private static CompatibilityRule towardsNextMajor(
      EsVersion older,
      EsVersion newer,
      CompatibilityRule lastMinor,
      CompatibilityRule together,
      CompatibilityRule no) {
    int last = Releases.lastMinor(older.major());
    if (last == older.minor()) {
      return lastMinor;
    }
    if (Releases.releasedTogether(older, newer)) {
      return together;
    }
    if (last >= 0 || older.minor() < Releases.newestKnownMinor(older.major())) {
      return no;
    }
    return LAST_MINOR_NOT_KNOWN;
  }

  /** NEVER_RELEASED or NOT_COVERED when either version is outside all rules, else null. */
  private static CompatibilityRule existence(EsVersion a, EsVersion b, int oldestMajor) {
    if (!Releases.mayExist(a) || !Releases.mayExist(b)) {
      return NEVER_RELEASED;
    }
    if (a.major() < oldestMajor || b.major() < oldestMajor) {
      return NOT_COVERED;
    }
    return null;
  }

  /**
   * Whether nodes of two versions can complete a transport handshake.
   *
   * @param a one version
   * @param b the other
   * @return the verdict
   */
  public static WireVerdict wire(EsVersion a, EsVersion b) {
    CompatibilityRule rule = wireRule(a, b);
    Basis basis;
    if (rule.undecided()) {
      basis = Basis.UNKNOWN;
    } else {
      basis =
          a.major() <= Releases.OPEN_MAJOR && b.major() <= Releases.OPEN_MAJOR
              ? Basis.DOCUMENTED
              : Basis.INFERRED;
    }
    return new WireVerdict(a, b, rule.allows(), basis, rule);
  }

  private static CompatibilityRule wireRule(EsVersion a, EsVersion b) {
    CompatibilityRule undecided = existence(a, b, Releases.OLDEST_MAJOR);
    if (undecided != null) {
      return undecided;
    }
    if (a.major() == b.major()) {
      return CompatibilityRule.WIRE_SAME_MAJOR;
    }
    EsVersion older = a.major() < b.major() ? a : b;
    EsVersion newer = older == a ? b : a;
    if (newer.major() - older.major() > 1) {
      return MAJORS_APART;
    }
    return towardsNextMajor(
        older,
        newer,
        CompatibilityRule.WIRE_LAST_MINOR,
        CompatibilityRule.WIRE_RELEASED_TOGETHER,
        CompatibilityRule.WIRE_INCOMPATIBLE);
  }

  /**
   * Cross-cluster replication with {@code follower} following indices of {@code leader}.
   *
   * @param follower the local cluster's version
   * @param leader the remote cluster's version
   * @return the verdict
   */
  public static CompatibilityVerdict replication(EsVersion follower, EsVersion leader) {
    WireVerdict wire = wire(follower, leader);
    CompatibilityRule undecided = existence(follower, leader, Releases.OLDEST_MAJOR);
    if (undecided != null) {
      return new CompatibilityVerdict(
          Use.REPLICATION, follower, leader, false, Basis.UNKNOWN, undecided, wire);
    }
    if (follower.compareTo(leader) < 0) {
      return new CompatibilityVerdict(
          Use.REPLICATION,
          follower,
          leader,
          false,
          Basis.DOCUMENTED,
          CompatibilityRule.FOLLOWER_OLDER_THAN_LEADER,
          wire);
    }
    int f = TABLES.ccrGroup(follower);
    int l = TABLES.ccrGroup(leader);
    if (f >= 0 && l >= 0) {
      boolean ok = TABLES.ccr(l, f);
      return new CompatibilityVerdict(
          Use.REPLICATION,
          follower,
          leader,
          ok,
          Basis.DOCUMENTED,
          ok ? CompatibilityRule.CCR_TABLE_ALLOWS : CompatibilityRule.CCR_TABLE_FORBIDS,
          wire);
    }
    if (wire.basis() == Basis.UNKNOWN) {
      return new CompatibilityVerdict(
          Use.REPLICATION, follower, leader, false, Basis.UNKNOWN, wire.rule(), wire);
    }
    return new CompatibilityVerdict(
        Use.REPLICATION,
        follower,
        leader,
        wire.compatible(),
        Basis.INFERRED,
        wire.compatible()
            ? CompatibilityRule.CCR_BEYOND_TABLE_COMPATIBLE
            : CompatibilityRule.CCR_BEYOND_TABLE_INCOMPATIBLE,
        wire);
  }

  /**
   * ES|QL cross-cluster queries: search rules plus 8.13 as the first release and the 8.16
   * coupling.
   *
   * @param local the local version
   * @param remote the remote version
   * @return the verdict
   */
  public static CompatibilityVerdict esql(EsVersion local, EsVersion remote) {
    CompatibilityVerdict search = search(local, remote);
    if (!search.supported()) {
      return verdict(Use.ESQL, local, remote, search.rule(), search.basis() == Basis.DOCUMENTED);
    }
    if (local.compareMinor(ESQL_FIRST) < 0 || remote.compareMinor(ESQL_FIRST) < 0) {
      return verdict(Use.ESQL, local, remote, CompatibilityRule.ESQL_NOT_AVAILABLE, true);
    }
    if (local.compareMinor(ESQL_COUPLING) >= 0 && remote.compareMinor(ESQL_COUPLING) < 0) {
      return verdict(Use.ESQL, local, remote, CompatibilityRule.ESQL_REMOTE_BEFORE_8_16, true);
    }
    return verdict(
        Use.ESQL,
        local,
        remote,
        CompatibilityRule.ESQL_SUPPORTED,
        search.basis() == Basis.DOCUMENTED);
  }

  /**
   * EQL cross-cluster search: search rules plus equal versions when either side is on 7.17.7 or
   * older, or on 8.x up to 8.5.1.
   *
   * @param local the local version
   * @param remote the remote version
   * @return the verdict
   */
  public static CompatibilityVerdict eql(EsVersion local, EsVersion remote) {
    CompatibilityVerdict search = search(local, remote);
    boolean documented = search.basis() == Basis.DOCUMENTED;
    if (!search.supported()) {
      return verdict(Use.EQL, local, remote, search.rule(), documented);
    }
    if ((eqlNeedsSameVersion(local) || eqlNeedsSameVersion(remote))
        && local.compareTo(remote) != 0) {
      return verdict(Use.EQL, local, remote, CompatibilityRule.EQL_NEEDS_SAME_VERSION, true);
    }
    return verdict(Use.EQL, local, remote, CompatibilityRule.EQL_SUPPORTED, documented);
  }

  private static boolean eqlNeedsSameVersion(EsVersion v) {
    return v.major() < 7
        || (v.major() == 7 && v.compareTo(EQL_LAST_7) <= 0)
        || (v.major() == 8 && v.compareTo(EQL_LAST_8) <= 0);
  }

  private static CompatibilityVerdict verdict(
      Use use, EsVersion local, EsVersion remote, CompatibilityRule rule, boolean documented) {
    Basis basis;
    if (rule.undecided()) {
      basis = Basis.UNKNOWN;
    } else {
      basis = documented ? Basis.DOCUMENTED : Basis.INFERRED;
    }
    return new CompatibilityVerdict(
        use, local, remote, rule.allows(), basis, rule, wire(local, remote));
  }
}
