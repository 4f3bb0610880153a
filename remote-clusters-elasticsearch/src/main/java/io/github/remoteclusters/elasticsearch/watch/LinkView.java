package io.github.remoteclusters.elasticsearch.watch;

import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the watcher last saw of one link.
 *
 * @param local the local cluster's name
 * @param alias the alias
 * @param remote the remote cluster's name
 * @param state connected, disconnected, not configured, or unknown (the local cluster could not
 *     be asked in time)
 * @param diagnosis why it is not connected (or, connected, why its live versions are not
 *     supported), or null
 * @param supported the compatibility verdict for the versions found live (every use of the
 *     link), or null when the versions are not known
 * @param keyExpiry when the link's cross-cluster API key expires, or null when it never does or
 *     is not known
 * @param certificates the certificates the remote presents and the CA files the link relies on,
 *     earliest expiry first
 * @since 0.1.0
 */
public record LinkView(
    String local,
    String alias,
    String remote,
    LinkStatus.State state,
    Diagnosis diagnosis,
    Boolean supported,
    Instant keyExpiry,
    List<CertificateExpiry> certificates) {

  /** Checks the components and copies the list. */
  public LinkView {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(state, "state");
    certificates = List.copyOf(certificates);
  }

  /** {@return whether the link is connected} */
  public boolean connected() {
    return state == LinkStatus.State.CONNECTED;
  }
}
