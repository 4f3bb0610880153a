package io.github.remoteclusters.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.remoteclusters.elasticsearch.internal.access.ClientsAccess;
import io.github.remoteclusters.elasticsearch.internal.apply.DefaultReconciler;
import io.github.remoteclusters.elasticsearch.internal.es.EsConnector;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.elasticsearch.spi.ClusterAccess;
import io.github.remoteclusters.elasticsearch.spi.CredentialWriter;
import io.github.remoteclusters.elasticsearch.spi.OwnershipStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Reconciler}; every setting has a default.
 *
 * @since 0.1.0
 */
public final class ReconcilerBuilder {

  /** The connect timeout when none is set: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = EsConnector.DEFAULT_CONNECT_TIMEOUT;

  /** The request timeout when none is set: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = EsConnector.DEFAULT_REQUEST_TIMEOUT;


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
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private final Map<String, ElasticsearchClient> clients = new LinkedHashMap<>();

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
   * Reaches a cluster through an elasticsearch-java client of your own (its transport carries your
   * authentication, proxies, metrics and TLS) instead of its {@link #access(ClusterAccess)}
   * endpoint; {@code apply}, {@code status}, {@code rotateApiKey} and a {@link
   * io.github.remoteclusters.elasticsearch.watch.LinkWatcher} built from {@link #config()} all use
   * it. Every request is still counted and bounded by the {@link #requestTimeout(Duration)} (a
   * request past it fails naming the cluster and the request; the client's own timeouts apply as
   * well), and the version is detected with {@code GET /}. The client's transport is responsible
   * for verifying the host name of an HTTPS server against its certificate (connections the
   * reconciler makes itself always verify it). The reconciler never closes the client: close it
   * yourself after the reconciler. A later call for the same cluster replaces the client; a name
   * that is not a cluster of the topology is never used.
   *
   * @param clusterName the cluster's name in the topology
   * @param client the client
   * @return this builder
   */
  public ReconcilerBuilder client(String clusterName, ElasticsearchClient client) {
    Objects.requireNonNull(clusterName, "clusterName");
    clients.put(clusterName, Objects.requireNonNull(client, "client"));
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
   * How long to wait for changed aliases (and owned ones found disconnected) to connect: one
   * deadline for all clusters of a run, verified together after all writes; {@link Duration#ZERO}
   * to not wait; default 30 seconds.
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
   * Go on with the writes of the next clusters after a cluster failed to be read or written;
   * default false (their writes are skipped). A link that does not connect in time fails its
   * cluster but never skips another: verification runs after all writes.
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
   * How long to wait for a TCP (and TLS) connection to a cluster's REST API; default {@link
   * #DEFAULT_CONNECT_TIMEOUT}.
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException when the duration is zero or negative
   */
  public ReconcilerBuilder connectTimeout(Duration value) {
    this.connectTimeout = positive(value, "connectTimeout");
    return this;
  }

  /**
   * How long one request to a cluster may take in all, retries included; also how long a
   * connection may stay silent while an answer is awaited. A request past it fails with a message
   * naming the cluster, the request and the time waited. Default {@link #DEFAULT_REQUEST_TIMEOUT}.
   *
   * @param value a positive duration
   * @return this builder
   * @throws IllegalArgumentException when the duration is zero or negative
   */
  public ReconcilerBuilder requestTimeout(Duration value) {
    this.requestTimeout = positive(value, "requestTimeout");
    return this;
  }

  private static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " [" + value + "] must be positive");
    }
    return value;
  }

  /**
   * The configuration built so far.
   *
   * @return the immutable configuration
   */
  public ReconcilerConfig config() {
    return new ReconcilerConfig(
        clients.isEmpty() ? access : new ClientsAccess(access, clients), ownership, credentials, planner, dryRun, verifyTimeout, pollInterval,
        continueOnFailure, adoptExisting, progress, connectTimeout, requestTimeout);
  }

  /**
   * Builds the reconciler, talking to Elasticsearch through the official {@code
   * elasticsearch-java} client.
   *
   * @return the reconciler; close it to close its connections
   */
  public Reconciler build() {
    ReconcilerConfig c = config();
    return new DefaultReconciler(c, EsConnector.rest5(c.connectTimeout(), c.requestTimeout()));
  }
}
