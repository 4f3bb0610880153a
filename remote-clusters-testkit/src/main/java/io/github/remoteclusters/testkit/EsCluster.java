package io.github.remoteclusters.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running Elasticsearch cluster, or its client, in a field.
 *
 * <pre>{@code
 * class RemoteLinkIT {
 *   @EsCluster static TestCluster local;                        // 9.5.3, named "local"
 *   @EsCluster(version = "8.19.21") static TestCluster remote;  // started in parallel
 *   @EsCluster(name = "local") static ElasticsearchClient client; // local's client
 *
 *   @Test
 *   void links() throws IOException {
 *     client.cluster().putSettings(p -> p.persistent("cluster.remote.r.seeds",
 *         JsonData.of(List.of(remote.transportAddress()))));
 *   }
 * }
 * }</pre>
 *
 * <p>The annotated field must have type {@link TestCluster} or {@code
 * co.elastic.clients.elasticsearch.ElasticsearchClient}. Fields naming the same cluster share it.
 * Every cluster of a test class is started in parallel before its first test (JUnit's {@code
 * BeforeAll}) and stopped after its last one, whether the fields are static or not: tests in a
 * class share the clusters, so give each test its own indices and aliases. Each node's directory
 * and log are under {@code target/remote-clusters-testkit/<test class>/<cluster name>}. A cluster
 * that cannot start fails the class with a {@link TestClusterException} holding its log's tail.
 *
 * <p>A secured cluster ({@code security = Security.TLS}, {@code remoteClusterServer = true}) is
 * injected once ready, with a superuser client over HTTPS; see {@link TestCluster}.
 *
 * <p>This annotation registers {@link TestClusterExtension}; nothing else is needed.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@ExtendWith(TestClusterExtension.class)
public @interface EsCluster {

  /**
   * The newest Elasticsearch version this kit starts, the default of {@link #version()}.
   *
   * @since 0.1.0
   */
  String LATEST = "9.5.3";

  /**
   * The cluster name; empty (the default) means the field's name in lower case.
   *
   * @return the name
   * @since 0.1.0
   */
  String name() default "";

  /**
   * The Elasticsearch version, one of {@link TestClusters#supportedVersions()}. When several fields
   * name one cluster, at most one of them may give a version other than the default.
   *
   * @return the version
   * @since 0.1.0
   */
  String version() default LATEST;

  /**
   * Extra node settings, each {@code key=value}.
   *
   * @return the settings
   * @since 0.1.0
   */
  String[] settings() default {};

  /**
   * How the cluster is secured; default {@link Security#NONE}. When several fields name one
   * cluster, the highest level given wins.
   *
   * @return the level
   * @since 0.1.0
   */
  Security security() default Security.NONE;

  /**
   * Whether the cluster runs a remote cluster server (the API-key model's endpoint, with TLS of
   * its own); implies {@link Security#TLS}. Its address is {@link
   * TestCluster#remoteClusterServerAddress()}.
   *
   * @return true for a remote cluster server
   * @since 0.1.0
   */
  boolean remoteClusterServer() default false;

  /**
   * Whether the cluster is shared with every other test class of this JVM that declares a shared
   * cluster of the same name and spec ({@link TestClusters#shared(java.util.List)}): started once,
   * stopped when the JVM exits. Tests on a shared cluster must use names (indices, aliases, users,
   * keys) of their own. All fields naming one cluster must agree.
   *
   * @return true to share
   * @since 0.1.0
   */
  boolean shared() default false;
}
