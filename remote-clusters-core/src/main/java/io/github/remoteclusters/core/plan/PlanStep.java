package io.github.remoteclusters.core.plan;

/**
 * One step of a plan: what it does ({@link #payload()}, typed by intent) and how it is carried out.
 * The kinds are closed: an Elasticsearch request, a patch of an ECK resource, or instructions for a
 * person.
 *
 * @since 0.1.0
 */
public sealed interface PlanStep
    permits ElasticsearchRequestStep, EckResourceStep, ManualStep {

  /**
   * The action word of plan output, {@code payload().action()}.
   *
   * @return the action
   */
  StepAction action();

  /**
   * The name of the cluster the step acts on.
   *
   * @return a cluster name of the topology
   */
  String target();

  /**
   * One sentence saying what the step does and why.
   *
   * @return the description
   */
  String description();

  /**
   * What the step does, as a value executors dispatch on.
   *
   * @return the payload
   */
  StepPayload payload();

  /**
   * Whether carrying the step out restarts the nodes of its target: static settings, a changed pod
   * template, and on ECK every change of secure settings (unless delivered as file-based
   * settings). Connection settings, keys, roles and Services restart nothing.
   *
   * @return true for a (rolling) restart
   */
  boolean restartsNodes();
}
