package io.github.remoteclusters.security;

/**
 * How serious a finding is.
 *
 * @since 0.1.0
 */
public enum Severity {
  /** The set-up will fail: Elasticsearch rejects it or the TLS handshake will not complete. */
  ERROR,
  /** The set-up works but is risky or will stop working later. */
  WARNING
}
