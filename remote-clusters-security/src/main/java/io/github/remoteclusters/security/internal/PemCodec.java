package io.github.remoteclusters.security.internal;

import io.github.remoteclusters.security.SecurityInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM reading and writing with BouncyCastle. Every failure becomes a {@link
 * SecurityInputException} without a cause, so BouncyCastle exceptions never escape.
 */
public final class PemCodec {

  /** A private BouncyCastle provider instance; it is never registered globally. */
  private static final Provider BC = new BouncyCastleProvider();

  private PemCodec() {}

  /** Writes certificates as concatenated {@code CERTIFICATE} blocks. */
  public static String writeCertificates(List<X509Certificate> certificates) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        out.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("certificate cannot be encoded: " + e.getMessage(), e);
      }
    }
    return out.toString();
  }

  /** Writes an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
  public static String writePrivateKey(PrivateKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new IllegalArgumentException("private key cannot be exported: its provider gives no encoding");
    }
    return block("PRIVATE KEY", encoded);
  }

  /** Writes an {@code ENCRYPTED PRIVATE KEY} block (PBES2, AES-256-CBC, HMAC-SHA256). */
  public static String writeEncryptedPrivateKey(PrivateKey key, char[] password) {
    try {
      JceOpenSSLPKCS8EncryptorBuilder encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
              .setProvider(BC)
              .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
              .setIterationCount(100_000)
              .setPassword(password);
      PemObject pem = new JcaPKCS8Generator(key, encryptor.build()).generate();
      StringWriter out = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
        writer.writeObject(pem);
      }
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("private key cannot be encrypted: " + e.getClass().getSimpleName());
    }
  }

  /** Reads every {@code CERTIFICATE} block; other blocks are an error. */
  public static List<X509Certificate> readCertificates(String source, String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object object : objects(source, pem)) {
      if (!(object instanceof X509CertificateHolder)) {
        throw new SecurityInputException(source,
            "expected only CERTIFICATE blocks but found " + describe(object));
      }
      try {
        certificates.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) object));
      } catch (Exception e) {
        throw new SecurityInputException(source, "a CERTIFICATE block is not a valid X.509 certificate");
      }
    }
    if (certificates.isEmpty()) {
      throw new SecurityInputException(source, "expected at least one PEM CERTIFICATE block but found none");
    }
    return certificates;
  }

  /** Reads the one private key block (PKCS#8, encrypted PKCS#8, or traditional RSA/EC). */
  public static PrivateKey readPrivateKey(String source, String pem, char[] password) {
    List<Object> objects = objects(source, pem);
    List<Object> keys = new ArrayList<>();
    for (Object object : objects) {
      if (object instanceof PrivateKeyInfo || object instanceof PKCS8EncryptedPrivateKeyInfo
          || object instanceof PEMKeyPair || object instanceof PEMEncryptedKeyPair) {
        keys.add(object);
      }
    }
    if (keys.size() != 1) {
      throw new SecurityInputException(source,
          "expected exactly one PEM private key block but found " + keys.size());
    }
    Object key = keys.get(0);
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (key instanceof PrivateKeyInfo) {
        return converter.getPrivateKey((PrivateKeyInfo) key);
      }
      if (key instanceof PEMKeyPair) {
        return converter.getPrivateKey(((PEMKeyPair) key).getPrivateKeyInfo());
      }
    } catch (Exception e) {
      throw new SecurityInputException(source, "the private key block is not a valid RSA or EC key");
    }
    if (password == null || password.length == 0) {
      throw new SecurityInputException(source, "the private key is encrypted and no password was given");
    }
    try {
      if (key instanceof PKCS8EncryptedPrivateKeyInfo) {
        PrivateKeyInfo info = ((PKCS8EncryptedPrivateKeyInfo) key).decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password));
        return converter.getPrivateKey(info);
      }
      PEMKeyPair pair = ((PEMEncryptedKeyPair) key).decryptKeyPair(
          new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password));
      return converter.getPrivateKey(pair.getPrivateKeyInfo());
    } catch (Exception e) {
      throw new SecurityInputException(source,
          "the encrypted private key cannot be decrypted: wrong password or unsupported encryption");
    }
  }

  private static List<Object> objects(String source, String pem) {
    if (pem == null) {
      throw new SecurityInputException(source, "expected PEM text but got nothing");
    }
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object;
      while ((object = parser.readObject()) != null) {
        objects.add(object);
      }
    } catch (IOException | RuntimeException e) {
      throw new SecurityInputException(source, "the text is not well-formed PEM (" + safeReason(e) + ")");
    }
    if (objects.isEmpty()) {
      throw new SecurityInputException(source, "expected PEM text but found no PEM block");
    }
    return objects;
  }

  /** A reason that names the kind of problem but never echoes input bytes. */
  private static String safeReason(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("unrecognised object: ")) {
      return "unsupported block type " + message.substring("unrecognised object: ".length()).split("\\s")[0];
    }
    if (message.contains("-----END")) {
      return "a block has no matching END line";
    }
    return "bad base64 or DER content";
  }

  private static String describe(Object object) {
    if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair
        || object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
      return "a private key";
    }
    return "a " + object.getClass().getSimpleName() + " block";
  }

  private static String block(String type, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }
}
