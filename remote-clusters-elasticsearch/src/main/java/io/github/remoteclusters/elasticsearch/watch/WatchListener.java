package io.github.remoteclusters.elasticsearch.watch;

/**
 * Receives what a {@link LinkWatcher} sees. Called on the watcher's threads, one call at a time;
 * a listener that throws is skipped for that call and called again for the next.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WatchListener {

  /**
   * A link changed.
   *
   * @param event the change
   */
  void onChange(LinkEvent event);

  /**
   * A cluster was probed (every round, changed or not).
   *
   * @param result the probe
   */
  default void onProbe(ProbeResult result) {}

  /**
   * A round ended: every probe of it finished or passed its deadline.
   *
   * @param links what the watcher sees of every link now
   */
  default void onRound(java.util.List<LinkView> links) {}
}
