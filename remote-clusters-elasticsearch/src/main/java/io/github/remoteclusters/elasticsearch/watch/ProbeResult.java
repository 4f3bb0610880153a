package io.github.remoteclusters.elasticsearch.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * One probe of one cluster in one round.
 *
 * @param cluster the cluster's name
 * @param duration how long the probe took (at most the deadline)
 * @param requests the HTTP requests it sent
 * @param error why it failed (unreachable, an error answer, past the deadline), or null
 * @since 0.1.0
 */
public record ProbeResult(String cluster, Duration duration, int requests, String error) {

  /** Checks the components. */
  public ProbeResult {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(duration, "duration");
  }

  /** {@return whether the probe failed} */
  public boolean failed() {
    return error != null;
  }
}
