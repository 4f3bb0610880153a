package io.github.remoteclusters.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Elasticsearch's connection mode for a remote cluster ({@code cluster.remote.<alias>.mode}).
 *
 * @since 0.1.0
 */
public enum Mode {
  /** Connect to seed nodes, then to gateway nodes discovered from the remote cluster state. */
  SNIFF,
  /** Open sockets to one address (a load balancer, a proxy, a Kubernetes service). */
  PROXY;

  /**
   * The lower-case name used in settings and topology files.
   *
   * @return {@code sniff} or {@code proxy}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode with the given lower-case name.
   *
   * @param id {@code sniff} or {@code proxy}
   * @return the mode, or empty for any other text
   */
  public static Optional<Mode> fromId(String id) {
    java.util.Objects.requireNonNull(id, "id");
    for (Mode m : values()) {
      if (m.id().equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
