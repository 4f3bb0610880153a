/**
 * How the applier reaches clusters and stores credentials: environment credentials, CA trust,
 * credential commands. Not API: may change without notice.
 */
package io.github.remoteclusters.elasticsearch.internal.access;
