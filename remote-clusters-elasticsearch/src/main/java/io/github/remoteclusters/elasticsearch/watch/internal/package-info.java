/** The watcher's implementation. Not API. */
package io.github.remoteclusters.elasticsearch.watch.internal;
