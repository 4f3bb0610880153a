package io.github.remoteclusters.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * A step no API can do: a person follows the instructions (upload a CA in the Elastic Cloud
 * console, add a keystore entry on every node, expose a service).
 *
 * @param target the cluster the person acts on
 * @param description what and why
 * @param payload what the step does
 * @param instructions the instructions, one line each, secrets replaced by placeholders
 * @param restartsNodes whether carrying the step out restarts the nodes of its target
 * @since 0.1.0
 */
public record ManualStep(
    String target,
    String description,
    StepPayload payload,
    List<String> instructions,
    boolean restartsNodes)
    implements PlanStep {

  /** Checks that no component is null and copies the instructions. */
  public ManualStep {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(payload, "payload");
    instructions = List.copyOf(instructions);
  }

  /**
   * A step that restarts no node.
   *
   * @param target the cluster the person acts on
   * @param description what and why
   * @param payload what the step does
   * @param instructions the instructions
   */
  public ManualStep(
      String target, String description, StepPayload payload, List<String> instructions) {
    this(target, description, payload, instructions, false);
  }

  @Override
  public StepAction action() {
    return payload.action();
  }
}
