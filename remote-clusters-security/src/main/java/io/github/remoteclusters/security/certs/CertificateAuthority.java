package io.github.remoteclusters.security.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate authority: its certificate and the private key that signs node certificates. The
 * key is never shown by {@link #toString()}.
 *
 * @param certificate the CA certificate
 * @param privateKey the CA's private key
 * @since 0.1.0
 */
public record CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {

  /** Checks the components. */
  public CertificateAuthority {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /**
   * The subject and validity, without the private key.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "CertificateAuthority[subject=" + certificate.getSubjectX500Principal().getName()
        + ", notAfter=" + certificate.getNotAfter().toInstant() + ", privateKey=<redacted>]";
  }
}
