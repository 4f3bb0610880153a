package io.github.remoteclusters.elasticsearch;

/**
 * What an apply or status run was doing when it failed: a step of the plan, or one of the reads
 * and bookkeeping calls around the steps.
 *
 * @since 0.1.0
 */
public enum ApplyStep {
  /** Check the plan before anything runs. */
  PLAN,
  /** Open a connection to the cluster. */
  CONNECT,
  /** {@code GET /_cluster/settings}. */
  READ_SETTINGS,
  /** {@code GET /_remote/info}. */
  READ_REMOTE_INFO,
  /** {@code GET /_security/api_key}: find the keys of a link. */
  LIST_API_KEYS,
  /** {@code POST /_security/cross_cluster/api_key}. */
  CREATE_CROSS_CLUSTER_API_KEY,
  /** {@code PUT /_security/cross_cluster/api_key/<id>}. */
  UPDATE_CROSS_CLUSTER_API_KEY,
  /** Put the encoded key into the local keystore. */
  STORE_CREDENTIALS,
  /** {@code POST /_nodes/reload_secure_settings}. */
  RELOAD_SECURE_SETTINGS,
  /** {@code GET /_security/role/<name>}: compare the local role with the plan's. */
  READ_LOCAL_ROLE,
  /** {@code PUT /_security/role/<name>}. */
  CREATE_LOCAL_ROLE,
  /** {@code DELETE /_security/role/<name>}: the local role of a removed link. */
  DELETE_LOCAL_ROLE,
  /** {@code PUT /_cluster/settings}. */
  PUT_REMOTE_SETTINGS,
  /** {@code DELETE /_security/api_key}. */
  INVALIDATE_API_KEY,
  /** Wait for {@code GET /_remote/info} to show the alias connected. */
  VERIFY_CONNECTED,
  /**
   * Read or save the ownership record ({@link io.github.remoteclusters.elasticsearch.spi.OwnershipStore}):
   * an invalid file, or a lock another run holds.
   */
  OWNERSHIP,
  /** Anything else that failed unexpectedly. */
  APPLY
}
