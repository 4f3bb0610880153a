package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.Basis;
import io.github.remoteclusters.compat.CompatibilityRule;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.compat.Use;
import java.util.Objects;

/**
 * The verdict for one link in one state an upgrade passes through: which rule, on which basis,
 * keeps it supported (or, for a blocking link, breaks it).
 *
 * @param local the local cluster (the follower for replication)
 * @param remote the remote cluster (the leader for replication)
 * @param alias the alias on the local cluster
 * @param use search or replication
 * @param localVersion the local cluster's version in that state
 * @param remoteVersion the remote cluster's version in that state
 * @param supported whether the pair is supported and wire compatible
 * @param rule the rule the verdict rests on
 * @param basis documented, inferred or unknown
 * @param reason the compat module's sentence for the verdict
 * @since 0.2.0
 */
public record LinkCheck(
    String local,
    String remote,
    String alias,
    Use use,
    EsVersion localVersion,
    EsVersion remoteVersion,
    boolean supported,
    CompatibilityRule rule,
    Basis basis,
    String reason) {

  /** Checks the components. */
  public LinkCheck {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(localVersion, "localVersion");
    Objects.requireNonNull(remoteVersion, "remoteVersion");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(reason, "reason");
  }
}
