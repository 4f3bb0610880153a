/**
 * Implementation of the fleet upgrade planner. Not API: anything here may change or go away in any
 * release without notice.
 */
package io.github.remoteclusters.core.upgrade.internal;
