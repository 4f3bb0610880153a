package io.github.remoteclusters.security.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain (leaf first, then its issuers) and the leaf's private key, as a node
 * presents it. The key is never shown by {@link #toString()}.
 *
 * @param chain the chain, leaf first, not empty
 * @param privateKey the leaf's private key
 * @since 0.1.0
 */
public record IssuedCertificate(List<X509Certificate> chain, PrivateKey privateKey) {

  /** Checks the components and copies the chain. */
  public IssuedCertificate {
    chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
    Objects.requireNonNull(privateKey, "privateKey");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain is invalid: must contain at least the leaf");
    }
  }

  /**
   * The leaf certificate.
   *
   * @return the first certificate of the chain
   */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /**
   * The leaf's subject and the chain length, without the private key.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "IssuedCertificate[subject=" + leaf().getSubjectX500Principal().getName()
        + ", chainLength=" + chain.size() + ", privateKey=<redacted>]";
  }
}
