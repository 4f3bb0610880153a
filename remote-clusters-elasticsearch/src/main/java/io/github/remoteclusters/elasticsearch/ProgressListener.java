package io.github.remoteclusters.elasticsearch;

import java.util.Objects;

/**
 * Receives progress events of a long apply or status run, on the applying thread (verification
 * polls clusters on other threads, but reports from the applying thread).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = event -> {};

  /**
   * Called for each event.
   *
   * @param event the event
   */
  void onProgress(Event event);

  /**
   * One step of progress.
   *
   * @param cluster the cluster concerned
   * @param phase {@code connect}, {@code read}, {@code write}, {@code verify}, {@code api-key}
   *     or {@code done}
   * @param index the position of the cluster in the run, from 1
   * @param total the number of clusters in the run
   * @param message what happens
   * @since 0.1.0
   */
  record Event(String cluster, String phase, int index, int total, String message) {
    /** Checks the components. */
    public Event {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(message, "message");
    }
  }
}
