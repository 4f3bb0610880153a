package io.github.remoteclusters.security;

/**
 * How serious a finding or a problem is; the one severity of the library (certificate and API-key
 * findings here, topology, settings and plan problems in core).
 *
 * @since 0.1.0
 */
public enum Severity {
  /**
   * The set-up will fail as written: Elasticsearch rejects it or the TLS handshake will not
   * complete; nothing is planned for it.
   */
  ERROR,
  /**
   * The set-up works but deserves attention: it is risky, deprecated, beta or will stop working
   * later.
   */
  WARNING;

  /**
   * The lower-case name used in JSON output.
   *
   * @return {@code error} or {@code warning}
   */
  public String id() {
    return this == ERROR ? "error" : "warning";
  }
}
