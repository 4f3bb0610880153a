package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.internal.BasicAccessValidator;
import io.github.remoteclusters.core.internal.LinkPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans every link of a topology: runs the checks (versions, licence, security model, addresses,
 * aliases, access) and, when they pass, lists the steps in the order they must run.
 *
 * <p>Inside one ECK environment the plan only declares the link on the ECK resources and lets the
 * operator create keys, copy CAs and write settings; elsewhere it carries the exact Elasticsearch
 * requests and, for what no API can do, instructions for a person. Planning never throws for bad
 * input: problems are values.
 *
 * @since 0.1.0
 */
public final class RemoteClusterPlanner {

  private final AccessValidator accessValidator;

  private RemoteClusterPlanner(AccessValidator accessValidator) {
    this.accessValidator = accessValidator;
  }

  /**
   * A planner with the built-in structural check of {@code access} documents.
   *
   * @return the planner
   */
  public static RemoteClusterPlanner create() {
    return new RemoteClusterPlanner(BasicAccessValidator.INSTANCE);
  }

  /**
   * This planner with another check of {@code access} documents, such as the security module's.
   *
   * @param validator the validator
   * @return a new planner
   */
  public RemoteClusterPlanner withAccessValidator(AccessValidator validator) {
    return new RemoteClusterPlanner(Objects.requireNonNull(validator, "validator"));
  }

  /**
   * Plans every link.
   *
   * @param topology the topology
   * @return one result per link, in order
   */
  public TopologyPlan plan(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    LinkPlanner planner = new LinkPlanner(topology, accessValidator);
    Map<String, Integer> aliases = new HashMap<>();
    List<PlanResult> results = new ArrayList<>(topology.links().size());
    List<Link> links = topology.links();
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      Integer first = aliases.putIfAbsent(link.local() + "\u0000" + link.alias(), i);
      results.add(planner.plan(i, first));
    }
    return new TopologyPlan(results);
  }
}
