package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.Compatibility;
import io.github.remoteclusters.compat.CompatibilityRule;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.WireVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Elasticsearch's upgrade paths: which direct (rolling) upgrades are allowed, and the stepping
 * stones a longer upgrade needs.
 *
 * <p>The rules, from Elastic's upgrade docs: a cluster upgrades to any later minor or patch of its
 * major; a major upgrade starts from the last minor of the previous major (7.17 for 8.x, 8.19 for
 * 9.x), except that a {@code .0} release can also be reached from the minor released together
 * with it (8.18 for 9.0, 6.7 for 7.0); majors cannot be skipped; downgrades are not possible; and
 * upgrading from or to a pre-release is unsupported. These are the transport-compatibility rules
 * of the compat module ({@link Compatibility#wire}), which this class asks. Release dates are not
 * checked: a target must also be released after the current version (out-of-order releases).
 *
 * <pre>{@code
 * UpgradePaths.check(EsVersion.parse("8.18.2"), EsVersion.parse("9.1.0")); // not allowed: needs 8.19
 * UpgradePaths.path(EsVersion.parse("8.17.0"), EsVersion.parse("9.2.0"));  // [8.17.0, 8.19, 9.2.0]
 * }</pre>
 *
 * @since 0.2.0
 */
public final class UpgradePaths {

  /** Minors beyond this are not searched for in a major whose last minor is not known. */
  private static final int MAX_MINOR = 63;

  private UpgradePaths() {}

  /**
   * Whether one rolling upgrade from {@code from} to {@code to} is allowed.
   *
   * @param from the current version
   * @param to the version to upgrade to
   * @return the verdict with its reason
   */
  public static Hop check(EsVersion from, EsVersion to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isPreRelease()) {
      return no(from, to, "upgrading from a pre-release build such as " + from + " is unsupported");
    }
    if (to.isPreRelease()) {
      return no(from, to, "pre-releases such as " + to + " are for testing only, not upgrade targets");
    }
    if (!exists(to)) {
      return no(from, to, to.minorVersion() + " was never released");
    }
    if (to.compareTo(from) <= 0) {
      return no(from, to, to.compareTo(from) == 0
          ? "the cluster is already on " + from
          : to + " is older than " + from + ": a cluster cannot be downgraded");
    }
    if (to.major() == from.major()) {
      return new Hop(from, to, true,
          "a rolling upgrade goes to any later minor or patch of the same major");
    }
    if (to.major() > from.major() + 1) {
      return no(from, to, "majors cannot be skipped: upgrade to " + (from.major() + 1)
          + ".x first, through the last minor of " + from.major());
    }
    WireVerdict wire = Compatibility.wire(from, to);
    if (wire.compatible()) {
      return new Hop(from, to, true, wire.rule() == CompatibilityRule.WIRE_RELEASED_TOGETHER
          ? to.minorVersion() + " can be reached from " + from.minorVersion()
              + ", the minor released together with it"
          : "a major upgrade starts from the last minor of the previous major ("
              + from.minorVersion() + ")");
    }
    List<EsVersion> sources = new ArrayList<>();
    for (int m = 0; m <= MAX_MINOR; m++) {
      EsVersion v = EsVersion.of(from.major(), m);
      if (!exists(v)) {
        break;
      }
      if (Compatibility.wire(v, to).compatible()) {
        sources.add(v);
      }
    }
    if (sources.isEmpty()) {
      return no(from, to, "no documented upgrade path leads from " + from.major() + ".x to "
          + to.minorVersion() + ": " + wire.reason());
    }
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < sources.size(); i++) {
      names.append(i == 0 ? "" : i == sources.size() - 1 ? " or " : ", ").append(sources.get(i));
    }
    return no(from, to, "a major upgrade to " + to.minorVersion() + " must start from " + names
        + ", not " + from.minorVersion());
  }

  /**
   * The shortest sequence of allowed upgrades from {@code from} to {@code to}: stepping stones are
   * minor lines ({@code 8.19}: its latest patch); among equally short paths, the one that leaves
   * each major last (8.18 to 9.1 goes through 8.19, as Elastic's docs say, not through 9.0).
   *
   * @param from the current version
   * @param to the target
   * @return the versions from {@code from} to {@code to} inclusive, or empty when no path exists
   */
  public static Optional<List<EsVersion>> path(EsVersion from, EsVersion to) {
    List<EsVersion> ladder = ladder(from, to);
    int n = ladder.size();
    int[] dist = new int[n];
    int[] next = new int[n];
    java.util.Arrays.fill(dist, Integer.MAX_VALUE);
    dist[n - 1] = 0;
    for (int i = n - 2; i >= 0; i--) {
      for (int j = i + 1; j < n; j++) {
        if (dist[j] == Integer.MAX_VALUE || !check(ladder.get(i), ladder.get(j)).allowed()) {
          continue;
        }
        boolean same = ladder.get(j).major() == ladder.get(i).major();
        boolean sameBefore = dist[i] != Integer.MAX_VALUE
            && ladder.get(next[i]).major() == ladder.get(i).major();
        if (dist[j] + 1 < dist[i] || (dist[j] + 1 == dist[i] && (same || !sameBefore))) {
          dist[i] = dist[j] + 1;
          next[i] = j;
        }
      }
    }
    if (dist[0] == Integer.MAX_VALUE || !ladder.get(n - 1).equals(to)) {
      return Optional.empty();
    }
    List<EsVersion> out = new ArrayList<>();
    for (int i = 0; ; i = next[i]) {
      out.add(ladder.get(i));
      if (i == n - 1) {
        return Optional.of(List.copyOf(out));
      }
    }
  }

  /**
   * Every version an upgrade from {@code from} to {@code to} may pass through, in order: {@code
   * from}, each released minor line in between, and {@code to}. Any of them may be a stepping
   * stone.
   *
   * @param from the current version
   * @param to the target, not older than {@code from}
   * @return the versions; just {@code from} when {@code to} equals it
   */
  public static List<EsVersion> ladder(EsVersion from, EsVersion to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<EsVersion> out = new ArrayList<>();
    out.add(from);
    if (to.compareTo(from) <= 0) {
      return List.copyOf(out);
    }
    for (int major = from.major(); major <= to.major(); major++) {
      int first = major == from.major() ? from.minor() + 1 : 0;
      int last = major == to.major() ? to.minor() - 1 : MAX_MINOR;
      for (int m = first; m <= last; m++) {
        EsVersion v = EsVersion.of(major, m);
        if (!exists(v)) {
          break;
        }
        out.add(v);
      }
    }
    out.add(to);
    return List.copyOf(out);
  }

  private static boolean exists(EsVersion v) {
    return Compatibility.wire(v, v).rule() != CompatibilityRule.NEVER_RELEASED;
  }

  private static Hop no(EsVersion from, EsVersion to, String reason) {
    return new Hop(from, to, false, reason);
  }

  /**
   * Whether one rolling upgrade is allowed, and the rule in words.
   *
   * @param from the current version
   * @param to the version to upgrade to
   * @param allowed whether the upgrade is allowed
   * @param reason the rule that decides it, naming the versions
   */
  public record Hop(EsVersion from, EsVersion to, boolean allowed, String reason) {
    /** Checks the components. */
    public Hop {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
