package io.github.remoteclusters.security.certs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a new certificate authority should look like.
 *
 * @param commonName the subject common name, for example {@code remote-clusters CA}
 * @param notBefore the start of validity
 * @param validity how long the CA is valid, positive
 * @param keyAlgorithm the key pair type
 * @since 0.1.0
 */
public record CaRequest(
    String commonName, Instant notBefore, Duration validity, KeyAlgorithm keyAlgorithm) {

  /** Default CA validity: three years, as {@code elasticsearch-certutil} uses. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3 * 365);

  /** Checks the components. */
  public CaRequest {
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    if (commonName.isBlank()) {
      throw new IllegalArgumentException("commonName [" + commonName + "] is invalid: must not be blank");
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity [" + validity + "] is invalid: must be positive");
    }
  }

  /**
   * A CA valid from now for {@link #DEFAULT_VALIDITY} with an EC P-256 key.
   *
   * @param commonName the subject common name
   * @return the request
   */
  public static CaRequest of(String commonName) {
    return new CaRequest(commonName, Instant.now(), DEFAULT_VALIDITY, KeyAlgorithm.EC_P256);
  }

  /**
   * This request with another validity period length.
   *
   * @param newValidity how long the CA is valid
   * @return a copy
   */
  public CaRequest withValidity(Duration newValidity) {
    return new CaRequest(commonName, notBefore, newValidity, keyAlgorithm);
  }

  /**
   * This request with another start of validity.
   *
   * @param newNotBefore the start of validity
   * @return a copy
   */
  public CaRequest withNotBefore(Instant newNotBefore) {
    return new CaRequest(commonName, newNotBefore, validity, keyAlgorithm);
  }

  /**
   * This request with another key type.
   *
   * @param newKeyAlgorithm the key pair type
   * @return a copy
   */
  public CaRequest withKeyAlgorithm(KeyAlgorithm newKeyAlgorithm) {
    return new CaRequest(commonName, notBefore, validity, newKeyAlgorithm);
  }
}
