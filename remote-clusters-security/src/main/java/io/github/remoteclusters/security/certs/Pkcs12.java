package io.github.remoteclusters.security.certs;

import io.github.remoteclusters.security.SecurityInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes PKCS#12 keystores holding one private key entry and its chain, as
 * Elasticsearch's {@code ssl.keystore.path} expects.
 *
 * @since 0.1.0
 */
public final class Pkcs12 {

  /** The alias written for the key entry. */
  public static final String DEFAULT_ALIAS = "node";

  private Pkcs12() {}

  /**
   * Writes a key and its chain to a PKCS#12 keystore, the key protected with the same password.
   *
   * @param certificate the key and its chain
   * @param password the store and key password
   * @return the keystore bytes
   */
  public static byte[] write(IssuedCertificate certificate, char[] password) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(password, "password");
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, password);
      store.setKeyEntry(DEFAULT_ALIAS, certificate.privateKey(), password,
          certificate.chain().toArray(new Certificate[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, password);
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("PKCS#12 keystore cannot be written: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Reads the first private key entry of a PKCS#12 keystore.
   *
   * @param source what the bytes are, for messages (a file name)
   * @param keystore the keystore bytes
   * @param password the store and key password
   * @return the key and its chain
   * @throws SecurityInputException if the bytes are not PKCS#12, the password is wrong or no key
   *     entry exists
   */
  public static IssuedCertificate read(String source, byte[] keystore, char[] password) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(password, "password");
    if (keystore == null) {
      throw new SecurityInputException(source, "expected PKCS#12 bytes but got nothing");
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(keystore), password);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new SecurityInputException(source, "not a PKCS#12 keystore, or the password is wrong");
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, password);
          Certificate[] chain = store.getCertificateChain(alias);
          if (key instanceof PrivateKey && chain != null && chain.length > 0) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
              certificates.add((X509Certificate) c);
            }
            return new IssuedCertificate(certificates, (PrivateKey) key);
          }
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new SecurityInputException(source, "the key entry cannot be read with the given password");
    }
    throw new SecurityInputException(source, "expected a private key entry with a certificate chain but found none");
  }
}
