package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.internal.TrustChecker;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Checks whether a cluster would accept the certificate chain a remote presents: PKIX path
 * validation by the JDK against the trusted CAs, plus validity, key strength, key usage and RFC 6125
 * server name checks. Every problem becomes a {@link TrustFinding}; only programming errors throw.
 *
 * <pre>{@code
 * TrustVerdict verdict = TrustCheck.check(TrustCheck.Request.of(chain, trustedCas, Instant.now())
 *     .withServerName("remote-es-remote-cluster.ns.svc"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TrustCheck {

  /** A certificate expiring within this many days gets an {@link TrustFindingCode#EXPIRES_SOON}. */
  public static final int EXPIRY_WARNING_DAYS = 30;

  private TrustCheck() {}

  /**
   * What to check.
   *
   * @param chain the chain the remote presents, leaf first; may end with the root CA
   * @param trustedCas the CAs the checking cluster trusts (its {@code certificate_authorities})
   * @param serverName the name the remote is expected to have (proxy mode {@code server_name}, SNI),
   *     or {@code null} to skip the name check as {@code verification_mode: certificate} does
   * @param at the instant validity is checked at
   * @param requireClientAuth whether the leaf must also allow TLS client authentication, as in the
   *     mutual TLS of the certificate model
   * @since 0.1.0
   */
  public record Request(
      List<X509Certificate> chain,
      List<X509Certificate> trustedCas,
      String serverName,
      Instant at,
      boolean requireClientAuth) {

    /** Checks the components and copies the lists. */
    public Request {
      chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
      trustedCas = List.copyOf(Objects.requireNonNull(trustedCas, "trustedCas"));
      Objects.requireNonNull(at, "at");
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("chain is invalid: must contain at least the leaf");
      }
    }

    /**
     * A request without a server name check, requiring server authentication only.
     *
     * @param chain the presented chain, leaf first
     * @param trustedCas the trusted CAs
     * @param at the instant to check at
     * @return the request
     */
    public static Request of(List<X509Certificate> chain, List<X509Certificate> trustedCas, Instant at) {
      return new Request(chain, trustedCas, null, at, false);
    }

    /**
     * This request with an expected server name.
     *
     * @param name the DNS name or IP literal the leaf must match
     * @return a copy
     */
    public Request withServerName(String name) {
      return new Request(chain, trustedCas, Objects.requireNonNull(name, "name"), at, requireClientAuth);
    }

    /**
     * This request also requiring the TLS client authentication usage (certificate model).
     *
     * @return a copy
     */
    public Request withClientAuthRequired() {
      return new Request(chain, trustedCas, serverName, at, true);
    }
  }

  /**
   * Runs the check.
   *
   * @param request what to check
   * @return the verdict with all findings
   */
  public static TrustVerdict check(Request request) {
    Objects.requireNonNull(request, "request");
    return new TrustVerdict(TrustChecker.check(request.chain(), request.trustedCas(),
        request.serverName(), request.at(), request.requireClientAuth(), EXPIRY_WARNING_DAYS));
  }
}
