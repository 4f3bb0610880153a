package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner's answer for a whole topology: one result per link, in topology order, and the
 * problems of the clusters themselves.
 *
 * @param links the results
 * @param clusterProblems the problems of the ECK clusters themselves, whatever their links, with
 *     paths {@code clusters[i]...}: the names ECK derives from an {@code Elasticsearch} name (at
 *     most 36 characters, every derived Service, Secret and ConfigMap name a DNS label) and ECK's
 *     webhook rule that {@code spec.remoteClusterServer.enabled} needs 8.10.0. They concern the
 *     executor that renders ECK resources (the Kubernetes adapter reports them and renders
 *     nothing while one is an error); {@link #problems()} and {@link #hasErrors()} are about links
 * @since 0.1.0
 */
public record TopologyPlan(List<PlanResult> links, List<Problem> clusterProblems) {

  /** Copies the lists. */
  public TopologyPlan {
    links = List.copyOf(links);
    clusterProblems = List.copyOf(clusterProblems);
  }

  /**
   * A plan of links with no cluster problems.
   *
   * @param links the results
   */
  public TopologyPlan(List<PlanResult> links) {
    this(links, List.of());
  }

  /**
   * Every problem of every link, errors and warnings, in link order.
   *
   * @return the problems
   */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>();
    for (PlanResult r : links) {
      all.addAll(r.problems());
    }
    return all;
  }

  /**
   * Whether some link was rejected.
   *
   * @return true when there is at least one error
   */
  public boolean hasErrors() {
    for (PlanResult r : links) {
      if (r instanceof PlanResult.Rejected) {
        return true;
      }
    }
    return false;
  }
}
