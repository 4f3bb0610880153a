package io.github.remoteclusters.elasticsearch.internal.apply;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Shakes hands with a TLS address to see the certificate it presents, and whether that certificate
 * names the host of the address (hostname verification as {@code verification_mode: full} does
 * it). Nothing is sent after the handshake. Not API (public for the watcher).
 */
public final class TlsProbe {

  private TlsProbe() {}

  /**
   * What the address presented.
   *
   * @param issuer the issuer of its leaf certificate (RFC 2253)
   * @param selfSigned whether the leaf is its own issuer
   * @param nameError the JDK's hostname verification failure, or null when the name matches
   * @param chain the certificates presented, leaf first
   */
  public record Result(
      String issuer, boolean selfSigned, String nameError, java.util.List<X509Certificate> chain) {
    /** Copies the chain. */
    public Result {
      chain = java.util.List.copyOf(chain);
    }
  }

  /**
   * Shakes hands with {@code host:port}.
   *
   * @param address the address
   * @param millis connect and read timeout
   * @return what it presented, or null when it does not speak TLS or cannot be reached
   */
  public static Result handshake(String address, int millis) {
    int sep = address.lastIndexOf(':');
    int port = Diagnoser.port(address);
    if (sep < 0 || port <= 0 || port > 65535) {
      return null;
    }
    String host = address.substring(0, sep);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    Capture capture = new Capture();
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {capture}, null);
      try (Socket plain = new Socket()) {
        plain.connect(new InetSocketAddress(host, port), millis);
        plain.setSoTimeout(millis);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory()
            .createSocket(plain, host, port, false)) {
          SSLParameters p = s.getSSLParameters();
          p.setEndpointIdentificationAlgorithm("HTTPS");
          s.setSSLParameters(p);
          s.startHandshake();
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      // the server may refuse us for want of a client certificate: what it presented is kept
    }
    if (capture.leaf == null) {
      return null;
    }
    X509Certificate leaf = capture.leaf;
    return new Result(leaf.getIssuerX500Principal().getName(),
        leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal()), capture.nameError,
        capture.chain);
  }

  /**
   * Keeps the presented chain and runs the JDK's hostname check against it, trusting the chain's
   * own top certificate (trust is judged separately, against what the local cluster trusts).
   */
  private static final class Capture extends X509ExtendedTrustManager {
    X509Certificate leaf;
    java.util.List<X509Certificate> chain = java.util.List.of();
    String nameError;

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      leaf = chain[0];
      this.chain = java.util.List.of(chain);
      try {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("top", chain[chain.length - 1]);
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
          if (tm instanceof X509ExtendedTrustManager x) {
            x.checkServerTrusted(chain, authType, socket);
          }
        }
      } catch (CertificateException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("subject alternative") || m.contains("No name matching")) {
          nameError = m;
        }
      } catch (IOException | GeneralSecurityException e) {
        // no judgement on the name
      }
      throw new CertificateException("probe only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      leaf = chain[0];
      this.chain = java.util.List.of(chain);
      throw new CertificateException("probe only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      leaf = chain[0];
      this.chain = java.util.List.of(chain);
      throw new CertificateException("probe only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
