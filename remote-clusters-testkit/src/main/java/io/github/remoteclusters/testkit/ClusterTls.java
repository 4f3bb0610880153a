package io.github.remoteclusters.testkit;

import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.IssuedCertificate;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The TLS material of a {@link Security#TLS} test cluster, made by remote-clusters-security and
 * written as PEM files under the node's {@code config/certs}.
 *
 * <p>The node uses one certificate (SANs {@code localhost} and {@code 127.0.0.1}) for HTTPS,
 * transport and the remote cluster server, and trusts {@link #trusted()} for transport and as a
 * remote cluster client.
 *
 * @param ca the CA that signed the node certificate
 * @param certificate the node certificate chain and its private key
 * @param trusted every CA the node trusts: {@code ca}, then the spec's extra ones
 * @param caFile the PEM file of {@code ca}
 * @param certificateFile the PEM file of the node chain (leaf first)
 * @param privateKeyFile the PEM file of the node key; a secret
 * @param trustedFile the PEM file of {@code trusted}
 * @since 0.1.0
 */
public record ClusterTls(
    CertificateAuthority ca,
    IssuedCertificate certificate,
    List<X509Certificate> trusted,
    Path caFile,
    Path certificateFile,
    Path privateKeyFile,
    Path trustedFile) {

  /**
   * Checks the parts and copies the list.
   *
   * @since 0.1.0
   */
  public ClusterTls {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(certificate, "certificate");
    trusted = List.copyOf(trusted);
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(certificateFile, "certificateFile");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    Objects.requireNonNull(trustedFile, "trustedFile");
  }
}
