package io.github.remoteclusters.elasticsearch.watch;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.elasticsearch.ReconcilerConfig;
import java.util.List;

/**
 * Watches the present links of a topology at an interval and reports each link's state and
 * diagnosis, the expiry of its cross-cluster API key and of the certificates it relies on; with a
 * rotate-before window it rotates a key before it expires.
 *
 * <p>Each round probes every cluster concurrently, each probe under a deadline (the reconciler's
 * request timeout), so one dead cluster never delays the others. A local cluster gets one {@code
 * GET _remote/info} and one {@code GET _resolve/cluster} for all its aliases (8.13 and later; it
 * tries to connect, unlike {@code _remote/info}); a remote cluster of API-key links, when it has a
 * {@code url}, one {@code GET _security/api_key} for all the keys this tool made there. A cluster
 * therefore gets at most three requests a round. Listeners receive one event per change.
 *
 * <pre>{@code
 * ReconcilerConfig config = Reconciler.builder().requestTimeout(Duration.ofSeconds(10)).config();
 * try (LinkWatcher w = LinkWatcher.builder(topology, config)
 *     .interval(Duration.ofSeconds(30))
 *     .listener(e -> System.out.println(e.local() + "/" + e.alias() + " " + e.state()))
 *     .build()) {
 *   w.start();
 *   // ... until the application stops
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface LinkWatcher extends AutoCloseable {

  /**
   * A builder of a watcher of a topology.
   *
   * @param topology the topology whose present links are watched
   * @param config the reconciler configuration: access, credentials (for rotations), timeouts
   * @return a new builder
   */
  static LinkWatcherBuilder builder(Topology topology, ReconcilerConfig config) {
    return new LinkWatcherBuilder(topology, config);
  }

  /** Starts the rounds at the interval, the first at once; a second call does nothing. */
  void start();

  /**
   * Runs one round now, on the calling thread, and waits for it (and for any rotation it starts).
   *
   * @return what the watcher sees of every link after the round
   */
  List<LinkView> probeOnce();

  /** {@return what the watcher last saw of every link, in topology order} */
  List<LinkView> links();

  /**
   * Adds a listener.
   *
   * @param listener the listener
   */
  void addListener(WatchListener listener);

  /** Stops the rounds, ends the probe threads and closes the connections. */
  @Override
  void close();
}
