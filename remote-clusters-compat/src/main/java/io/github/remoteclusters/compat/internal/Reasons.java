package io.github.remoteclusters.compat.internal;

import io.github.remoteclusters.compat.CompatibilityRule;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;

/** Turns a rule and the versions at hand into a sentence a person can act on. */
public final class Reasons {

  private Reasons() {}

  /**
   * Explains a verdict.
   *
   * @param rule the rule
   * @param use the use
   * @param local the local version (follower for replication)
   * @param remote the remote version (leader for replication)
   * @return the reason
   */
  public static String explain(CompatibilityRule rule, Use use, EsVersion local, EsVersion remote) {
    EsVersion l = local.minorVersion();
    EsVersion r = remote.minorVersion();
    String verb = use == Use.REPLICATION ? " follow " : " search ";
    String head = local + (rule.allows() ? " can" : " cannot") + verb + remote;
    switch (rule) {
      case SAME_MINOR:
        return head + ": a cluster can always search clusters on its own minor (" + l + ").";
      case NEWER_MINOR:
        return head + ": from 8.0 a cluster can search newer minors of its own major.";
      case PREVIOUS_MINOR:
        return head + ": " + r + " is " + l + "'s previous minor" + firstReleaseNote(l) + ".";
      case LAST_MINOR_TO_NEXT_MAJOR:
        return head
            + ": "
            + l
            + " is the last minor of "
            + l.major()
            + ".x, and the last minor of a major can search every minor of the next major.";
      case RELEASED_TOGETHER:
        return head
            + ": "
            + l
            + " shipped together with "
            + r
            + ", which counts "
            + l
            + " as its previous minor, so the pair is supported in both directions.";
      case REMOTE_TOO_OLD:
        return head
            + ": from 8.0 a cluster can search only its previous minor ("
            + previousMinorText(l)
            + "), its own minor and newer minors of its major"
            + firstReleaseNote(l)
            + ". Upgrade the remote cluster to "
            + oldestSearchableAtOrAfter(l, r)
            + " or later, or search it from a cluster on its own major.";
      case NOT_LAST_MINOR:
        return head
            + ": only the last minor of "
            + l.major()
            + ".x"
            + lastMinorText(l.major())
            + " can search "
            + r.major()
            + ".x"
            + togetherNote(r)
            + ". Upgrade the local cluster"
            + (Releases.lastMinor(l.major()) >= 0
                ? " to " + l.major() + "." + Releases.lastMinor(l.major())
                : "")
            + " or to "
            + r.major()
            + ".0 or later.";
      case MAJORS_APART:
        return head
            + ": "
            + l.major()
            + ".x and "
            + r.major()
            + ".x are two or more majors apart, so their nodes cannot even complete a transport"
            + " handshake. Upgrade the older cluster first.";
      case BEFORE_8_COMPATIBLE:
        return head
            + ": before 8.0 cross-cluster search followed transport compatibility, so clusters on"
            + " the same major, and 6.8 with every 7.x, could search each other.";
      case BEFORE_8_INCOMPATIBLE:
        return head
            + ": before 8.0 cross-cluster search needed the same major, or 6.8 with a 7.x"
            + " cluster. Upgrade the 6.x cluster to 6.8.";
      case FOLLOWER_OLDER_THAN_LEADER:
        return head
            + ": the cluster holding follower indices must run the same or a newer version than"
            + " the leader. Upgrade the follower to "
            + remote
            + " or later.";
      case CCR_TABLE_ALLOWS:
      case CCR_TABLE_FORBIDS:
        return head + ": " + ccrTableText(local, remote, rule.allows()) + wireCaveat(local, remote, rule);
      case CCR_BEYOND_TABLE_COMPATIBLE:
      case CCR_BEYOND_TABLE_INCOMPATIBLE:
        return head
            + ": the CCR compatibility matrix ends at 9.0; beyond it replication follows transport"
            + " compatibility, as every cell of the matrix does, and "
            + explainWireBody(Rules.wire(local, remote).rule(), local, remote)
            + ".";
      case ESQL_NOT_AVAILABLE:
        return local
            + " cannot run ES|QL queries against "
            + remote
            + ": ES|QL cross-cluster queries start in 8.13 (technical preview; GA in 9.1) and"
            + " both clusters need it.";
      case ESQL_REMOTE_BEFORE_8_16:
        return local
            + " cannot run ES|QL queries against "
            + remote
            + ": for ES|QL cross-cluster queries on 8.16 or later, remote clusters must also be on"
            + " 8.16 or later. Upgrade the remote cluster to 8.16 or later.";
      case ESQL_SUPPORTED:
        return local
            + " can run ES|QL queries against "
            + remote
            + ": both are on 8.13 or later (technical preview before 9.1), the 8.16 coupling holds,"
            + " and cross-cluster search supports the pair.";
      case EQL_NEEDS_SAME_VERSION:
        return local
            + " cannot run EQL searches against "
            + remote
            + ": for the EQL search API, clusters on 7.17.7 or older, or on 8.5.1 or older, must"
            + " run the same version.";
      case EQL_SUPPORTED:
        return local + " can run EQL searches against " + remote + ": cross-cluster search supports"
            + " the pair and neither side needs an equal version.";
      default:
        return undecided(rule, use, local, remote);
    }
  }

