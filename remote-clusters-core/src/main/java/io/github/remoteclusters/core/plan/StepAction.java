package io.github.remoteclusters.core.plan;

/**
 * What a plan step does; the vocabulary of plan output.
 *
 * @since 0.1.0
 */
public enum StepAction {
  /** Turn on the remote cluster server (port 9443) of the remote cluster. */
  ENABLE_REMOTE_CLUSTER_SERVER,
  /** Make a Kubernetes service reachable from outside its cluster. */
  EXPOSE_SERVICE,
  /** Make one cluster trust the other's certificate authority. */
  TRUST_CA,
  /** {@code POST /_security/cross_cluster/api_key} on the remote cluster. */
  CREATE_CROSS_CLUSTER_API_KEY,
  /** {@code PUT /_security/cross_cluster/api_key/<id>}: give an existing key the planned access. */
  UPDATE_CROSS_CLUSTER_API_KEY,
  /** Put {@code cluster.remote.<alias>.credentials} into the local cluster's keystore. */
  STORE_CREDENTIALS,
  /** {@code POST /_nodes/reload_secure_settings} (or a restart where that is the only way). */
  RELOAD_SECURE_SETTINGS,
  /** {@code PUT /_cluster/settings} with the alias's {@code cluster.remote.*} keys. */
  PUT_REMOTE_SETTINGS,
  /** Change the {@code spec} of an ECK {@code Elasticsearch} resource. */
  PATCH_ECK_RESOURCE,
  /** Create the local role that grants {@code remote_indices} privileges through the alias. */
  CREATE_LOCAL_ROLE,
  /** {@code GET /_remote/info} and check that the alias is connected. */
  VERIFY_CONNECTED,
  /** {@code PUT /_cluster/settings} nulling every key of the alias. */
  REMOVE_REMOTE_SETTINGS,
  /** {@code DELETE /_security/api_key}: invalidate the cross-cluster API key of a link, by id. */
  INVALIDATE_API_KEY,
  /** Remove {@code cluster.remote.<alias>.credentials} from the local cluster's keystore. */
  REMOVE_CREDENTIALS,
  /** {@code DELETE /_security/role/<name>}: the local role a removed API-key link made. */
  DELETE_LOCAL_ROLE,
  /** The link changes security model: the steps that follow migrate it (see its payload). */
  MIGRATE_SECURITY_MODEL,
  /** Anything else a person has to do. */
  MANUAL
}
