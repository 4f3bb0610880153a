/**
 * Micrometer metrics of a {@link io.github.remoteclusters.elasticsearch.watch.LinkWatcher}: {@link
 * io.github.remoteclusters.elasticsearch.watch.micrometer.LinkWatcherMetrics}. Needs {@code
 * io.micrometer:micrometer-core} on the class path (an optional dependency of this module).
 */
package io.github.remoteclusters.elasticsearch.watch.micrometer;
