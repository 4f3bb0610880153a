package io.github.remoteclusters.elasticsearch.internal.es;

import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpClientHostnameVerifier;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;

/**
 * The TLS strategy of every HTTPS connection to a cluster: the server's certificate must be
 * trusted by the context <em>and</em> name the host of the URL (RFC 2818 / RFC 6125, as curl and
 * browsers check it), verified by Apache HttpClient's {@code DefaultHostnameVerifier} right after
 * the handshake and before the first request byte, so that no {@code Authorization} header reaches
 * a server that holds a certificate for another name, even one signed by a trusted CA. Not API.
 *
 * <p>There is no switch to turn this off. The verifier runs whatever trust managers the context
 * has (a context that trusts every chain still gets its host names checked).
 *
 * <p>Why not the JDK's built-in check ({@code SSLParameters.setEndpointIdentificationAlgorithm})
 * alone: Apache HttpClient 5.6's async TLS strategy sets it on the engine parameters only after
 * applying them, so that "built-in" verification does nothing there; the client-side verifier
 * does run, and its message names the host and the certificate's names.
 */
public final class HostNameVerification {

  private HostNameVerification() {}

  /**
   * The strategy for a context.
   *
   * @param context what to trust, or null for the JVM's default context
   * @return a strategy that verifies host names
   */
  public static TlsStrategy tlsStrategy(SSLContext context) {
    SSLContext ctx;
    try {
      ctx = context == null ? SSLContext.getDefault() : context;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
    return ClientTlsStrategyBuilder.create()
        .setSslContext(ctx)
        .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
        .setHostnameVerifier(new NamingVerifier())
        .buildAsync();
  }

  /**
   * The names a certificate holds, for messages: every subject alternative name as {@code
   * DNS:name} or {@code IP:address}, and the subject.
   *
   * @param certificate the certificate
   * @return the names
   */
  static String names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          Object type = san.get(0);
          if (Integer.valueOf(2).equals(type)) {
            names.add("DNS:" + san.get(1));
          } else if (Integer.valueOf(7).equals(type)) {
            names.add("IP:" + san.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      names.add("(unreadable subject alternative names)");
    }
    return "subject alternative names " + names + ", subject ["
        + certificate.getSubjectX500Principal().getName() + "]";
  }

  /**
   * Apache HttpClient's {@link DefaultHostnameVerifier}, whose failure also lists every name the
   * certificate holds (the verifier itself lists only those of the host's type).
   */
  private static final class NamingVerifier implements HttpClientHostnameVerifier {
    private final DefaultHostnameVerifier delegate = new DefaultHostnameVerifier();

    @Override
    public void verify(String host, X509Certificate certificate) throws SSLException {
      try {
        delegate.verify(host, certificate);
      } catch (SSLException e) {
        SSLPeerUnverifiedException named = new SSLPeerUnverifiedException(
            e.getMessage() + " (the certificate has " + names(certificate) + ")");
        named.initCause(e);
        throw named;
      }
    }

    @Override
    public boolean verify(String host, SSLSession session) {
      return delegate.verify(host, session);
    }
  }
}
