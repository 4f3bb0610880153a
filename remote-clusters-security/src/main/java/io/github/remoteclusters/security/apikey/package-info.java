/**
 * The API key model: parse and validate cross-cluster API key requests ({@link
 * io.github.remoteclusters.security.apikey.CrossClusterApiKeys}), preview the role descriptor a key
 * grants, build local roles with {@code remote_indices} and {@code remote_cluster}, hold
 * credentials without leaking them, and plan key rotation.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.security.apikey;
