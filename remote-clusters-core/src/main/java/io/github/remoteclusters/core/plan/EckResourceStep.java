package io.github.remoteclusters.core.plan;

import java.util.Objects;

/**
 * A step that declares something on an ECK resource and leaves the rest to the operator.
 *
 * <p>The patch is a JSON merge patch of the resource's {@code spec}, except that entries of {@code
 * remoteClusters} are merged by their {@code name} (an entry {@code {"name": "a", "$patch":
 * "delete"}} removes entry {@code a}), so that links of other plans stay as they are.
 *
 * @param target the cluster whose resource is patched
 * @param description what and why
 * @param resource the resource
 * @param payload what the step does; {@link StepEncoder} turns it into the patch
 * @param restartsNodes whether ECK rolls the nodes of the target for this change
 * @since 0.1.0
 */
public record EckResourceStep(
    String target,
    String description,
    EckResource resource,
    StepPayload payload,
    boolean restartsNodes)
    implements PlanStep {

  /** Checks that no component is null and that ECK does the payload. */
  public EckResourceStep {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(payload, "payload");
    if (!StepEncoder.hasSpecPatch(payload)) {
      throw new IllegalArgumentException(
          payload.getClass().getSimpleName() + " is not done by patching an ECK resource");
    }
  }

  /**
   * A step that restarts no node.
   *
   * @param target the cluster whose resource is patched
   * @param description what and why
   * @param resource the resource
   * @param payload what the step does
   */
  public EckResourceStep(
      String target, String description, EckResource resource, StepPayload payload) {
    this(target, description, resource, payload, false);
  }

  @Override
  public StepAction action() {
    return payload.action();
  }

  /**
   * The patch of the resource's {@code spec}, as {@link StepEncoder} writes it.
   *
   * @return the patch as compact JSON
   */
  public String specPatch() {
    return StepEncoder.specPatch(payload).orElseThrow();
  }
}
