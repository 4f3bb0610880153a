package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.compat.EsVersion;
import java.util.List;
import java.util.Objects;

/**
 * A step of an upgrade wave: the upgrade itself, or what Elasticsearch's docs ask for around it
 * (pausing and resuming follower indices, taking a search alias out of use). Each step names the
 * cluster it runs on, says what to do in words and lists the exact requests.
 *
 * @since 0.2.0
 */
public sealed interface UpgradeStep
    permits UpgradeStep.UpgradeCluster,
        UpgradeStep.PauseFollowing,
        UpgradeStep.ResumeFollowing,
        UpgradeStep.RemoveSearchAlias,
        UpgradeStep.RestoreSearchAlias {

  /**
   * The kind of step, printed by its name.
   *
   * @return for example {@link UpgradeAction#PAUSE_FOLLOWING}
   */
  UpgradeAction action();

  /**
   * The cluster the step runs on.
   *
   * @return the cluster's name
   */
  String target();

  /**
   * What to do, in one sentence.
   *
   * @return the description
   */
  String description();

  /**
   * The Elasticsearch requests of the step, in order; may be empty.
   *
   * @return the requests
   */
  List<StepRequest> requests();

  /**
   * Further instructions, one per line; may be empty.
   *
   * @return the lines
   */
  List<String> instructions();

  /**
   * A rolling upgrade of one cluster by one hop.
   *
   * @param upgrade the hop
   */
  record UpgradeCluster(ClusterUpgrade upgrade) implements UpgradeStep {
    /** Checks the component. */
    public UpgradeCluster {
      Objects.requireNonNull(upgrade, "upgrade");
    }

    @Override
    public UpgradeAction action() {
      return UpgradeAction.UPGRADE_CLUSTER;
    }

    @Override
    public String target() {
      return upgrade.cluster();
    }

    @Override
    public String description() {
      EsVersion to = upgrade.to();
      return "rolling upgrade from " + upgrade.from() + " to " + to
          + (to.patchGiven() ? "" : " (its latest patch release)");
    }

    /** {@return for a major hop, the Upgrade Assistant's deprecation check; else nothing} */
    @Override
    public List<StepRequest> requests() {
      return upgrade.major() ? List.of(new StepRequest("GET", "/_migration/deprecations")) : List.of();
    }

    @Override
    public List<String> instructions() {
      return upgrade.major()
          ? List.of("resolve every critical deprecation the Upgrade Assistant reports before the"
              + " major upgrade; take a snapshot first")
          : List.of();
    }
  }

  /**
   * Pauses the cross-cluster replication of a follower cluster from one remote alias: its
   * auto-follow patterns and its follower indices.
   *
   * @param follower the cluster holding the follower indices
   * @param leader the cluster holding the leader indices
   * @param alias the follower's alias for the leader
   * @param reason why the pause is needed
   */
  record PauseFollowing(String follower, String leader, String alias, String reason)
      implements UpgradeStep {
    /** Checks the components. */
    public PauseFollowing {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(leader, "leader");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public UpgradeAction action() {
      return UpgradeAction.PAUSE_FOLLOWING;
    }

    @Override
    public String target() {
      return follower;
    }

    @Override
    public String description() {
      return "pause replication from [" + alias + "] (" + leader + "): " + reason;
    }

    @Override
    public List<StepRequest> requests() {
      return List.of(
          new StepRequest("POST", "/_ccr/auto_follow/<auto_follow_pattern>/pause"),
          new StepRequest("POST", "/<follower_index>/_ccr/pause_follow"));
    }

    @Override
    public List<String> instructions() {
      return List.of(
          "auto-follow patterns: those of GET /_ccr/auto_follow whose remote_cluster is ["
              + alias + "]",
          "follower indices: those of GET /_ccr/stats (follow_stats.indices) following [" + alias
              + "]");
    }
  }

  /**
   * Resumes what a {@link PauseFollowing} paused.
   *
   * @param follower the cluster holding the follower indices
   * @param leader the cluster holding the leader indices
   * @param alias the follower's alias for the leader
   */
  record ResumeFollowing(String follower, String leader, String alias) implements UpgradeStep {
    /** Checks the components. */
    public ResumeFollowing {
      Objects.requireNonNull(follower, "follower");
      Objects.requireNonNull(leader, "leader");
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public UpgradeAction action() {
      return UpgradeAction.RESUME_FOLLOWING;
    }

    @Override
    public String target() {
      return follower;
    }

    @Override
    public String description() {
      return "resume replication from [" + alias + "] (" + leader + ")";
    }

    @Override
    public List<StepRequest> requests() {
      return List.of(
          new StepRequest("POST", "/<follower_index>/_ccr/resume_follow"),
          new StepRequest("POST", "/_ccr/auto_follow/<auto_follow_pattern>/resume"));
    }

    @Override
    public List<String> instructions() {
      return List.of("the same follower indices and auto-follow patterns that were paused");
    }
  }

  /**
   * Takes a search alias out of use on the local cluster while the link cannot be supported: the
   * remote cluster's settings are removed (set to null) and restored afterwards.
   *
   * @param local the local cluster
   * @param remote the remote cluster
   * @param alias the alias
   */
  record RemoveSearchAlias(String local, String remote, String alias) implements UpgradeStep {
    /** Checks the components. */
    public RemoveSearchAlias {
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(remote, "remote");
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public UpgradeAction action() {
      return UpgradeAction.REMOVE_SEARCH_ALIAS;
    }

    @Override
    public String target() {
      return local;
    }

    @Override
    public String description() {
      return "stop searching [" + alias + "] (" + remote + ") for the upgrade: remove the alias";
    }

    @Override
    public List<StepRequest> requests() {
      return List.of(new StepRequest("PUT", "/_cluster/settings"));
    }

    @Override
    public List<String> instructions() {
      return List.of(
          "body: {\"persistent\":{\"" + io.github.remoteclusters.core.EckNames.remoteSettingPrefix(alias) + "*\":null}}",
          "first stop queries that name [" + alias + ":...] or they fail");
    }
  }

  /**
   * Restores a search alias a {@link RemoveSearchAlias} removed.
   *
   * @param local the local cluster
   * @param remote the remote cluster
   * @param alias the alias
   */
  record RestoreSearchAlias(String local, String remote, String alias) implements UpgradeStep {
    /** Checks the components. */
    public RestoreSearchAlias {
      Objects.requireNonNull(local, "local");
      Objects.requireNonNull(remote, "remote");
      Objects.requireNonNull(alias, "alias");
    }

    @Override
    public UpgradeAction action() {
      return UpgradeAction.RESTORE_SEARCH_ALIAS;
    }

    @Override
    public String target() {
      return local;
    }

    @Override
    public String description() {
      return "restore the alias [" + alias + "] (" + remote + ")";
    }

    @Override
    public List<StepRequest> requests() {
      return List.of(new StepRequest("PUT", "/_cluster/settings"));
    }

    @Override
    public List<String> instructions() {
      return List.of(
          "send the PUT_REMOTE_SETTINGS step of `remote-clusters plan FILE` for [" + alias
              + "] again (or run `remote-clusters apply FILE`)");
    }
  }
}
