package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.Use;
import java.util.Objects;

/**
 * A link that no order of upgrades keeps supported, with the compat module's reason for the state
 * that breaks it.
 *
 * @param local the local cluster (the follower for replication)
 * @param remote the remote cluster (the leader for replication)
 * @param alias the alias on the local cluster
 * @param use search or replication
 * @param reason why it blocks, naming the versions and the rule
 * @param check the verdict of the state that breaks it
 * @since 0.2.0
 */
public record BlockingLink(
    String local, String remote, String alias, Use use, String reason, LinkCheck check) {

  /** Checks the components. */
  public BlockingLink {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(check, "check");
  }
}
