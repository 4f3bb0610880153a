package io.github.remoteclusters.testkit.internal;

import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.IssuedCertificate;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import io.github.remoteclusters.security.certs.Pem;
import io.github.remoteclusters.security.certs.TlsFiles;
import io.github.remoteclusters.testkit.ClusterSpec;
import io.github.remoteclusters.testkit.ClusterTls;
import io.github.remoteclusters.testkit.Credentials;
import io.github.remoteclusters.testkit.Security;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * What a secured node needs before it starts: the file-realm superuser ({@code config/users},
 * {@code users_roles}), the certificates ({@code config/certs}) and the security node settings.
 *
 * @param superuser the superuser, or null without security
 * @param tls the TLS material, or null without TLS
 * @param settings the node settings security adds (the spec's own settings override them)
 */
public record NodeSecurity(Credentials superuser, ClusterTls tls, Map<String, String> settings) {

  /** The superuser's name on every secured test cluster. */
  public static final String SUPERUSER = "testkit-admin";

  /** Where, under the node's {@code config}, the PEM files go. */
  static final String CERTS = "certs";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  /** Copies the settings. */
  public NodeSecurity {
    settings = Map.copyOf(settings);
  }

  /**
   * Writes the users and certificates of a spec into a node's {@code config} directory.
   *
   * @param spec the spec
   * @param config the node's {@code HOME/config}
   * @param defaultCa the CA for specs that name none
   * @return the security of the node; empty settings for {@link Security#NONE}
   * @throws IOException when a file cannot be written
   */
  public static NodeSecurity prepare(ClusterSpec spec, Path config, CertificateAuthority defaultCa)
      throws IOException {
    if (!spec.security().enabled()) {
      return new NodeSecurity(null, null, Map.of());
    }
    Files.createDirectories(config);
    Credentials superuser = new Credentials(SUPERUSER, randomPassword());
    writeFileRealm(config, superuser);
    Map<String, String> s = new LinkedHashMap<>();
    s.put("xpack.security.enabled", "true");
    // the API-key model needs the Enterprise level; trial has it for 30 days
    s.put("xpack.license.self_generated.type", "trial");
    if (spec.security() != Security.TLS) {
      return new NodeSecurity(superuser, null, s);
    }
    CertificateAuthority ca = spec.ca() == null ? defaultCa : spec.ca();
    IssuedCertificate certificate =
        Certificates.issue(
            ca,
            NodeCertificateRequest.forDnsNames("localhost")
                .withIpAddresses(List.of("127.0.0.1"))
                .withCommonName(spec.name()));
    Path certs = config.resolve(CERTS);
    TlsFiles.writeNode(certs, certificate);
    List<X509Certificate> trusted = new ArrayList<>();
    trusted.add(ca.certificate());
    trusted.addAll(spec.trustedCas());
    Path trustedFile = certs.resolve("trusted.crt");
    Files.writeString(trustedFile, Pem.writeCertificates(trusted), StandardCharsets.UTF_8);
    ClusterTls tls =
        new ClusterTls(
            ca,
            certificate,
            trusted,
            certs.resolve(TlsFiles.CA_CRT),
            certs.resolve(TlsFiles.TLS_CRT),
            certs.resolve(TlsFiles.TLS_KEY),
            trustedFile);
    String crt = CERTS + "/" + TlsFiles.TLS_CRT;
    String key = CERTS + "/" + TlsFiles.TLS_KEY;
    String trust = CERTS + "/trusted.crt";
    s.put("xpack.security.http.ssl.enabled", "true");
    s.put("xpack.security.http.ssl.certificate", crt);
    s.put("xpack.security.http.ssl.key", key);
    s.put("xpack.security.transport.ssl.enabled", "true");
    s.put("xpack.security.transport.ssl.certificate", crt);
    s.put("xpack.security.transport.ssl.key", key);
    s.put("xpack.security.transport.ssl.certificate_authorities", trust);
    s.put("xpack.security.transport.ssl.verification_mode", "full");
    s.put("xpack.security.remote_cluster_client.ssl.certificate_authorities", trust);
    s.put("xpack.security.remote_cluster_client.ssl.verification_mode", "full");
    if (spec.remoteClusterServer()) {
      s.put("remote_cluster_server.enabled", "true");
      s.put("remote_cluster.port", "0");
      s.put("xpack.security.remote_cluster_server.ssl.certificate", crt);
      s.put("xpack.security.remote_cluster_server.ssl.key", key);
    }
    return new NodeSecurity(superuser, tls, s);
  }

  /**
   * A TLS context that trusts the given CAs.
   *
   * @param trusted the CA certificates
   * @return the context
   */
  public static SSLContext sslContext(List<X509Certificate> trusted) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < trusted.size(); i++) {
        store.setCertificateEntry("ca-" + i, trusted.get(i));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code config/users} and {@code config/users_roles} with one superuser, as {@code
   * elasticsearch-users useradd -r superuser} does (bcrypt hash).
   */
  private static void writeFileRealm(Path config, Credentials user) throws IOException {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String hash = OpenBSDBCrypt.generate("2a", user.password().toCharArray(), salt, 10);
    Files.writeString(
        config.resolve("users"), user.username() + ":" + hash + "\n", StandardCharsets.UTF_8);
    Files.writeString(
        config.resolve("users_roles"), "superuser:" + user.username() + "\n", StandardCharsets.UTF_8);
  }

  /** A random password of 20 letters and digits. */
  static String randomPassword() {
    StringBuilder sb = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** {@return the parts, with the superuser's password redacted by {@link Credentials}} */
  @Override
  public String toString() {
    return "NodeSecurity[superuser=" + superuser + ", tls=" + (tls != null) + "]";
  }
}
