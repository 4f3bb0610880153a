package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.internal.CertificateMaker;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Creates certificate authorities and node certificates fit for Elasticsearch transport and the
 * remote cluster server: CA certificates with {@code basicConstraints CA:true} and {@code
 * keyCertSign}; node certificates with DNS and IP subject alternative names, {@code
 * digitalSignature} (plus {@code keyEncipherment} for RSA) and extended key usage {@code
 * serverAuth, clientAuth}.
 *
 * @since 0.1.0
 */
public final class Certificates {

  private Certificates() {}

  /**
   * Creates a new self-signed certificate authority.
   *
   * @param request subject, validity and key type
   * @return the CA certificate and its private key
   */
  public static CertificateAuthority createCa(CaRequest request) {
    Objects.requireNonNull(request, "request");
    KeyPair keyPair = CertificateMaker.generateKeyPair(request.keyAlgorithm());
    X509Certificate certificate = CertificateMaker.selfSignedCa(
        request.commonName(), request.notBefore(), request.validity(), keyPair, request.keyAlgorithm());
    return new CertificateAuthority(certificate, keyPair.getPrivate());
  }

  /**
   * Issues a node certificate signed by a CA.
   *
   * @param ca the signing CA
   * @param request subject, names, validity and key type
   * @return the chain (leaf, then the CA certificate) and the leaf's private key
   */
  public static IssuedCertificate issue(CertificateAuthority ca, NodeCertificateRequest request) {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(request, "request");
    KeyPair keyPair = CertificateMaker.generateKeyPair(request.keyAlgorithm());
    X509Certificate leaf = CertificateMaker.node(ca.certificate(), ca.privateKey(),
        request.commonName(), request.dnsNames(), request.ipAddresses(), request.notBefore(),
        request.validity(), keyPair.getPublic(), request.keyAlgorithm());
    return new IssuedCertificate(List.of(leaf, ca.certificate()), keyPair.getPrivate());
  }
}
