package io.github.remoteclusters.elasticsearch;

import java.util.Locale;
import java.util.Objects;

/**
 * The state of one alias on one cluster, from {@code GET _remote/info}.
 *
 * @param cluster the local cluster's name
 * @param alias the alias
 * @param state connected, disconnected, not configured or unknown
 * @param owned whether this tool created the alias (see the ownership store)
 * @param info what {@code _remote/info} says, or null when the alias is not there
 * @param diagnosis why it is not connected, or null when it is
 * @since 0.1.0
 */
public record LinkStatus(
    String cluster, String alias, LinkStatus.State state, boolean owned, RemoteInfo info,
    Diagnosis diagnosis) {

  /** Checks the required components. */
  public LinkStatus {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(state, "state");
  }

  /** {@return whether the link is connected} */
  public boolean connected() {
    return state == State.CONNECTED;
  }

  /**
   * Link states.
   *
   * @since 0.1.0
   */
  public enum State {
    /** {@code _remote/info} says connected. */
    CONNECTED,
    /** Configured, not connected. */
    DISCONNECTED,
    /** The alias is not configured on the cluster. */
    NOT_CONFIGURED,
    /** The local cluster could not be asked. */
    UNKNOWN;

    /** {@return the lower-case name used in JSON output} */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
