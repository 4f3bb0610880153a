package io.github.remoteclusters.elasticsearch.internal.es;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Says what went wrong when a TLS connection to a cluster failed, in words that tell a certificate
 * that names another host from one that is not trusted from a server that cannot be reached. In
 * every case nothing was sent: no request, no {@code Authorization} header. Not API.
 */
public final class TlsFailure {

  /** What kind of TLS failure. */
  public enum Kind {
    /** The certificate does not name the host of the URL. */
    HOST_NAME,
    /** The certificate chain is not trusted (unknown CA, expired, not yet valid). */
    NOT_TRUSTED,
    /** Another TLS failure (no TLS at that port, no common protocol). */
    OTHER
  }

  private TlsFailure() {}

  /**
   * The kind of a TLS failure.
   *
   * @param failure what failed, with its causes
   * @return the kind, or null when the failure is not about TLS
   */
  public static Kind kind(Throwable failure) {
    if (EsSession.find(failure, SSLPeerUnverifiedException.class) != null) {
      return Kind.HOST_NAME;
    }
    if (EsSession.find(failure, CertificateExpiredException.class) != null
        || EsSession.find(failure, CertificateNotYetValidException.class) != null
        || EsSession.find(failure, CertPathBuilderException.class) != null
        || EsSession.find(failure, CertPathValidatorException.class) != null) {
      return Kind.NOT_TRUSTED;
    }
    return EsSession.find(failure, SSLException.class) != null ? Kind.OTHER : null;
  }

  /**
   * The reason of a TLS failure.
   *
   * @param failure what the client threw
   * @param url the cluster URL, redacted
   * @param ownTrust whether the endpoint has its own trust (a CA file) rather than the JVM's CAs
   * @return the reason, or null when the failure is not about TLS
   */
  static String describe(Throwable failure, String url, boolean ownTrust) {
    String nothingSent = "; nothing was sent to it (no request, no credentials)";
    SSLPeerUnverifiedException name = EsSession.find(failure, SSLPeerUnverifiedException.class);
    if (name != null) {
      return "refused " + url + ": its TLS certificate does not match the host name of the URL: "
          + name.getMessage() + nothingSent
          + ". Use a URL whose host the certificate names, or give the node a certificate that"
          + " names this host; host-name verification cannot be turned off";
    }
    String trustedBy = ownTrust
        ? "the CA certificates of the cluster's caFile"
        : "the JVM's default CAs (name the cluster's CA in caFile)";
    CertificateExpiredException expired = EsSession.find(failure, CertificateExpiredException.class);
    if (expired != null) {
      return "the TLS certificate chain of " + url + " is not trusted: a certificate has expired ("
          + expired.getMessage() + ")" + nothingSent;
    }
    CertificateNotYetValidException early =
        EsSession.find(failure, CertificateNotYetValidException.class);
    if (early != null) {
      return "the TLS certificate chain of " + url + " is not trusted: a certificate is not valid"
          + " yet (" + early.getMessage() + ")" + nothingSent;
    }
    if (EsSession.find(failure, CertPathBuilderException.class) != null
        || EsSession.find(failure, CertPathValidatorException.class) != null) {
      return "the TLS certificate of " + url + " is not trusted by " + trustedBy + ": "
          + innermost(failure) + nothingSent;
    }
    SSLHandshakeException handshake = EsSession.find(failure, SSLHandshakeException.class);
    if (handshake != null) {
      return "the TLS handshake with " + url + " failed: " + handshake.getMessage() + nothingSent;
    }
    SSLException other = EsSession.find(failure, SSLException.class);
    if (other != null) {
      return "TLS with " + url + " failed (is it an HTTPS port?): " + other.getMessage()
          + nothingSent;
    }
    return null;
  }

  private static String innermost(Throwable t) {
    Throwable last = t;
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c.getMessage() != null) {
        last = c;
      }
    }
    return String.valueOf(last.getMessage());
  }
}
