package io.github.remoteclusters.core.upgrade;

import java.util.List;
import java.util.Objects;

/**
 * What {@link UpgradePlanner#plan} returns: a plan (possible or not), or the reasons the request
 * cannot be planned at all.
 *
 * @since 0.2.0
 */
public sealed interface UpgradeResult permits UpgradeResult.Planned, UpgradeResult.Invalid {

  /**
   * The request was valid; the plan says whether a safe order exists.
   *
   * @param plan the plan
   */
  record Planned(UpgradePlan plan) implements UpgradeResult {
    /** Checks the component. */
    public Planned {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /**
   * The request cannot be planned: each error names the cluster or option, the value and the
   * rule.
   *
   * @param errors the errors, at least one
   */
  record Invalid(List<String> errors) implements UpgradeResult {
    /** Checks and copies the errors. */
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs at least one error");
      }
    }
  }
}
