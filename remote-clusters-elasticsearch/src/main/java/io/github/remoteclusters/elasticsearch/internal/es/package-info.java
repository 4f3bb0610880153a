/**
 * The only code that talks to Elasticsearch, through the official {@code elasticsearch-java}
 * client. Not API: anything here may change or go away in any release without notice.
 */
package io.github.remoteclusters.elasticsearch.internal.es;
