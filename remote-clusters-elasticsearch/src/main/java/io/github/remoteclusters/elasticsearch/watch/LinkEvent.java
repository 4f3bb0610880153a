package io.github.remoteclusters.elasticsearch.watch;

import io.github.remoteclusters.elasticsearch.Diagnosis;
import io.github.remoteclusters.elasticsearch.LinkStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of one link: its state, diagnosis, support verdict, key or certificate expiry, or a
 * key rotation. A listener receives exactly one event per change.
 *
 * @param time when the change was seen
 * @param link what the link is now
 * @param previous what it was before, or null for the first sight of it
 * @param rotation the rotation this event reports, or null
 * @since 0.1.0
 */
public record LinkEvent(Instant time, LinkView link, LinkView previous, Rotation rotation) {

  /** Checks the components. */
  public LinkEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(link, "link");
  }

  /** {@return the local cluster's name} */
  public String local() {
    return link.local();
  }

  /** {@return the alias} */
  public String alias() {
    return link.alias();
  }

  /** {@return the link's state} */
  public LinkStatus.State state() {
    return link.state();
  }

  /** {@return the link's diagnosis, or null} */
  public Diagnosis diagnosis() {
    return link.diagnosis();
  }
}
