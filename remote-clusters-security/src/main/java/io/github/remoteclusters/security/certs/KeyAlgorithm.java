package io.github.remoteclusters.security.certs;

/**
 * The key pair type of a generated certificate.
 *
 * @since 0.1.0
 */
public enum KeyAlgorithm {
  /** Elliptic curve P-256 (secp256r1) with SHA-256 signatures; the default. */
  EC_P256("EC", 256, "SHA256withECDSA"),
  /** RSA with a 2048-bit modulus and SHA-256 signatures. */
  RSA_2048("RSA", 2048, "SHA256withRSA"),
  /** RSA with a 3072-bit modulus and SHA-256 signatures. */
  RSA_3072("RSA", 3072, "SHA256withRSA"),
  /** RSA with a 4096-bit modulus and SHA-256 signatures. */
  RSA_4096("RSA", 4096, "SHA256withRSA");

  private final String jcaName;
  private final int bits;
  private final String signatureAlgorithm;

  KeyAlgorithm(String jcaName, int bits, String signatureAlgorithm) {
    this.jcaName = jcaName;
    this.bits = bits;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /**
   * The JCA key algorithm name.
   *
   * @return {@code EC} or {@code RSA}
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * The key size in bits.
   *
   * @return the curve size for EC, the modulus size for RSA
   */
  public int bits() {
    return bits;
  }

  /**
   * The JCA signature algorithm used when this key signs a certificate.
   *
   * @return for example {@code SHA256withECDSA}
   */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /**
   * Parses the short names the CLI uses: {@code ec}, {@code rsa2048}, {@code rsa3072}, {@code
   * rsa4096} (case-insensitive).
   *
   * @param text the short name
   * @return the algorithm
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static KeyAlgorithm parse(String text) {
    switch (String.valueOf(text).toLowerCase(java.util.Locale.ROOT)) {
      case "ec":
      case "ec-p256":
      case "p256":
        return EC_P256;
      case "rsa2048":
        return RSA_2048;
      case "rsa3072":
        return RSA_3072;
      case "rsa4096":
        return RSA_4096;
      default:
        throw new IllegalArgumentException(
            "key algorithm [" + text + "] is invalid: expected one of ec, rsa2048, rsa3072, rsa4096");
    }
  }
}
