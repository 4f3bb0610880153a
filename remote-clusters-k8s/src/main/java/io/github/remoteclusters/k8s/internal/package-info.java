/**
 * Internals of the Kubernetes adapter: fabric8 calls and ECK resource builders.
 *
 * <p><b>Not API.</b> Public types here are public only so that {@code io.github.remoteclusters.k8s}
 * can use them; they may change or go away in any release without notice.
 */
package io.github.remoteclusters.k8s.internal;
