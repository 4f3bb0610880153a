package io.github.remoteclusters.k8s;

import java.util.Objects;
import java.util.Optional;

/**
 * The status of one link after a reconcile, shaped to be copied into an operator's own custom
 * resource status.
 *
 * <p>Experimental API.
 *
 * @param local the local cluster's name in the topology
 * @param alias the alias
 * @param remote the remote cluster's name in the topology
 * @param phase where the link stands
 * @param connected whether the local cluster reports the remote as connected ({@code
 *     _remote/info}), or null when unknown (no {@link ConnectionProbe}, or it could not tell)
 * @param message what is pending or done, or null
 * @param lastError the last error for this link, or null
 * @since 0.1.0
 */
public record EckLinkStatus(
    String local,
    String alias,
    String remote,
    LinkPhase phase,
    Boolean connected,
    String message,
    String lastError) {

  /** Checks the required components. */
  public EckLinkStatus {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(phase, "phase");
  }

  /** {@return the last error, if any} */
  public Optional<String> error() {
    return Optional.ofNullable(lastError);
  }

  /**
   * This status with a connection state.
   *
   * @param value the state, or null when unknown
   * @return the new status
   */
  public EckLinkStatus withConnected(Boolean value) {
    return new EckLinkStatus(local, alias, remote, phase, value, message, lastError);
  }
}
