/**
 * Fleet upgrade planning: the order in which to upgrade many linked clusters so that every
 * remote-cluster link stays supported at every step. Start with {@link
 * io.github.remoteclusters.core.upgrade.UpgradePlanner}.
 *
 * @since 0.2.0
 */
package io.github.remoteclusters.core.upgrade;
