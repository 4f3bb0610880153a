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
   * The default: {@code Elasticsearch} is changed with a JSON patch of only the fields and list
   * entries this adapter owns, guarded by a {@code test} of {@code metadata.resourceVersion};
   * resources the adapter owns whole (its Secrets, ConfigMaps, Services) are written with
   * server-side apply. ECK's CRD declares {@code spec.nodeSets}, {@code spec.remoteClusters} and
   * {@code spec.secureSettings} as plain (atomic) lists, so a server-side apply that sends them
   * would own the whole list and fight the user's own field manager (kubectl, Argo CD, Helm).
   */
  PATCH_OWNED,
  /**
   * Server-side apply with this adapter's field manager and {@code force=true}, also for {@code
   * Elasticsearch}: the adapter then co-owns every list it sends ({@code nodeSets}, {@code
   * remoteClusters}, {@code secureSettings}) and takes them over from the user's manager. Only for
   * resources nobody else applies.
   */
  SERVER_SIDE_APPLY,
  /**
   * Create missing resources and patch existing ones with the difference (a JSON patch guarded by
   * the resource version for {@code Elasticsearch}, a JSON merge patch for owned resources); for
   * API servers without server-side apply, such as fabric8's mock server in CRUD mode.
   */
  CREATE_OR_PATCH
}
