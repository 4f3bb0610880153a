/**
 * The remote-cluster link model: clusters, links and the topology that holds them, and the reader
 * for topology files.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.core;
