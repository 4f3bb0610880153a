package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.Severity;

/**
 * Stable codes of certificate trust findings; the names are part of the CLI's JSON output.
 *
 * @since 0.1.0
 */
public enum TrustFindingCode {
  /** No trusted CA issued the chain, or a signature in it does not verify. */
  UNTRUSTED_ISSUER(Severity.ERROR),
  /** A certificate's validity ended before the checked instant. */
  EXPIRED(Severity.ERROR),
  /** A certificate's validity starts after the checked instant. */
  NOT_YET_VALID(Severity.ERROR),
  /** A certificate expires within 30 days of the checked instant. */
  EXPIRES_SOON(Severity.WARNING),
  /** The expected server name matches none of the leaf's names (RFC 6125). */
  NAME_MISMATCH(Severity.ERROR),
  /** A certificate that issued another one is not marked as a CA. */
  NOT_A_CA(Severity.ERROR),
  /** An RSA key shorter than 2048 bits, or an EC key under 256 bits. */
  WEAK_KEY(Severity.WARNING),
  /** The key usage or extended key usage does not allow the certificate's role in TLS. */
  BAD_KEY_USAGE(Severity.ERROR);

  private final Severity severity;

  TrustFindingCode(Severity severity) {
    this.severity = severity;
  }

  /**
   * Whether a finding with this code makes a chain untrusted.
   *
   * @return {@link Severity#ERROR} if it does, {@link Severity#WARNING} if not
   */
  public Severity severity() {
    return severity;
  }
}
