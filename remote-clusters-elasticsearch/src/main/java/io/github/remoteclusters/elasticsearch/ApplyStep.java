package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.core.plan.StepAction;
import java.util.Optional;

/**
 * What an apply or status run was doing when it failed: a step of the plan, or one of the reads
 * and bookkeeping calls around the steps.
 *
 * <p>One vocabulary with the plan: a constant that carries out a plan step has the name of the
 * plan's {@link StepAction} and returns it from {@link #action()} ({@code PUT_REMOTE_SETTINGS} is
 * {@link StepAction#PUT_REMOTE_SETTINGS}); the other constants ({@code PLAN}, {@code CONNECT}, the
 * reads, {@code OWNERSHIP}, {@code APPLY}) name what the executor does around the steps and have no
 * action. Removals are reported under the step of the same request: a failed {@code
 * REMOVE_REMOTE_SETTINGS} as {@code PUT_REMOTE_SETTINGS}, a failed {@code REMOVE_CREDENTIALS} (the
 * credential writer) as {@code STORE_CREDENTIALS}.
 *
 * @since 0.1.0
 */
public enum ApplyStep {
  /** Check the plan before anything runs. */
  PLAN(null),
  /** Open a connection to the cluster. */
  CONNECT(null),
  /** {@code GET /_cluster/settings}. */
  READ_SETTINGS(null),
  /** {@code GET /_remote/info}. */
  READ_REMOTE_INFO(null),
  /** {@code GET /_security/api_key}: find the keys of a link. */
  LIST_API_KEYS(null),
  /** {@code POST /_security/cross_cluster/api_key}. */
  CREATE_CROSS_CLUSTER_API_KEY(StepAction.CREATE_CROSS_CLUSTER_API_KEY),
  /** {@code PUT /_security/cross_cluster/api_key/<id>}. */
  UPDATE_CROSS_CLUSTER_API_KEY(StepAction.UPDATE_CROSS_CLUSTER_API_KEY),
  /** Put the encoded key into the local keystore. */
  STORE_CREDENTIALS(StepAction.STORE_CREDENTIALS),
  /** {@code POST /_nodes/reload_secure_settings}. */
  RELOAD_SECURE_SETTINGS(StepAction.RELOAD_SECURE_SETTINGS),
  /** {@code GET /_security/role/<name>}: compare the local role with the plan's. */
  READ_LOCAL_ROLE(null),
  /** {@code PUT /_security/role/<name>}. */
  CREATE_LOCAL_ROLE(StepAction.CREATE_LOCAL_ROLE),
  /** {@code DELETE /_security/role/<name>}: the local role of a removed link. */
  DELETE_LOCAL_ROLE(StepAction.DELETE_LOCAL_ROLE),
  /** {@code PUT /_cluster/settings}. */
  PUT_REMOTE_SETTINGS(StepAction.PUT_REMOTE_SETTINGS),
  /** {@code DELETE /_security/api_key}. */
  INVALIDATE_API_KEY(StepAction.INVALIDATE_API_KEY),
  /** Wait for {@code GET /_remote/info} to show the alias connected. */
  VERIFY_CONNECTED(StepAction.VERIFY_CONNECTED),
  /**
   * Read or save the ownership record ({@link io.github.remoteclusters.elasticsearch.spi.OwnershipStore}):
   * an invalid file, or a lock another run holds.
   */
  OWNERSHIP(null),
  /** Anything else that failed unexpectedly. */
  APPLY(null);

  private final StepAction action;

  ApplyStep(StepAction action) {
    this.action = action;
  }

  /**
   * The plan's action this step carries out.
   *
   * @return the action of the same name, or empty for the reads and bookkeeping around the steps
   */
  public Optional<StepAction> action() {
    return Optional.ofNullable(action);
  }
}
