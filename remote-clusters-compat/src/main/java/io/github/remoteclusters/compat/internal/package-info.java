/**
 * Internal implementation of the version rules: release facts and the documented tables. Not API:
 * anything here may change without notice, and the module does not export it.
 */
package io.github.remoteclusters.compat.internal;
