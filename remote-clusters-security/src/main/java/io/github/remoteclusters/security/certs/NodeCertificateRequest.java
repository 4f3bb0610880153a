package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.internal.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a new node (transport or remote cluster server) certificate should look like.
 *
 * @param commonName the subject common name
 * @param dnsNames DNS subject alternative names, may contain a wildcard left-most label
 * @param ipAddresses IP subject alternative names as IPv4 or IPv6 literals
 * @param notBefore the start of validity
 * @param validity how long the certificate is valid, positive
 * @param keyAlgorithm the key pair type
 * @since 0.1.0
 */
public record NodeCertificateRequest(
    String commonName,
    List<String> dnsNames,
    List<String> ipAddresses,
    Instant notBefore,
    Duration validity,
    KeyAlgorithm keyAlgorithm) {

  /** Default node certificate validity: one year, as ECK uses for transport certificates. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  /** Checks the components and copies the lists. */
  public NodeCertificateRequest {
    Objects.requireNonNull(commonName, "commonName");
    dnsNames = List.copyOf(Objects.requireNonNull(dnsNames, "dnsNames"));
    ipAddresses = List.copyOf(Objects.requireNonNull(ipAddresses, "ipAddresses"));
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("commonName [" + commonName + "] is invalid: must not be blank");
    }
    if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
      throw new IllegalArgumentException(
          "subject alternative names are invalid: give at least one DNS name or IP address");
    }
    for (String dns : dnsNames) {
      Names.requireDnsName(dns);
    }
    for (String ip : ipAddresses) {
      Names.requireIpLiteral(ip);
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity [" + validity + "] is invalid: must be positive");
    }
  }

  /**
   * A certificate for the given DNS names, valid from now for {@link #DEFAULT_VALIDITY}, EC P-256,
   * with the first DNS name as common name.
   *
   * @param dnsName the first DNS name
   * @param moreDnsNames further DNS names
   * @return the request
   */
  public static NodeCertificateRequest forDnsNames(String dnsName, String... moreDnsNames) {
    List<String> all = new java.util.ArrayList<>();
    all.add(Objects.requireNonNull(dnsName, "dnsName"));
    all.addAll(List.of(moreDnsNames));
    return new NodeCertificateRequest(
        dnsName, all, List.of(), Instant.now(), DEFAULT_VALIDITY, KeyAlgorithm.EC_P256);
  }

  /**
   * This request with these IP addresses as subject alternative names.
   *
   * @param newIpAddresses IPv4 or IPv6 literals
   * @return a copy
   */
  public NodeCertificateRequest withIpAddresses(List<String> newIpAddresses) {
    return new NodeCertificateRequest(
        commonName, dnsNames, newIpAddresses, notBefore, validity, keyAlgorithm);
  }

  /**
   * This request with another validity period length.
   *
   * @param newValidity how long the certificate is valid
   * @return a copy
   */
  public NodeCertificateRequest withValidity(Duration newValidity) {
    return new NodeCertificateRequest(
        commonName, dnsNames, ipAddresses, notBefore, newValidity, keyAlgorithm);
  }

  /**
   * This request with another start of validity.
   *
   * @param newNotBefore the start of validity
   * @return a copy
   */
  public NodeCertificateRequest withNotBefore(Instant newNotBefore) {
    return new NodeCertificateRequest(
        commonName, dnsNames, ipAddresses, newNotBefore, validity, keyAlgorithm);
  }

  /**
   * This request with another key type.
   *
   * @param newKeyAlgorithm the key pair type
   * @return a copy
   */
  public NodeCertificateRequest withKeyAlgorithm(KeyAlgorithm newKeyAlgorithm) {
    return new NodeCertificateRequest(
        commonName, dnsNames, ipAddresses, notBefore, validity, newKeyAlgorithm);
  }

  /**
   * This request with another common name.
   *
   * @param newCommonName the subject common name
   * @return a copy
   */
  public NodeCertificateRequest withCommonName(String newCommonName) {
    return new NodeCertificateRequest(
        newCommonName, dnsNames, ipAddresses, notBefore, validity, keyAlgorithm);
  }
}
