/**
 * The applier's implementation. Not API: anything here may change or go away in any release
 * without notice.
 */
package io.github.remoteclusters.elasticsearch.internal.apply;
