package io.github.remoteclusters.elasticsearch.internal.access;

import io.github.remoteclusters.core.CaTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Reads a PEM CA file and makes a TLS context that trusts exactly its certificates. Not API. */
public final class PemCaFiles {

  private PemCaFiles() {}

  /**
   * Reads the certificates of a PEM CA file.
   *
   * @param file the file
   * @return its certificates, at least one
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static List<X509Certificate> read(Path file) {
    return CaTrust.PemFile.read(file).certificates();
  }

  /**
   * What is wrong with the dates of a CA file's certificates: one message for each certificate
   * that has expired or is not valid yet, with its subject and the date. A connection that relies
   * on such a certificate fails as "not trusted", which says nothing of dates.
   *
   * @param file the file, for messages
   * @param certificates its certificates
   * @param now the time to judge by
   * @return the messages, empty when every certificate is valid now
   */
  public static List<String> validityWarnings(
      Path file, List<X509Certificate> certificates, java.time.Instant now) {
    List<String> out = new java.util.ArrayList<>();
    for (X509Certificate c : certificates) {
      String subject = c.getSubjectX500Principal().getName();
      java.time.Instant notAfter = c.getNotAfter().toInstant();
      java.time.Instant notBefore = c.getNotBefore().toInstant();
      if (notAfter.isBefore(now)) {
        out.add("CA file [" + file + "]: the CA certificate [" + subject + "] expired on "
            + notAfter + "; TLS that relies on it fails as not trusted: replace it with the CA"
            + " that signs the cluster's certificates now");
      } else if (notBefore.isAfter(now)) {
        out.add("CA file [" + file + "]: the CA certificate [" + subject + "] is not valid before "
            + notBefore + "; TLS that relies on it fails as not trusted until then: check the"
            + " clock of this machine");
      }
    }
    return out;
  }

  /**
   * A TLS context that trusts exactly the certificates of a PEM CA file (like {@code curl
   * --cacert}), with the JVM's default hostname checks left to the HTTP client.
   *
   * @param file the file
   * @return the context
   * @throws IllegalArgumentException naming the file when it cannot be used
   */
  public static SSLContext sslContext(Path file) {
    List<X509Certificate> certificates = read(file);
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        trust.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("CA file [" + file + "] cannot be used for TLS: " + e.getMessage(), e);
    }
  }
}
