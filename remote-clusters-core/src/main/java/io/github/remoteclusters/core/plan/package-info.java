/**
 * The planner: for every link of a topology, an ordered plan of typed steps, each naming the
 * cluster it acts on and carrying either the exact Elasticsearch request, an ECK resource patch, or
 * instructions for a person.
 *
 * @since 0.1.0
 */
package io.github.remoteclusters.core.plan;
