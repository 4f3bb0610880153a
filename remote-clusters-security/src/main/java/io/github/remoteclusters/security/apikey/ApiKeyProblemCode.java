package io.github.remoteclusters.security.apikey;

/**
 * Stable codes of API key and role problems and warnings.
 *
 * @since 0.1.0
 */
public enum ApiKeyProblemCode {
  /** The body is not a JSON object. */
  NOT_AN_OBJECT,
  /** A field Elasticsearch's strict parser does not know. */
  UNKNOWN_FIELD,
  /** A value of the wrong JSON type, including {@code null}. */
  WRONG_TYPE,
  /** A required field is missing. */
  REQUIRED,
  /** The key name breaks a name rule. */
  INVALID_NAME,
  /** A metadata key starts with {@code _}. */
  RESERVED_METADATA_KEY,
  /** Neither {@code search} nor {@code replication} has an entry. */
  EMPTY_ACCESS,
  /** An access entry sets {@code privileges}. */
  PRIVILEGES_NOT_ALLOWED,
  /** {@code names} is an empty array. */
  EMPTY_NAMES,
  /** {@code field_security.except} without {@code grant}. */
  FIELD_SECURITY_WITHOUT_GRANT,
  /** A replication entry uses DLS or FLS. */
  REPLICATION_WITH_DLS_FLS,
  /** A search entry uses DLS or FLS while replication is present (8.14+). */
  SEARCH_DLS_FLS_WITH_REPLICATION,
  /** {@code expiration} is not a time value. */
  INVALID_EXPIRATION,
  /** The remote's version does not support the feature. */
  UNSUPPORTED_VERSION,
  /** Warning: {@code names: ["*"]} grants every index. */
  ALL_INDICES,
  /** Warning: {@code allow_restricted_indices: true}. */
  RESTRICTED_INDICES,
  /** Warning: the key never expires. */
  NO_EXPIRATION,
  /** Warning: a combination that works now but stops working after an upgrade. */
  BREAKS_ON_UPGRADE,
  /** Warning: the key lacks a privilege a feature needs on this version. */
  MISSING_PRIVILEGE,
  /** A role's {@code remote_indices} or {@code remote_cluster} entry is invalid. */
  INVALID_ROLE
}
