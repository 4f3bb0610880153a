package io.github.remoteclusters.testkit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A running single-node Elasticsearch cluster in a JVM of its own, started by {@link TestClusters}
 * or by the {@link EsCluster} extension.
 *
 * <p>A secured cluster ({@link ClusterSpec#security()} other than {@link Security#NONE}) is ready
 * when started: green health, an active trial licence and a usable security index. Its {@link
 * #client()} authenticates as {@link #superuser()}, over HTTPS trusting {@link #tls()}'s CA for
 * {@link Security#TLS}.
 *
 * <p>Closing it stops the node and closes its client; the node's directory (data and logs) stays
 * under {@link #home()} for inspection. A cluster also stops when the JVM that started it exits or
 * dies. Implemented by the kit only.
 *
 * @since 0.1.0
 */
public interface TestCluster extends AutoCloseable {

  /**
   * What was started.
   *
   * @return the spec
   * @since 0.1.0
   */
  ClusterSpec spec();

  /**
   * The cluster name ({@code cluster.name}).
   *
   * @return the name from the spec
   * @since 0.1.0
   */
  default String name() {
    return spec().name();
  }

  /**
   * The Elasticsearch version the node runs.
   *
   * @return the version, such as {@code 9.5.3}
   * @since 0.1.0
   */
  String version();

  /**
   * How the cluster is secured.
   *
   * @return the spec's security level
   * @since 0.1.0
   */
  default Security security() {
    return spec().security();
  }

  /**
   * The HTTP address, for REST clients.
   *
   * @return a URI such as {@code http://127.0.0.1:41601}, or {@code https://...} for {@link
   *     Security#TLS}
   * @since 0.1.0
   */
  URI httpUri();

  /**
   * The file-realm superuser of a secured cluster.
   *
   * @return its credentials
   * @throws IllegalStateException when the cluster has no security
   * @since 0.1.0
   */
  Credentials superuser();

  /**
   * The certificates and key files of a {@link Security#TLS} cluster.
   *
   * @return the TLS material
   * @throws IllegalStateException when the cluster has no TLS
   * @since 0.1.0
   */
  ClusterTls tls();

  /**
   * A TLS context trusting this cluster's {@link ClusterTls#trusted()} CAs, for HTTPS clients.
   *
   * @return the context
   * @throws IllegalStateException when the cluster has no TLS
   * @since 0.1.0
   */
  SSLContext sslContext();

  /**
   * The remote cluster server address: what {@code cluster.remote.<alias>.proxy_address} and
   * {@code seeds} take in the API-key model.
   *
   * @return {@code host:port}
   * @throws IllegalStateException when the cluster runs no remote cluster server
   * @since 0.1.0
   */
  String remoteClusterServerAddress();

  /**
   * The node's keystore, for secure settings such as {@code cluster.remote.<alias>.credentials}.
   *
   * @return the keystore
   * @since 0.1.0
   */
  TestKeystore keystore();

  /**
   * A new client for this cluster authenticating as another user, closed with the cluster.
   *
   * @param user the user
   * @return the client
   * @throws IllegalStateException when the cluster has no security
   * @since 0.1.0
   */
  ElasticsearchClient clientAs(Credentials user);

  /**
   * The transport address: what {@code cluster.remote.<alias>.seeds} and {@code proxy_address}
   * take.
   *
   * @return {@code host:port}, such as {@code 127.0.0.1:42015}
   * @since 0.1.0
   */
  String transportAddress();

  /**
   * A client for this cluster, created on first use and closed with the cluster. Works against 9.x
   * and 8.x servers: for an 8.x server (version read from {@code GET /}) it sends {@code
   * compatible-with=8}.
   *
   * @return the client, the same instance on every call
   * @since 0.1.0
   */
  ElasticsearchClient client();

  /**
   * The node's directory: {@code data/}, {@code config/} and {@code logs/}.
   *
   * @return an absolute path
   * @since 0.1.0
   */
  Path home();

  /**
   * The node's log file; kept after the node stops.
   *
   * @return {@code home()/logs/<name>.log}
   * @since 0.1.0
   */
  Path logFile();

  /**
   * How long the node took from launch to serving requests; for a secured cluster, to being ready
   * (green, licensed, security index usable).
   *
   * @return the start-up time
   * @since 0.1.0
   */
  Duration startupTime();

  /**
   * The operating-system process id of the node's JVM.
   *
   * @return the pid
   * @since 0.1.0
   */
  long pid();

  /**
   * Whether the node's JVM is still running.
   *
   * @return true until the node stopped
   * @since 0.1.0
   */
  boolean isRunning();

  /**
   * Stops the node (SIGTERM, then a forced kill after 30 seconds) and closes the client. Does
   * nothing when already stopped.
   *
   * @since 0.1.0
   */
  @Override
  void close();
}
