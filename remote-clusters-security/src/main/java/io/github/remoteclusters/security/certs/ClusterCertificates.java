package io.github.remoteclusters.security.certs;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One cluster's side of the certificate model: the transport chain its nodes present, the CAs it
 * trusts and the name the other side reaches it by.
 *
 * @param name a label for messages, for example the cluster alias
 * @param chain the transport chain its nodes present, leaf first
 * @param trustedCas its {@code xpack.security.transport.ssl.certificate_authorities}
 * @param serverName the name peers connect to (proxy {@code server_name}), or {@code null} when
 *     peers use {@code verification_mode: certificate}
 * @since 0.1.0
 */
public record ClusterCertificates(
    String name, List<X509Certificate> chain, List<X509Certificate> trustedCas, String serverName) {

  /** Checks the components and copies the lists. */
  public ClusterCertificates {
    Objects.requireNonNull(name, "name");
    chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
    trustedCas = List.copyOf(Objects.requireNonNull(trustedCas, "trustedCas"));
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain of [" + name + "] is invalid: must contain the leaf");
    }
  }
}
