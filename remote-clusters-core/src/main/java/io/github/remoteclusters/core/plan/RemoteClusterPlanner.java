package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.internal.SecurityAccessValidator;
import io.github.remoteclusters.core.internal.LinkPlanner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

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
   * A planner that checks {@code access} documents with the security module's cross-cluster API key rules.
   *
   * @return the planner
   */
  public static RemoteClusterPlanner create() {
    return new RemoteClusterPlanner(SecurityAccessValidator.INSTANCE);
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
    List<PlanResult> results = new ArrayList<>(topology.links().size());
    plan(topology, results::add);
    return new TopologyPlan(
        io.github.remoteclusters.core.internal.RollGrouping.group(topology, results),
        io.github.remoteclusters.core.internal.EckClusterChecks.check(topology));
  }

  /**
   * Plans every link of a topology with what this tool owns: the removal of every owned link the
   * topology no longer has (deleted from the file, or {@code state: absent}) in the order {@code
   * REMOVE_REMOTE_SETTINGS}, {@code INVALIDATE_API_KEY} (by the recorded id), {@code
   * REMOVE_CREDENTIALS}, {@code RELOAD_SECURE_SETTINGS}, {@code DELETE_LOCAL_ROLE}; a change of
   * security model as a {@code MIGRATE_SECURITY_MODEL}; an existing key updated by its recorded
   * id. Removals of links the topology no longer has come after the topology's links, numbered
   * on from them, in the order of the footprints. Footprints whose local cluster the topology no
   * longer has are left out: nothing could reach it.
   *
   * @param topology the topology
   * @param owned the footprints of the links this tool owns (the Elasticsearch executor's
   *     {@code OwnershipStore.footprints()}, or the Kubernetes adapter's records)
   * @return the plan
   */
  public TopologyPlan plan(Topology topology, Collection<LinkFootprint> owned) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(owned, "owned");
    Map<String, LinkFootprint> byKey = new LinkedHashMap<>();
    for (LinkFootprint f : owned) {
      if (f.proven()) {
        byKey.put(f.local() + "\u0000" + f.alias(), f);
      }
    }
    LinkPlanner planner = new LinkPlanner(topology, accessValidator);
    AliasIndex aliases = new AliasIndex();
    List<Link> links = topology.links();
    List<PlanResult> results = new ArrayList<>(links.size());
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      Integer first = aliases.firstUse(l, i);
      LinkFootprint f = first == null ? byKey.remove(l.local() + "\u0000" + l.alias()) : null;
      results.add(planner.plan(i, first, f));
    }
    int index = links.size();
    for (LinkFootprint f : byKey.values()) {
      PlanResult r = planner.removal(index, f);
      if (r != null) {
        results.add(r);
        index++;
      }
    }
    return new TopologyPlan(
        io.github.remoteclusters.core.internal.RollGrouping.group(topology, results),
        io.github.remoteclusters.core.internal.EckClusterChecks.check(topology));
  }

  /**
   * Plans every link and hands each result to {@code sink} as soon as it is made, in link order,
   * without keeping them: for topologies too large to hold every plan in memory.
   *
   * <p>Each result is final when handed over: the restarting changes of one ECK cluster in
   * several links are not grouped into one roll here, as {@link #plan(Topology)} does.
   *
   * @param topology the topology
   * @param sink receives one result per link
   */
  public void plan(Topology topology, Consumer<PlanResult> sink) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(sink, "sink");
    LinkPlanner planner = new LinkPlanner(topology, accessValidator);
    AliasIndex aliases = new AliasIndex();
    List<Link> links = topology.links();
    for (int i = 0; i < links.size(); i++) {
      sink.accept(planner.plan(i, aliases.firstUse(links.get(i), i)));
    }
  }

  /**
   * Runs every check of every link without building steps: what {@code validate} needs, cheaper
   * than {@link #plan(Topology)}.
   *
   * @param topology the topology
   * @return the errors and warnings of every link, in link order
   */
  public List<Problem> check(Topology topology) {
    Objects.requireNonNull(topology, "topology");
    LinkPlanner planner = new LinkPlanner(topology, accessValidator);
    AliasIndex aliases = new AliasIndex();
    List<Problem> problems = new ArrayList<>();
    List<Link> links = topology.links();
    for (int i = 0; i < links.size(); i++) {
      problems.addAll(planner.problems(i, aliases.firstUse(links.get(i), i)));
    }
    return problems;
  }

  /** The first link of each (local cluster, alias). */
  private static final class AliasIndex {
    private final Map<String, Map<String, Integer>> byLocal = new HashMap<>();

    Integer firstUse(Link link, int index) {
      return byLocal
          .computeIfAbsent(link.local(), k -> new HashMap<>())
          .putIfAbsent(link.alias(), index);
    }
  }
}
