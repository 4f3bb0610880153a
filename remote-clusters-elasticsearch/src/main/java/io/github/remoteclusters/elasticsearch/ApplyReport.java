package io.github.remoteclusters.elasticsearch;

import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.plan.PlanStep;
import java.util.List;

/**
 * The result of an apply run: one outcome per local cluster, one result per alias, the plan's
 * steps the applier cannot run itself, and the planner's problems.
 *
 * @param dryRun whether nothing was written
 * @param clusters per-cluster outcomes, in topology order
 * @param links per-alias results
 * @param notRun plan steps left to a person or to the Kubernetes adapter (manual steps, ECK
 *     resource patches), in plan order
 * @param problems the planner's problems: warnings, or errors when the plan was rejected
 * @since 0.1.0
 */
public record ApplyReport(
    boolean dryRun,
    List<ClusterOutcome> clusters,
    List<LinkResult> links,
    List<PlanStep> notRun,
    List<Problem> problems) {

  /** Copies the lists. */
  public ApplyReport {
    clusters = List.copyOf(clusters);
    links = List.copyOf(links);
    notRun = List.copyOf(notRun);
    problems = List.copyOf(problems);
  }

  /**
   * Whether the planner rejected the topology: nothing was read or written.
   *
   * @return true when some problem is an error
   */
  public boolean rejected() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /**
   * Whether every cluster was applied or already in place, and the plan was not rejected.
   *
   * @return true on success
   */
  public boolean succeeded() {
    return !rejected()
        && clusters.stream()
            .allMatch(c -> c instanceof ClusterOutcome.Applied
                || c instanceof ClusterOutcome.AlreadyInPlace);
  }

  /**
   * Throws the first failure, for scripts that prefer exceptions.
   *
   * @return this report, when it succeeded
   * @throws ApplyException the cause of the first failed cluster, or a rejection
   */
  public ApplyReport throwIfFailed() {
    if (rejected()) {
      throw new ApplyException("topology", null, ApplyStep.PLAN, 0,
          "the plan was rejected: " + problems.stream().filter(Problem::isError)
              .map(Problem::message).findFirst().orElse(""), null);
    }
    for (ClusterOutcome c : clusters) {
      if (c instanceof ClusterOutcome.Failed f) {
        throw f.cause();
      }
    }
    return this;
  }

  /** {@return the sum of reads over all clusters} */
  public int reads() {
    return clusters.stream().mapToInt(ClusterOutcome::reads).sum();
  }

  /** {@return the sum of writes over all clusters} */
  public int writes() {
    return clusters.stream().mapToInt(ClusterOutcome::writes).sum();
  }
}
