package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * The planner's answer for one link: a plan, or the problems that keep it from being planned.
 *
 * @since 0.1.0
 */
public sealed interface PlanResult permits PlanResult.Planned, PlanResult.Rejected {

  /**
   * The position of the link in the topology's {@code links}.
   *
   * @return the index
   */
  int index();

  /**
   * Every problem for the link: the warnings of a plan, or the errors and warnings of a
   * rejection.
   *
   * @return the problems
   */
  List<Problem> problems();

  /**
   * The link could be planned.
   *
   * @param index the link's position
   * @param plan the plan
   * @since 0.1.0
   */
  record Planned(int index, Plan plan) implements PlanResult {
    /** Checks the plan. */
    public Planned {
      Objects.requireNonNull(plan, "plan");
    }

    @Override
    public List<Problem> problems() {
      return plan.warnings();
    }
  }

  /**
   * The link cannot work as written.
   *
   * @param index the link's position
   * @param link the link
   * @param problems the errors (at least one) and warnings
   * @since 0.1.0
   */
  record Rejected(int index, Link link, List<Problem> problems) implements PlanResult {
    /** Copies the problems and checks that there is an error. */
    public Rejected {
      Objects.requireNonNull(link, "link");
      problems = List.copyOf(problems);
      if (problems.stream().noneMatch(Problem::isError)) {
        throw new IllegalArgumentException("a rejection needs at least one error");
      }
    }
  }
}
