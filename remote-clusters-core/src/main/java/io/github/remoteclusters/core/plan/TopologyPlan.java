package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner's answer for a whole topology: one result per link, in topology order.
 *
 * @param links the results
 * @since 0.1.0
 */
public record TopologyPlan(List<PlanResult> links) {

  /** Copies the list. */
  public TopologyPlan {
    links = List.copyOf(links);
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
