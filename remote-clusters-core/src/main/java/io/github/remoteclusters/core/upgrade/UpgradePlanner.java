package io.github.remoteclusters.core.upgrade;

import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.upgrade.internal.Assembler;
import io.github.remoteclusters.core.upgrade.internal.Engine;
import java.util.Objects;

/**
 * Plans the upgrade of a fleet of linked clusters: the order, in waves, that keeps every
 * remote-cluster link supported at every step.
 *
 * <p>Each cluster moves along Elasticsearch's upgrade paths ({@link UpgradePaths}); any released
 * minor between its version and its target may serve as a stepping stone. A {@link Wave} upgrades
 * some clusters by one hop each, in parallel; because they may finish in any order, a wave is safe
 * only if every link is supported for its use (search; replication when the link's access asks for
 * it, the follower never older than its leader) and wire compatible in every combination of
 * finished and unfinished clusters. Links that replicate both ways are paused around the waves
 * that upgrade either end and resumed when both are on equal versions, as Elasticsearch's docs ask
 * for bi-directional replication.
 *
 * <p><b>Fewest waves.</b> For fleets of up to {@value #EXACT_LIMIT} clusters the number of waves is
 * minimal: an iterative-deepening search over version states with a transposition table and an
 * admissible lower bound. Larger fleets are split into linked groups (clusters joined by links);
 * groups of up to {@value #EXACT_LIMIT} clusters are still solved exactly and their waves run side
 * by side, so without a wave limit the plan is minimal whenever every group is that small. Larger
 * groups are planned by a greedy heuristic guided by the exact optimum of every linked pair. Its
 * bound: every plan reports {@link UpgradePlan#lowerBound()} (the most hops any cluster needs, the
 * exact optimum of any linked pair alone, and the hops divided by the wave limit), and no plan can
 * be shorter; {@link UpgradePlan#minimal()} says whether the plan meets the proof. The heuristic
 * never uses more waves than the total number of hops, and it may fail to find an order that exists
 * when clusters of a large group constrain each other in a cycle; then the plan says so in its
 * notes. The exact search has a budget of {@value Engine#EXACT_BUDGET} states; a small fleet whose
 * search needs more (very long version ranges, many clusters constraining each other) falls back
 * to the heuristic, and the plan is then not marked minimal.
 *
 * <pre>{@code
 * UpgradeResult result = UpgradePlanner.create()
 *     .plan(topology, UpgradeRequest.to(EsVersion.parse("9.2.0")));
 * if (result instanceof UpgradeResult.Planned) {
 *   UpgradePlan plan = ((UpgradeResult.Planned) result).plan();
 *   System.out.print(UpgradeFormatter.toText(plan));
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class UpgradePlanner {

  /** Fleets (and linked groups) up to this many clusters get a proven minimal number of waves. */
  public static final int EXACT_LIMIT = Engine.EXACT_LIMIT;

  private UpgradePlanner() {}

  /**
   * A planner.
   *
   * @return the planner; it holds no state and is safe to share
   */
  public static UpgradePlanner create() {
    return new UpgradePlanner();
  }

  /**
   * Plans an upgrade. Invalid requests (an unknown cluster, a downgrade, a target no upgrade path
   * reaches) come back as {@link UpgradeResult.Invalid}; a valid request always gets a plan, which
   * says whether a safe order exists and, when not, why and how to get one.
   *
   * @param topology the fleet
   * @param request the targets and options
   * @return the result
   */
  public UpgradeResult plan(Topology topology, UpgradeRequest request) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(request, "request");
    return Assembler.plan(topology, request);
  }
}
