/** The watcher's implementation. Not API. */
package io.github.remoteclusters.core.watch.internal;
