/**
 * Internal implementation of remote-clusters-testkit. <strong>Not API:</strong> anything here may
 * change or disappear in any release without notice; use only {@code
 * io.github.remoteclusters.testkit}.
 */
package io.github.remoteclusters.testkit.internal;