  private static String undecided(CompatibilityRule rule, Use use, EsVersion a, EsVersion b) {
    String head = "cannot tell whether " + a + " can " + use.id() + " " + b;
    switch (rule) {
      case NEVER_RELEASED:
        EsVersion bad = Releases.mayExist(a) ? b : a;
        return head
            + ": "
            + bad.minorVersion()
            + " was never released; "
            + bad.major()
            + ".x ended with "
            + bad.major()
            + "."
            + Releases.lastMinor(bad.major())
            + ".";
      case NOT_COVERED:
        return head
            + ": versions before "
            + (use == Use.SEARCH || use == Use.ESQL || use == Use.EQL ? "6.0" : "5.0")
            + " are not covered by the documented rules.";
      case LAST_MINOR_NOT_KNOWN:
        EsVersion older = a.major() < b.major() ? a : b;
        return head
            + ": only the last minor of "
            + older.major()
            + ".x can reach the next major, and it is not known yet whether "
            + older.minorVersion()
            + " will be the last.";
      case PREVIOUS_MINOR_NOT_KNOWN:
        EsVersion first = a.major() > b.major() ? a : b;
        return head
            + ": "
            + first.minorVersion()
            + "'s previous minor is the last "
            + (first.major() - 1)
            + ".x released before it, which is not known yet.";
      default:
        return head + ": " + rule.summary() + ".";
    }
  }

  /**
   * Explains a wire verdict.
   *
   * @param rule the rule
   * @param a one version
   * @param b the other
   * @return the reason
   */
  public static String explainWire(CompatibilityRule rule, EsVersion a, EsVersion b) {
    if (rule.undecided()) {
      return undecided(rule, Use.SEARCH, a, b).replace(" can search ", " can connect to ");
    }
    return a
        + " and "
        + b
        + (rule.allows() ? " can" : " cannot")
        + " complete a transport handshake: "
        + explainWireBody(rule, a, b)
        + ".";
  }

  private static String explainWireBody(CompatibilityRule rule, EsVersion a, EsVersion b) {
    EsVersion older = (a.major() <= b.major() ? a : b).minorVersion();
    EsVersion newer = (older.sameMinor(a) ? b : a).minorVersion();
    switch (rule) {
      case WIRE_SAME_MAJOR:
        return "nodes on the same major can always communicate";
      case WIRE_LAST_MINOR:
        return older + " is the last minor of " + older.major() + ".x, which can communicate with"
            + " every " + newer.major() + ".x";
      case WIRE_RELEASED_TOGETHER:
        return older + " shipped together with " + newer + " and can communicate with "
            + newer + " only";
      case WIRE_INCOMPATIBLE:
        return "only the last minor of "
            + older.major()
            + ".x"
            + lastMinorText(older.major())
            + " can communicate with "
            + newer.major()
            + ".x"
            + togetherNote(newer);
      case MAJORS_APART:
        return "nodes two or more majors apart cannot communicate";
      default:
        return rule.summary();
    }
  }

  private static String ccrTableText(EsVersion follower, EsVersion leader, boolean allows) {
    DocumentedTables t = DocumentedTables.get();
    return "the CCR compatibility matrix "
        + (allows ? "allows" : "does not allow")
        + " a "
        + t.ccrGroupLabel(t.ccrGroup(leader))
        + " leader with a "
        + t.ccrGroupLabel(t.ccrGroup(follower))
        + " follower"
        + (allows ? "." : ". Upgrade the clusters so that the matrix allows the pair.");
  }

  private static String wireCaveat(EsVersion a, EsVersion b, CompatibilityRule rule) {
    if (!rule.allows() || Rules.wire(a, b).compatible()) {
      return "";
    }
    return " Note that the matrix groups 8.0–9.0 in one column, yet the transport rules say the"
        + " nodes cannot connect: "
        + explainWireBody(Rules.wire(a, b).rule(), a, b)
        + ".";
  }

  private static String firstReleaseNote(EsVersion l) {
    if (l.minor() != 0 || Releases.previousMinorOfFirstRelease(l.major()) == null) {
      return "";
    }
    EsVersion prev = Releases.previousMinorOfFirstRelease(l.major());
    int last = Releases.lastMinor(prev.major());
    if (last == prev.minor()) {
      return " (the last " + prev.major() + ".x)";
    }
    return " ("
        + l
        + "'s previous minor is "
        + prev
        + " because "
        + prev.major()
        + "."
        + (prev.minor() + 1)
        + " shipped after "
        + l
        + ")";
  }

  private static String previousMinorText(EsVersion l) {
    EsVersion prev = Releases.previousMinor(l);
    return prev != null ? prev.toString() : "the last " + (l.major() - 1) + ".x before " + l;
  }

  private static String lastMinorText(int major) {
    int last = Releases.lastMinor(major);
    return last >= 0 ? " (" + major + "." + last + ")" : "";
  }

  private static String togetherNote(EsVersion r) {
    EsVersion prev = r.minor() == 0 ? Releases.previousMinorOfFirstRelease(r.major()) : null;
    if (prev == null || Releases.lastMinor(prev.major()) == prev.minor()) {
      return "";
    }
    return ", and " + prev + ", which shipped together with " + r + ", pairs with " + r + " only";
  }

  /** The oldest remote minor at or after {@code r} that {@code l} can search. */
  private static String oldestSearchableAtOrAfter(EsVersion l, EsVersion r) {
    if (l.major() == r.major()) {
      return l.major() + "." + Math.max(0, l.minor() - 1);
    }
    EsVersion prev = l.minor() == 0 ? Releases.previousMinorOfFirstRelease(l.major()) : null;
    if (prev != null && r.compareMinor(prev) <= 0) {
      return prev.toString();
    }
    return l.major() + "." + Math.max(0, l.minor() - 1);
  }
}
