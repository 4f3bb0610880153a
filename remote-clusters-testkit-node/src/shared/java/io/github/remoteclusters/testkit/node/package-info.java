/**
 * The process side of remote-clusters-testkit: a real single-node Elasticsearch cluster in a JVM of
 * its own. Not API: remote-clusters-testkit launches {@link
 * io.github.remoteclusters.testkit.node.NodeMain} and talks to it only through its command line,
 * standard input and standard output.
 */
package io.github.remoteclusters.testkit.node;
