package io.github.remoteclusters.core.plan;

import java.util.Objects;

/**
 * A step that sends one Elasticsearch REST request to its target cluster.
 *
 * @param target the cluster that receives the request
 * @param description what and why
 * @param payload what the step does; {@link StepEncoder} turns it into the request
 * @param restartsNodes whether the request restarts nodes (none does today)
 * @since 0.1.0
 */
public record ElasticsearchRequestStep(
    String target, String description, StepPayload payload, boolean restartsNodes)
    implements PlanStep {

  /** Checks that no component is null and that the payload is done by a request. */
  public ElasticsearchRequestStep {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(payload, "payload");
    if (!StepEncoder.hasRequest(payload)) {
      throw new IllegalArgumentException(
          payload.getClass().getSimpleName() + " is not done by an Elasticsearch request");
    }
  }

  /**
   * A request that restarts no node.
   *
   * @param target the cluster that receives the request
   * @param description what and why
   * @param payload what the step does
   */
  public ElasticsearchRequestStep(String target, String description, StepPayload payload) {
    this(target, description, payload, false);
  }

  @Override
  public StepAction action() {
    return payload.action();
  }

  /**
   * The exact request, secrets redacted, as {@link StepEncoder} writes it.
   *
   * @return a new request
   */
  public HttpRequest request() {
    return StepEncoder.request(payload).orElseThrow();
  }
}
