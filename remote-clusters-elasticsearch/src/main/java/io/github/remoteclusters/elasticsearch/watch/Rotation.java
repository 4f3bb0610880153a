package io.github.remoteclusters.elasticsearch.watch;

import java.time.Instant;
import java.util.Objects;

/**
 * What a key rotation the watcher started did.
 *
 * @param rotated whether the new key is created, stored, reloaded and connected
 * @param oldKeysInvalidated whether the old keys were then invalidated (only once the new key
 *     connected; false when the rotation failed before)
 * @param expiredAt when the old key would have expired
 * @param message what happened, naming the link; never a secret
 * @since 0.1.0
 */
public record Rotation(
    boolean rotated, boolean oldKeysInvalidated, Instant expiredAt, String message) {

  /** Checks the components. */
  public Rotation {
    Objects.requireNonNull(expiredAt, "expiredAt");
    Objects.requireNonNull(message, "message");
  }
}
