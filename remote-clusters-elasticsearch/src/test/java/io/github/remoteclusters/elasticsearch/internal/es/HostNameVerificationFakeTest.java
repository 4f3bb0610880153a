package io.github.remoteclusters.elasticsearch.internal.es;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.spi.ClusterEndpoint;
import io.github.remoteclusters.security.certs.CaRequest;
import io.github.remoteclusters.security.certs.CertificateAuthority;
import io.github.remoteclusters.security.certs.Certificates;
import io.github.remoteclusters.security.certs.NodeCertificateRequest;
import io.github.remoteclusters.testkit.ImpostorServer;
import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/**
 * The real client stack ({@link EsConnector#rest5()}) against HTTPS servers holding certificates
 * from a trusted CA for other names (a fake server: a real node cannot be given a wrong
 * certificate on demand; {@code WrongHostNameIT} does the same against real nodes). The request
 * must be refused after the handshake and before the first byte of HTTP, so that the server never
 * sees the {@code Authorization} header.
 */
class HostNameVerificationFakeTest {

  static final CertificateAuthority CA = Certificates.createCa(CaRequest.of("host-name test CA"));
  static final CertificateAuthority OTHER_CA = Certificates.createCa(CaRequest.of("other CA"));
  static final String BASIC = "Basic " + java.util.Base64.getEncoder()
      .encodeToString("admin:s3cr3t-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  static ClusterEndpoint endpoint(ImpostorServer s, SSLContext context) {
    return new ClusterEndpoint(s.uri(), BASIC, context);
  }

  static ApplyException refused(ImpostorServer s, SSLContext context) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(
        () -> EsSession.connect("imp", endpoint(s, context), EsConnector.rest5()).close());
    assertThat(t).isInstanceOf(ApplyException.class);
    assertThat(s.received()).as("requests that reached the server").isEmpty();
    assertThat(t.getMessage()).doesNotContain("s3cr3t").doesNotContain(BASIC.substring(6));
    return (ApplyException) t;
  }

  @Test
  void aCertificateOfTheTrustedCaForOtherNamesIsRefusedBeforeAnythingIsSent() throws IOException {
    try (ImpostorServer s = ImpostorServer.start(CA,
        NodeCertificateRequest.forDnsNames("elsewhere.example").withIpAddresses(List.of("10.9.9.9")))) {
      ApplyException e = refused(s, context(CA.certificate()));
      assertThat(e.getMessage())
          .contains("[imp/CONNECT] failed: refused " + s.uri())
          .contains("Certificate for <127.0.0.1> doesn't match any of the subject alternative names")
          .contains("DNS:elsewhere.example").contains("IP:10.9.9.9")
          .contains("nothing was sent to it (no request, no credentials)")
          .doesNotContain("cannot reach");
      assertThat(e.httpStatus()).isZero();
    }
  }

  @Test
  void aCertificateNamingOnlyLocalhostIsRefusedForTheIpAddress() throws IOException {
    try (ImpostorServer s = ImpostorServer.start(CA, NodeCertificateRequest.forDnsNames("localhost"))) {
      assertThat(refused(s, context(CA.certificate())).getMessage())
          .contains("Certificate for <127.0.0.1>").contains("DNS:localhost");
    }
  }

  @Test
  void aContextThatTrustsEveryChainStillHasTheHostNameChecked() throws IOException {
    try (ImpostorServer s = ImpostorServer.start(OTHER_CA,
        NodeCertificateRequest.forDnsNames("elsewhere.example"))) {
      assertThat(refused(s, trustAll()).getMessage())
          .contains("doesn't match any of the subject alternative names");
    }
  }

  @Test
  void aCertificateThatNamesTheHostIsAcceptedAndGetsTheHeader() throws IOException {
    // the control: the same stack does reach a server whose certificate names 127.0.0.1
    try (ImpostorServer s = ImpostorServer.start(CA,
        NodeCertificateRequest.forDnsNames("localhost").withIpAddresses(List.of("127.0.0.1")))) {
      try (EsSession session = EsSession.connect("ok", endpoint(s, context(CA.certificate())),
          EsConnector.rest5())) {
        assertThat(session.version().major()).isEqualTo(9);
      }
      assertThat(s.received()).isNotEmpty();
      assertThat(s.received().get(0).authorization()).isEqualTo(BASIC);
    }
  }

  @Test
  void aCertificateOfAnotherCaIsNotTrustedRatherThanUnreachable() throws IOException {
    try (ImpostorServer s = ImpostorServer.start(OTHER_CA,
        NodeCertificateRequest.forDnsNames("localhost").withIpAddresses(List.of("127.0.0.1")))) {
      assertThat(refused(s, context(CA.certificate())).getMessage())
          .contains("the TLS certificate of " + s.uri() + " is not trusted by the CA certificates"
              + " of the cluster's caFile")
          .doesNotContain("cannot reach");
      assertThat(refused(s, null).getMessage())
          .contains("is not trusted by the JVM's default CAs (name the cluster's CA in caFile)");
    }
  }

  @Test
  void anExpiredServerCertificateIsSaidToHaveExpired() throws IOException {
    try (ImpostorServer s = ImpostorServer.start(CA,
        NodeCertificateRequest.forDnsNames("localhost").withIpAddresses(List.of("127.0.0.1"))
            .withNotBefore(Instant.now().minus(Duration.ofDays(10)))
            .withValidity(Duration.ofDays(1)))) {
      assertThat(refused(s, context(CA.certificate())).getMessage())
          .contains("is not trusted").contains("expired");
    }
  }

  @Test
  void aServerSignedByACaThatHasExpiredIsNotTrustedAndTheMessageSaysExpired() throws IOException {
    CertificateAuthority old = Certificates.createCa(CaRequest.of("expired CA")
        .withNotBefore(Instant.now().minus(Duration.ofDays(40))).withValidity(Duration.ofDays(30)));
    try (ImpostorServer s = ImpostorServer.start(old,
        NodeCertificateRequest.forDnsNames("localhost").withIpAddresses(List.of("127.0.0.1"))
            .withNotBefore(Instant.now().minus(Duration.ofDays(39))).withValidity(Duration.ofDays(20)))) {
      assertThat(refused(s, context(old.certificate())).getMessage())
          .contains("is not trusted").contains("expired").doesNotContain("cannot reach");
    }
  }

  static SSLContext context(X509Certificate ca) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, tmf.getTrustManagers(), null);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A context a careless caller might build: it trusts every chain (no host check of its own). */
  static SSLContext trustAll() {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
        @Override public void checkClientTrusted(X509Certificate[] ch, String a, Socket s) {}
        @Override public void checkServerTrusted(X509Certificate[] ch, String a, Socket s) {}
        @Override public void checkClientTrusted(X509Certificate[] ch, String a, SSLEngine e) {}
        @Override public void checkServerTrusted(X509Certificate[] ch, String a, SSLEngine e) {}
        @Override public void checkClientTrusted(X509Certificate[] ch, String a) {}
        @Override public void checkServerTrusted(X509Certificate[] ch, String a) {}
        @Override public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, null);
      return c;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
