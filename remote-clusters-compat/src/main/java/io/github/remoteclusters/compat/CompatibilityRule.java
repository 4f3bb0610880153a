package io.github.remoteclusters.compat;

/**
 * The rule a verdict rests on. Each constant names one documented rule (or the reason no rule
 * applies); {@link CompatibilityVerdict#reason()} spells it out for the versions at hand.
 *
 * @since 0.1.0
 */
public enum CompatibilityRule {
  /** A cluster can search clusters on its own minor. */
  SAME_MINOR(true, "a cluster can search clusters on its own minor"),
  /** From 8.0, a cluster can search newer minors of its own major. */
  NEWER_MINOR(true, "from 8.0 a cluster can search newer minors of its own major"),
  /** From 8.0, a cluster can search its previous minor. */
  PREVIOUS_MINOR(true, "from 8.0 a cluster can search its previous minor"),
  /** The last minor of a major can search every minor of the next major. */
  LAST_MINOR_TO_NEXT_MAJOR(true, "the last minor of a major can search the next major"),
  /** A minor that shipped together with the next major's .0 and is its previous minor. */
  RELEASED_TOGETHER(true, "a minor released together with the next major's .0 pairs with it"),
  /** The remote is older than the local cluster's previous minor. */
  REMOTE_TOO_OLD(false, "a cluster cannot search minors older than its previous minor"),
  /** Only the last minor of a major can search the next major. */
  NOT_LAST_MINOR(false, "only the last minor of a major can search the next major"),
  /** The versions are two or more majors apart. */
  MAJORS_APART(false, "clusters two or more majors apart cannot connect"),
  /** Before 8.0, cross-cluster search followed transport compatibility: allowed. */
  BEFORE_8_COMPATIBLE(true, "before 8.0, 6.8 and every 7.x could search each other"),
  /** Before 8.0, cross-cluster search followed transport compatibility: not allowed. */
  BEFORE_8_INCOMPATIBLE(false, "before 8.0 only the same major, or 6.8 and 7.x, could search"),
  /** Nodes of the same major can complete a transport handshake. */
  WIRE_SAME_MAJOR(true, "nodes of the same major can communicate"),
  /** The last minor of a major can talk to every minor of the next major. */
  WIRE_LAST_MINOR(true, "the last minor of a major can communicate with the next major"),
  /** A minor released together with the next major's .0 can talk to that .0 only. */
  WIRE_RELEASED_TOGETHER(true, "a minor released with the next major's .0 talks to that .0"),
  /** No transport handshake is possible. */
  WIRE_INCOMPATIBLE(false, "only the last minor of a major can communicate with the next"),
  /** Cross-cluster replication needs a follower on the same or a newer version. */
  FOLLOWER_OLDER_THAN_LEADER(false, "the follower must run the same or a newer version"),
  /** The documented CCR matrix allows the pair. */
  CCR_TABLE_ALLOWS(true, "the CCR compatibility matrix allows the pair"),
  /** The documented CCR matrix does not allow the pair. */
  CCR_TABLE_FORBIDS(false, "the CCR compatibility matrix does not allow the pair"),
  /** Beyond the CCR matrix, replication follows transport compatibility: allowed. */
  CCR_BEYOND_TABLE_COMPATIBLE(true, "beyond the CCR matrix, replication follows wire rules"),
  /** Beyond the CCR matrix, replication follows transport compatibility: not allowed. */
  CCR_BEYOND_TABLE_INCOMPATIBLE(false, "beyond the CCR matrix, replication follows wire rules"),
  /** ES|QL cross-cluster queries need 8.13 or later on both clusters. */
  ESQL_NOT_AVAILABLE(false, "ES|QL cross-cluster queries start in 8.13"),
  /** From 8.16, ES|QL needs the remote on 8.16 or later too. */
  ESQL_REMOTE_BEFORE_8_16(false, "a local cluster on 8.16+ needs remotes on 8.16+ for ES|QL"),
  /** ES|QL cross-cluster queries are supported for the pair. */
  ESQL_SUPPORTED(true, "ES|QL follows cross-cluster search for the pair"),
  /** EQL needs equal versions when either side is on 7.17.7 or older, or 8.5.1 or older. */
  EQL_NEEDS_SAME_VERSION(false, "EQL needs equal versions up to 7.17.7 and 8.5.1"),
  /** EQL cross-cluster search is supported for the pair. */
  EQL_SUPPORTED(true, "EQL follows cross-cluster search for the pair"),
  /** The version was never released, such as 8.20. */
  NEVER_RELEASED(false, "the version was never released"),
  /** The version is older than any rule covers. */
  NOT_COVERED(false, "the version is older than the documented rules cover"),
  /** The rule needs the last minor of a major that is still receiving minors. */
  LAST_MINOR_NOT_KNOWN(false, "the last minor of the major is not known yet"),
  /** The rule needs the previous minor of a .0 release that is not known yet. */
  PREVIOUS_MINOR_NOT_KNOWN(false, "the previous minor of the .0 release is not known yet");

  private final boolean allows;
  private final String summary;

  CompatibilityRule(boolean allows, String summary) {
    this.allows = allows;
    this.summary = summary;
  }

  /**
   * Whether the rule allows the pair. Rules that leave the question open return false.
   *
   * @return true for rules that allow
   */
  public boolean allows() {
    return allows;
  }

  /**
   * Whether the rule leaves the question open ({@link Basis#UNKNOWN}).
   *
   * @return true for rules that cannot decide
   */
  public boolean undecided() {
    return this == NEVER_RELEASED
        || this == NOT_COVERED
        || this == LAST_MINOR_NOT_KNOWN
        || this == PREVIOUS_MINOR_NOT_KNOWN;
  }

  /**
   * The rule in one line.
   *
   * @return a short description
   */
  public String summary() {
    return summary;
  }
}
