package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.time.Duration;
import java.util.Objects;

/**
 * The immutable configuration of a {@link Reconciler}; made by {@link ReconcilerBuilder}.
 *
 * @param access how to reach each cluster
 * @param ownership which aliases this tool owns
 * @param credentials where cross-cluster API key credentials go
 * @param planner the planner
 * @param dryRun whether to only read and report what would be sent
 * @param verifyTimeout how long to wait, for all clusters together, for the changed aliases (and
 *     the owned ones found disconnected) to connect; zero to not wait
 * @param pollInterval the pause between two {@code GET _remote/info} while verifying
 * @param continueOnFailure whether to go on with the writes of the next clusters after a cluster
 *     failed to be read or written; a link that does not connect never stops the others, since
 *     every written cluster is verified at once, after all writes
 * @param adoptExisting whether to take over an alias that exists but this tool does not own
 * @param progress the progress listener
 * @param connectTimeout how long to wait for a connection to a cluster's REST API
 * @param requestTimeout how long one request may take in all (retries included), and how long a
 *     connection may stay silent while waiting for an answer
 * @since 0.1.0
 */
public record ReconcilerConfig(
    ClusterAccess access,
    OwnershipStore ownership,
    CredentialWriter credentials,
    RemoteClusterPlanner planner,
    boolean dryRun,
    Duration verifyTimeout,
    Duration pollInterval,
    boolean continueOnFailure,
    boolean adoptExisting,
    ProgressListener progress,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** Checks the components. */
  public ReconcilerConfig {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(ownership, "ownership");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(planner, "planner");
    Objects.requireNonNull(verifyTimeout, "verifyTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout [" + connectTimeout + "] must be positive");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout [" + requestTimeout + "] must be positive");
    }
    if (verifyTimeout.isNegative()) {
      throw new IllegalArgumentException("verifyTimeout [" + verifyTimeout + "] must not be negative");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval [" + pollInterval + "] must be positive");
    }
  }
}
