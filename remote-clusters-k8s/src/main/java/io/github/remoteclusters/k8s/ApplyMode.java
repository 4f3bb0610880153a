package io.github.remoteclusters.k8s;

/**
 * How changed resources are written to the API server.
 *
 * <p>Experimental API.
 *
 * @since 0.1.0
 */
public enum ApplyMode {
  /**
   * Server-side apply with this adapter's field manager and {@code force=true}: the default for
   * real API servers.
   */
  SERVER_SIDE_APPLY,
  /**
   * Create missing resources and send a JSON merge patch of the difference for existing ones; for
   * API servers without server-side apply, such as fabric8's mock server in CRUD mode.
   */
  CREATE_OR_PATCH
}
