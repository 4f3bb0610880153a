package io.github.remoteclusters.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A step that declares something on an ECK resource and leaves the rest to the operator.
 *
 * <p>The patch is a JSON merge patch of the resource's {@code spec}, except that entries of {@code
 * remoteClusters} are merged by their {@code name} (an entry {@code {"name": "a", "$patch":
 * "delete"}} removes entry {@code a}), so that links of other plans stay as they are.
 *
 * @param action what the step does (normally {@link StepAction#PATCH_ECK_RESOURCE})
 * @param target the cluster whose resource is patched
 * @param description what and why
 * @param resource the resource
 * @param specPatch the patch of its {@code spec}; the step keeps this node, so it must not be
 *     changed afterwards ({@link #specPatch()} hands out copies)
 * @since 0.1.0
 */
public record EckResourceStep(
    StepAction action,
    String target,
    String description,
    EckResource resource,
    ObjectNode specPatch)
    implements PlanStep {

  /** Checks that no component is null. */
  public EckResourceStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(specPatch, "specPatch");
  }

  /**
   * The patch; a copy, so that the step cannot be changed.
   *
   * @return a copy of the patch
   */
  @Override
  public ObjectNode specPatch() {
    return specPatch.deepCopy();
  }
}
