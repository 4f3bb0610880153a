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
   * Create missing resources and patch existing ones with the difference (a JSON patch guarded by
   * the resource version for {@code Elasticsearch}, a JSON merge patch for owned resources); for
   * API servers without server-side apply, such as fabric8's mock server in CRUD mode.
   */
  CREATE_OR_PATCH
}
