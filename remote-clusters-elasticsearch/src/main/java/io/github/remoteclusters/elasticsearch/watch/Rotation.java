package io.github.remoteclusters.elasticsearch.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * What a key rotation the watcher started did.
 *
 * @param rotated whether the new key is stored, connected, and the old ones invalidated
 * @param expiredAt when the old key would have expired
 * @param message what happened, naming the link; never a secret
 * @since 0.1.0
 */
public record Rotation(boolean rotated, Instant expiredAt, String message) {

  /** Checks the components. */
  public Rotation {
    Objects.requireNonNull(expiredAt, "expiredAt");
    Objects.requireNonNull(message, "message");
  }
}
