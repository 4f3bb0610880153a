/**
 * Watches the links of a topology continuously: {@link
 * io.github.remoteclusters.elasticsearch.watch.LinkWatcher} probes every cluster at an interval, reports
 * each link's state, diagnosis, key and certificate expiry, and rotates keys before they expire.
 * No third-party type appears here; Micrometer metrics come from the optional binder in {@code
 * io.github.remoteclusters.elasticsearch.watch.micrometer}.
 */
package io.github.remoteclusters.elasticsearch.watch;
