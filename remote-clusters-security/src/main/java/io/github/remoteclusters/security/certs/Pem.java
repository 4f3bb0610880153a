package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.SecurityInputException;
import io.github.remoteclusters.security.internal.PemCodec;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes PEM: certificates and chains ({@code CERTIFICATE} blocks), PKCS#8 private keys
 * ({@code PRIVATE KEY}), encrypted PKCS#8 keys ({@code ENCRYPTED PRIVATE KEY}, PBES2 with
 * AES-256-CBC and HMAC-SHA256 when written) and, for reading, traditional OpenSSL {@code RSA/EC
 * PRIVATE KEY} blocks.
 *
 * <p>Readers throw only {@link SecurityInputException}; its message names the source given by the
 * caller and never contains key material.
 *
 * @since 0.1.0
 */
public final class Pem {

  private Pem() {}

  /**
   * Writes certificates as concatenated PEM blocks, in the given order.
   *
   * @param certificates the certificates, for a chain leaf first
   * @return the PEM text
   */
  public static String writeCertificates(List<X509Certificate> certificates) {
    return PemCodec.writeCertificates(List.copyOf(Objects.requireNonNull(certificates, "certificates")));
  }

  /**
   * Writes an unencrypted PKCS#8 private key.
   *
   * @param key the key
   * @return the PEM text ({@code -----BEGIN PRIVATE KEY-----})
   */
  public static String writePrivateKey(PrivateKey key) {
    return PemCodec.writePrivateKey(Objects.requireNonNull(key, "key"));
  }

  /**
   * Writes an encrypted PKCS#8 private key that {@code openssl pkey} and Elasticsearch's {@code
   * ssl.key} with {@code ssl.secure_key_passphrase} can read.
   *
   * @param key the key
   * @param password the password, not empty
   * @return the PEM text ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----})
   */
  public static String writePrivateKey(PrivateKey key, char[] password) {
    Objects.requireNonNull(password, "password");
    if (password.length == 0) {
      throw new IllegalArgumentException("password is invalid: must not be empty");
    }
    return PemCodec.writeEncryptedPrivateKey(Objects.requireNonNull(key, "key"), password);
  }

  /**
   * Reads all certificates of a PEM text.
   *
   * @param source what the text is, for messages (a file name such as {@code ca.crt})
   * @param pem the PEM text
   * @return the certificates in file order, at least one
   * @throws SecurityInputException if the text holds no certificate or anything else
   */
  public static List<X509Certificate> readCertificates(String source, String pem) {
    return List.copyOf(PemCodec.readCertificates(Objects.requireNonNull(source, "source"), pem));
  }

  /**
   * Reads an unencrypted private key.
   *
   * @param source what the text is, for messages (a file name such as {@code tls.key})
   * @param pem the PEM text
   * @return the key
   * @throws SecurityInputException if the text holds no single readable key, or it is encrypted
   */
  public static PrivateKey readPrivateKey(String source, String pem) {
    return PemCodec.readPrivateKey(Objects.requireNonNull(source, "source"), pem, null);
  }

  /**
   * Reads a private key that may be encrypted.
   *
   * @param source what the text is, for messages
   * @param pem the PEM text
   * @param password the password for an encrypted key
   * @return the key
   * @throws SecurityInputException if the text holds no single readable key or the password is wrong
   */
  public static PrivateKey readPrivateKey(String source, String pem, char[] password) {
    return PemCodec.readPrivateKey(Objects.requireNonNull(source, "source"), pem,
        Objects.requireNonNull(password, "password"));
  }
}
