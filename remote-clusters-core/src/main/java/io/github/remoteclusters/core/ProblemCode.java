package io.github.remoteclusters.core;

import io.github.remoteclusters.security.Severity;

/**
 * Stable codes for every problem the reader, the settings validator and the planner report.
 *
 * <p>Codes never change meaning once released; new ones may be added.
 *
 * @since 0.1.0
 */
public enum ProblemCode {
  /** The file could not be read at all (missing, not readable). */
  UNREADABLE(Severity.ERROR),
  /** The text is not well-formed YAML or JSON. */
  SYNTAX(Severity.ERROR),
  /** A key that the format does not define. */
  UNKNOWN_KEY(Severity.ERROR),
  /** A key given twice in the same object. */
  DUPLICATE_KEY(Severity.ERROR),
  /** A required key is missing. */
  MISSING_KEY(Severity.ERROR),
  /** A value of the wrong JSON type (string where a number is expected, and so on). */
  WRONG_TYPE(Severity.ERROR),
  /** A value of the right type that breaks a rule (unknown enum value, out of range, bad form). */
  INVALID_VALUE(Severity.ERROR),
  /** Two clusters with the same name. */
  DUPLICATE_NAME(Severity.ERROR),
  /** A link names a cluster that the topology does not define. */
  DANGLING_REFERENCE(Severity.ERROR),
  /** A link from a cluster to itself. */
  SELF_LINK(Severity.ERROR),
  /** Two links of the same local cluster use the same alias. */
  ALIAS_COLLISION(Severity.ERROR),
  /** An alias that Elasticsearch (or the Elastic Cloud console) does not accept. */
  INVALID_ALIAS(Severity.ERROR),
  /** The pair of versions is not supported for the use the link is for. */
  VERSION_UNSUPPORTED(Severity.ERROR),
  /** The documentation does not say whether the pair of versions is supported. */
  VERSION_UNKNOWN(Severity.WARNING),
  /** The two versions cannot talk on the transport layer. */
  WIRE_INCOMPATIBLE(Severity.ERROR),
  /** The licence level does not allow what the link needs. */
  LICENSE(Severity.ERROR),
  /** A cluster states no licence, but the link needs enterprise (or trial) to work. */
  LICENSE_UNKNOWN(Severity.WARNING),
  /** A transport trust filter ({@code trust.yml}) is missing, or would shut out the cluster's own nodes. */
  TRUST_RESTRICTIONS(Severity.WARNING),
  /**
   * A CA certificate of a cluster's {@code caFile} has expired or is not valid yet: TLS that
   * relies on it fails as not trusted. Reported by {@code apply} and {@code status} before they
   * connect.
   */
  CA_VALIDITY(Severity.WARNING),
  /** The security model is not available on one of the versions. */
  SECURITY_UNSUPPORTED(Severity.ERROR),
  /** The API-key security model is in beta on one of the versions (8.10 to 8.13). */
  SECURITY_BETA(Severity.WARNING),
  /** The certificate security model is deprecated (Elasticsearch 9.0 and later). */
  SECURITY_DEPRECATED(Severity.WARNING),
  /** Security is off: for development only. */
  SECURITY_DISABLED(Severity.WARNING),
  /** An API-key link without an {@code access} document. */
  ACCESS_REQUIRED(Severity.ERROR),
  /** An {@code access} document on a link that does not use API keys. */
  ACCESS_NOT_USED(Severity.ERROR),
  /** The {@code access} document breaks an Elasticsearch rule for cross-cluster API keys. */
  ACCESS_INVALID(Severity.ERROR),
  /** Advice about the {@code access} document (least privilege, upgrades); not an error. */
  ACCESS_ADVICE(Severity.WARNING),
  /** The remote cluster server is not enabled on the remote, and the plan has to enable it. */
  REMOTE_CLUSTER_SERVER_DISABLED(Severity.WARNING),
  /** The address the link must connect to is not known. */
  ADDRESS_REQUIRED(Severity.ERROR),
  /** The address is not {@code host:port} as Elasticsearch parses it. */
  ADDRESS_INVALID(Severity.ERROR),
  /** The address port does not match the security model (9443 for API keys, 9300/9400 else). */
  ADDRESS_PORT_MISMATCH(Severity.WARNING),
  /** Proxy mode through TLS without a TLS server name. */
  SERVER_NAME_MISSING(Severity.WARNING),
  /** An option that does not fit the connection mode or the deployment. */
  OPTION_NOT_APPLICABLE(Severity.ERROR),
  /** Something ECK cannot express or would undo. */
  ECK_UNSUPPORTED(Severity.ERROR),
  /** A call to the Kubernetes API failed (the message says which and why). */
  KUBERNETES_API_FAILED(Severity.ERROR),
  /** A resource or field this tool would change belongs to someone else, so it is left alone. */
  RESOURCE_NOT_OWNED(Severity.ERROR),
  /** {@code skip_unavailable} is not set and its default differs by the local version. */
  SKIP_UNAVAILABLE_DEFAULT(Severity.WARNING),
  /** A key of a {@code PUT _cluster/settings} body that Elasticsearch does not know. */
  SETTING_NOT_RECOGNIZED(Severity.ERROR),
  /** A setting that exists but cannot be changed through {@code PUT _cluster/settings}. */
  SETTING_NOT_DYNAMIC(Severity.ERROR),
  /** A setting value that Elasticsearch cannot parse. */
  SETTING_INVALID_VALUE(Severity.ERROR),
  /** A setting that does not fit the configured {@code mode} of its alias. */
  SETTING_MODE_MISMATCH(Severity.ERROR),
  /** A setting that needs the remote to be enabled (seeds or proxy address) in the same scope. */
  SETTING_REMOTE_NOT_ENABLED(Severity.ERROR),
  /** A malformed {@code PUT _cluster/settings} body (not an object, unknown top-level field). */
  SETTINGS_BODY_INVALID(Severity.ERROR);

  private final Severity severity;

  ProblemCode(Severity severity) {
    this.severity = severity;
  }

  /**
   * How serious problems with this code are.
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }
}
