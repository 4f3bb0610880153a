package io.github.remoteclusters.core.upgrade;

/**
 * What an upgrade step does; the vocabulary of upgrade plans, as {@link
 * io.github.remoteclusters.core.plan.StepAction} is the vocabulary of link plans. Printed by its
 * {@link #name()} (text and the {@code action} field of JSON).
 *
 * @since 0.2.0
 */
public enum UpgradeAction {
  /** A rolling upgrade of one cluster by one hop ({@link UpgradeStep.UpgradeCluster}). */
  UPGRADE_CLUSTER,
  /** Pause auto-follow patterns and follower indices of one alias ({@link UpgradeStep.PauseFollowing}). */
  PAUSE_FOLLOWING,
  /** Resume what a pause paused ({@link UpgradeStep.ResumeFollowing}). */
  RESUME_FOLLOWING,
  /** Take a search alias out of use for the upgrade ({@link UpgradeStep.RemoveSearchAlias}). */
  REMOVE_SEARCH_ALIAS,
  /** Put a removed search alias back ({@link UpgradeStep.RestoreSearchAlias}). */
  RESTORE_SEARCH_ALIAS
}
