/**
 * Validation ("lint") of {@code PUT _cluster/settings} bodies for {@code cluster.remote.*}, with
 * Elasticsearch's own rules and messages.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.core.settings;
