package io.github.remoteclusters.core.plan;

import java.util.Objects;

/**
 * A step that sends one Elasticsearch REST request to its target cluster.
 *
 * @param action what the step does
 * @param target the cluster that receives the request
 * @param description what and why
 * @param request the exact request, secrets redacted
 * @since 0.1.0
 */
public record ElasticsearchRequestStep(
    StepAction action, String target, String description, HttpRequest request)
    implements PlanStep {

  /** Checks that no component is null. */
  public ElasticsearchRequestStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(request, "request");
  }
}
