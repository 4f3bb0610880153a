package io.github.remoteclusters.security.certs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks the certificate model in both directions: each cluster must accept the other's transport
 * chain, with TLS client authentication, because the transport layer uses mutual TLS.
 *
 * @since 0.1.0
 */
public final class MutualTrust {

  private MutualTrust() {}

  /**
   * One direction of the check.
   *
   * @param truster the cluster that checks
   * @param presenter the cluster whose chain is checked
   * @param verdict the trust verdict
   * @since 0.1.0
   */
  public record Direction(String truster, String presenter, TrustVerdict verdict) {

    /** Checks the components. */
    public Direction {
      Objects.requireNonNull(truster, "truster");
      Objects.requireNonNull(presenter, "presenter");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * A finding of one direction, with a message saying which side lacks what.
   *
   * @param truster the cluster that checks
   * @param presenter the cluster whose chain is checked
   * @param finding the underlying finding
   * @param message the message naming both sides
   * @since 0.1.0
   */
  public record SideFinding(String truster, String presenter, TrustFinding finding, String message) {

    /** Checks the components. */
    public SideFinding {
      Objects.requireNonNull(truster, "truster");
      Objects.requireNonNull(presenter, "presenter");
      Objects.requireNonNull(finding, "finding");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The result of both directions.
   *
   * @param directions the first cluster checking the second, then the reverse
   * @since 0.1.0
   */
  public record Verdict(List<Direction> directions) {

    /** Copies the directions. */
    public Verdict {
      directions = List.copyOf(Objects.requireNonNull(directions, "directions"));
    }

    /**
     * Whether both directions are trusted.
     *
     * @return {@code true} if every direction is trusted
     */
    public boolean trusted() {
      return directions.stream().allMatch(d -> d.verdict().trusted());
    }

    /**
     * All findings of both directions, each saying which side lacks what.
     *
     * @return the findings
     */
    public List<SideFinding> findings() {
      List<SideFinding> all = new ArrayList<>();
      for (Direction direction : directions) {
        for (TrustFinding finding : direction.verdict().findings()) {
          all.add(new SideFinding(direction.truster(), direction.presenter(), finding,
              describe(direction, finding)));
        }
      }
      return all;
    }

    private static String describe(Direction d, TrustFinding finding) {
      String prefix = "[" + d.truster() + "] checking [" + d.presenter() + "]: ";
      switch (finding.code()) {
        case UNTRUSTED_ISSUER:
          return prefix + "[" + d.truster() + "] lacks the CA that issued [" + d.presenter()
              + "]'s certificate in its certificate_authorities; " + finding.message();
        case NAME_MISMATCH:
          return prefix + "[" + d.presenter() + "]'s certificate lacks the name [" + d.truster()
              + "] connects to; " + finding.message();
        default:
          return prefix + "[" + d.presenter() + "]'s chain: " + finding.message();
      }
    }
  }

  /**
   * Checks both directions.
   *
   * @param first one cluster
   * @param second the other cluster
   * @param at the instant to check validity at
   * @return both directions' verdicts
   */
  public static Verdict check(ClusterCertificates first, ClusterCertificates second, Instant at) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(at, "at");
    return new Verdict(List.of(direction(first, second, at), direction(second, first, at)));
  }

  private static Direction direction(ClusterCertificates truster, ClusterCertificates presenter, Instant at) {
    TrustCheck.Request request = new TrustCheck.Request(
        presenter.chain(), truster.trustedCas(), presenter.serverName(), at, true);
    return new Direction(truster.name(), presenter.name(), TrustCheck.check(request));
  }
}
