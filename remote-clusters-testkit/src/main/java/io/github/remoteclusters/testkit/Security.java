package io.github.remoteclusters.testkit;

/**
 * How a test cluster is secured.
 *
 * <p>Secured clusters run x-pack from Maven Central jars: licensing with a self-generated {@code
 * trial} licence (so the API-key model, which needs the Enterprise level, works) and the security
 * plugin without its SAML realm (OpenSAML is not on Maven Central), with a superuser in the file
 * realm. See docs/testkit.md.
 *
 * @since 0.1.0
 */
public enum Security {

  /** No x-pack at all: plain HTTP, no authentication (the default). */
  NONE,

  /**
   * x-pack security with a file-realm superuser and a trial licence; HTTP and transport without
   * TLS.
   */
  AUTHENTICATION,

  /**
   * As {@link #AUTHENTICATION}, plus HTTPS and transport TLS ({@code verification_mode: full}) with
   * a node certificate signed by the cluster's CA, and, on request, a remote cluster server with
   * TLS of its own. Certificates are made by remote-clusters-security.
   */
  TLS;

  /**
   * Whether x-pack security is on.
   *
   * @return true for {@link #AUTHENTICATION} and {@link #TLS}
   */
  public boolean enabled() {
    return this != NONE;
  }
}
