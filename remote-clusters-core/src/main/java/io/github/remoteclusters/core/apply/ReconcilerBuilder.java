package io.github.remoteclusters.core.apply;

import io.github.remoteclusters.core.internal.apply.DefaultReconciler;
import io.github.remoteclusters.core.internal.es.EsConnector;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.spi.ClusterAccess;
import io.github.remoteclusters.core.spi.CredentialWriter;
import io.github.remoteclusters.core.spi.OwnershipStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link Reconciler}; every setting has a default.
 *
 * @since 0.1.0
 */
public final class ReconcilerBuilder {

  private ClusterAccess access = ClusterAccess.fromTopology();
  private OwnershipStore ownership = OwnershipStore.inMemory();
  private CredentialWriter credentials = CredentialWriter.manual();
  private RemoteClusterPlanner planner = RemoteClusterPlanner.create();
  private boolean dryRun;
  private Duration verifyTimeout = Duration.ofSeconds(30);
  private Duration pollInterval = Duration.ofMillis(200);
  private boolean continueOnFailure;
  private boolean adoptExisting;
  private ProgressListener progress = ProgressListener.NONE;

  ReconcilerBuilder() {}

  /**
   * How to reach each cluster; default: its topology {@code url}, no credentials.
   *
   * @param value the access
   * @return this builder
   */
  public ReconcilerBuilder access(ClusterAccess value) {
    this.access = Objects.requireNonNull(value, "access");
    return this;
  }

  /**
   * Where the owned aliases are kept; default: in memory.
   *
   * @param value the store
   * @return this builder
   */
  public ReconcilerBuilder ownership(OwnershipStore value) {
    this.ownership = Objects.requireNonNull(value, "ownership");
    return this;
  }

  /**
   * Where API key credentials go; default: {@link CredentialWriter#manual()}.
   *
   * @param value the writer
   * @return this builder
   */
  public ReconcilerBuilder credentials(CredentialWriter value) {
    this.credentials = Objects.requireNonNull(value, "credentials");
    return this;
  }

  /**
   * The planner; default: {@link RemoteClusterPlanner#create()}.
   *
   * @param value the planner
   * @return this builder
   */
  public ReconcilerBuilder planner(RemoteClusterPlanner value) {
    this.planner = Objects.requireNonNull(value, "planner");
    return this;
  }

  /**
   * Only read, and report the requests that would be sent; default false.
   *
   * @param value whether to write nothing
   * @return this builder
   */
  public ReconcilerBuilder dryRun(boolean value) {
    this.dryRun = value;
    return this;
  }

  /**
   * How long to wait for changed aliases to connect; {@link Duration#ZERO} to not wait; default
   * 30 seconds.
   *
   * @param value the timeout
   * @return this builder
   */
  public ReconcilerBuilder verifyTimeout(Duration value) {
    this.verifyTimeout = Objects.requireNonNull(value, "verifyTimeout");
    return this;
  }

  /**
   * The pause between two polls while verifying; default 200 ms.
   *
   * @param value the interval
   * @return this builder
   */
  public ReconcilerBuilder pollInterval(Duration value) {
    this.pollInterval = Objects.requireNonNull(value, "pollInterval");
    return this;
  }

  /**
   * Go on with the next cluster after a failure; default false (later clusters are skipped).
   *
   * @param value whether to continue
   * @return this builder
   */
  public ReconcilerBuilder continueOnFailure(boolean value) {
    this.continueOnFailure = value;
    return this;
  }

  /**
   * Take over aliases that exist but were not created by this tool; default false (such an
   * alias is a conflict and left alone).
   *
   * @param value whether to adopt
   * @return this builder
   */
  public ReconcilerBuilder adoptExisting(boolean value) {
    this.adoptExisting = value;
    return this;
  }

  /**
   * Receives progress events; default none.
   *
   * @param value the listener
   * @return this builder
   */
  public ReconcilerBuilder progress(ProgressListener value) {
    this.progress = Objects.requireNonNull(value, "progress");
    return this;
  }

  /**
   * The configuration built so far.
   *
   * @return the immutable configuration
   */
  public ReconcilerConfig config() {
    return new ReconcilerConfig(
        access, ownership, credentials, planner, dryRun, verifyTimeout, pollInterval,
        continueOnFailure, adoptExisting, progress);
  }

  /**
   * Builds the reconciler, talking to Elasticsearch through the official {@code
   * elasticsearch-java} client.
   *
   * @return the reconciler; close it to close its connections
   */
  public Reconciler build() {
    return new DefaultReconciler(config(), EsConnector.rest5());
  }
}
