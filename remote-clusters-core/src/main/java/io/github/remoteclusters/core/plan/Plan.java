package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.LinkState;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.SecurityModel;
import java.util.List;
import java.util.Objects;

/**
 * The ordered steps that make one link exist (or go away), with the choices the planner made.
 *
 * @param local the local cluster's name
 * @param remote the remote cluster's name
 * @param alias the alias
 * @param state whether the plan adds or removes the link
 * @param security the security model used
 * @param connection how the local cluster will connect; null for a removal
 * @param skipUnavailable the effective {@code skip_unavailable} (set or defaulted by the local
 *     version); null for a removal
 * @param steps the steps, in the order they must run
 * @param warnings the warnings found while planning
 * @since 0.1.0
 */
public record Plan(
    String local,
    String remote,
    String alias,
    LinkState state,
    SecurityModel security,
    Connection connection,
    Boolean skipUnavailable,
    List<PlanStep> steps,
    List<Problem> warnings) {

  /** Checks the required components and copies the lists. */
  public Plan {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(security, "security");
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
    if (state == LinkState.PRESENT && connection == null) {
      throw new IllegalArgumentException("a plan that adds a link needs a connection");
    }
  }
}
