package io.github.remoteclusters.elasticsearch.watch;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * When a certificate a link depends on expires.
 *
 * @param subject the certificate's subject (RFC 2253)
 * @param notAfter the end of its validity
 * @param source where it was seen
 * @param where the address it was presented at, or the CA file's path
 * @since 0.1.0
 */
public record CertificateExpiry(String subject, Instant notAfter, Source source, String where) {

  /** Checks the components. */
  public CertificateExpiry {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(where, "where");
  }

  /**
   * Where a certificate was seen.
   *
   * @since 0.1.0
   */
  public enum Source {
    /** The leaf certificate the remote presents in a TLS handshake. */
    REMOTE_LEAF,
    /** A CA certificate of the chain the remote presents. */
    REMOTE_CA,
    /** A certificate of a CA file the topology names. */
    CA_FILE;

    /** {@return the lower-case name used in JSON output} */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
