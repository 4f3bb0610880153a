/**
 * Real Elasticsearch clusters for tests, without Docker.
 *
 * <p>Each cluster is one real Elasticsearch node (the server jar and its Netty transport from Maven
 * Central) in a JVM of its own, bound to {@code 127.0.0.1} on ephemeral ports. Start clusters with
 * {@link io.github.remoteclusters.testkit.TestClusters}, or let the JUnit Jupiter extension do it:
 * annotate a {@link io.github.remoteclusters.testkit.TestCluster} field with {@link
 * io.github.remoteclusters.testkit.EsCluster}.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.testkit;
