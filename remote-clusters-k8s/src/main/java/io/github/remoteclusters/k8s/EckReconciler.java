package io.github.remoteclusters.k8s;

import io.github.remoteclusters.k8s.internal.K8sNames;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.remoteclusters.core.Link;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.internal.EsDesired;
import io.github.remoteclusters.k8s.internal.EsKey;
import io.github.remoteclusters.k8s.internal.EsMerger;
import io.github.remoteclusters.k8s.internal.KubeOps;
import io.github.remoteclusters.k8s.internal.LinkPlan;
import io.github.remoteclusters.k8s.internal.OwnedResources;
import io.github.remoteclusters.k8s.internal.Translator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies the links of a topology to one ECK environment and reports what changed and where each
 * link stands: call {@link #reconcile} from an operator's reconcile loop with the desired links
 * and copy the {@link EckLinkStatus} list into the custom resource's status.
 *
 * <p>Reconciling is idempotent: when everything is in place no write request is sent and every
 * change is {@link ChangeAction#UNCHANGED}. The adapter records what it owns in annotations on
 * each {@code Elasticsearch} resource ({@code remoteclusters.github.io/managed-remote-clusters},
 * sorted and comma-joined like ECK's {@code elasticsearch.k8s.elastic.co/managed-remote-clusters},
 * and {@code remoteclusters.github.io/owned-fields}) and a label on the resources it creates, and
 * changes or deletes only those: other aliases, settings and resources are left alone. A topology
 * with an error changes nothing. Experimental API.
 *
 * @since 0.1.0
 */
public final class EckReconciler {

  private final KubeOps ops;
  private final String environment;
  private final EckOptions options;
  private final ConnectionProbe probe;

  EckReconciler(
      KubernetesClient client, String environment, EckOptions options, ConnectionProbe probe) {
    Objects.requireNonNull(client, "client");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.options = Objects.requireNonNull(options, "options");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.ops = new KubeOps(client, options.applyMode(), options.fieldManager());
  }

  /** {@return the ECK environment this reconciler writes to} */
  public String environment() {
    return environment;
  }

  /**
   * Brings the environment's ECK resources in line with the topology's links.
   *
   * <p>Links removed from the topology (or marked {@code absent}) lose what the adapter created
   * for them; an {@code Elasticsearch} resource that carries the adapter's annotations but is no
   * longer in the topology is cleaned up too. Failures of API calls are reported in the outcome,
   * not thrown.
   *
   * @param topology the desired links and their clusters
   * @param plan the core's plan of the same topology; a link it rejects is not written
   * @return the changes and the status of each link
   */
  public ReconcileOutcome reconcile(Topology topology, TopologyPlan plan) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(plan, "plan");
    Translator.Translation t = Translator.translate(topology, plan, options);
    List<ResourceChange> changes = new ArrayList<>();
    List<Problem> problems = new ArrayList<>(t.problems);
    List<EckLinkStatus> statuses = new ArrayList<>();
    if (t.hasErrors()) {
      String first =
          t.problems.stream().filter(Problem::isError).findFirst().map(Problem::message).orElse("");
      for (LinkPlan p : t.links) {
        String error = p.errors.isEmpty() ? "not applied: the topology has errors: " + first : p.errors.get(0);
        statuses.add(status(p.link, LinkPhase.FAILED, null, error));
      }
      return new ReconcileOutcome(changes, statuses, problems);
    }
    Map<EsKey, EsDesired> mine = new TreeMap<>();
    t.clusters.forEach((k, d) -> {
      if (k.environment().equals(environment)) {
        mine.put(k, d);
      }
    });
    Map<EsKey, String> failures = new HashMap<>();
    Map<EsKey, EsMerger.Merge> merges = new HashMap<>();
    try {
      for (EsKey k : ops.annotatedElasticsearches(environment)) {
        mine.putIfAbsent(k, new EsDesired(k, null));
      }
    } catch (K8sAdapterException e) {
      problems.add(new Problem(ProblemCode.KUBERNETES_API_FAILED, "", e.getMessage()));
    }
    for (EsDesired d : mine.values()) {
      try {
        apply(d, changes, problems, merges);
      } catch (K8sAdapterException e) {
        failures.put(d.key, e.getMessage());
        problems.add(new Problem(ProblemCode.KUBERNETES_API_FAILED, d.key.toString(), e.getMessage()));
      } catch (KubeOps.OwnershipConflict e) {
        failures.put(d.key, e.getMessage());
        problems.add(new Problem(ProblemCode.RESOURCE_NOT_OWNED, d.key.toString(), e.getMessage()));
      }
    }
    Set<String> reported = new HashSet<>();
    for (LinkPlan p : t.links) {
      boolean here = inEnv(p.local) || inEnv(p.remote);
      if (here) {
        statuses.add(status(p, failures, merges));
        reported.add(p.link.local() + "/" + p.link.alias());
      }
    }
    removed(t, merges, statuses, reported);
    return new ReconcileOutcome(changes, statuses, problems);
  }

  /**
   * Plans the topology with the planner the caller passes, then {@link #reconcile(Topology,
   * TopologyPlan) reconciles} with that plan.
   *
   * @param topology the desired links and their clusters
   * @param planner the planner (its access validator and settings apply)
   * @return the changes and the status of each link
   */
  public ReconcileOutcome reconcile(Topology topology, RemoteClusterPlanner planner) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(planner, "planner");
    return reconcile(topology, planner.plan(topology));
  }

  private boolean inEnv(EsKey k) {
    return k != null && k.environment().equals(environment);
  }

  private void apply(
      EsDesired d,
      List<ResourceChange> changes,
      List<Problem> problems,
      Map<EsKey, EsMerger.Merge> merges) {
    ObjectNode live = ops.elasticsearch(d.key);
    if (live == null) {
      if (d.cluster != null) {
        throw new KubeOps.OwnershipConflict(
            "Elasticsearch " + d.key + " of cluster [" + d.cluster.name()
                + "] does not exist in ECK environment [" + environment + "]");
      }
      return;
    }
    List<HasMetadata> owned =
        OwnedResources.build(d, ops.credentialsData(d.key), OwnedResources.SecretData.REAL);
    EsMerger.Merge m = EsMerger.merge(live, d, List.of(), OwnedResources.hasSecret(owned));
    problems.addAll(m.conflicts);
    Set<String> keep = new TreeSet<>();
    for (HasMetadata r : owned) {
      changes.add(ops.applyOwned(r));
      keep.add(r.getKind() + "/" + r.getMetadata().getName());
    }
    changes.add(ops.applyElasticsearch(d.key, live, m.object));
    changes.addAll(ops.deleteStale(d.key, keep));
    merges.put(d.key, m);
  }

  private EckLinkStatus status(
      LinkPlan p, Map<EsKey, String> failures, Map<EsKey, EsMerger.Merge> merges) {
    for (EsKey k : new EsKey[] {p.local, p.remote}) {
      if (inEnv(k) && failures.containsKey(k)) {
        return status(p.link, LinkPhase.FAILED, null, failures.get(k));
      }
    }
    if (p.apiKey) {
      for (EsKey k : new EsKey[] {p.local, p.remote}) {
        EsMerger.Merge m = inEnv(k) ? merges.get(k) : null;
        if (m != null && m.apiKeyBlocker != null) {
          return status(p.link, LinkPhase.FAILED, null, m.apiKeyBlocker);
        }
      }
    }
    EsMerger.Merge local = inEnv(p.local) ? merges.get(p.local) : null;
    if (local != null && local.conflictAliases.contains(p.link.alias())) {
      return status(
          p.link, LinkPhase.FAILED, null,
          local.conflicts.stream()
              .filter(c -> c.message().contains("[" + p.link.alias() + "]")
                  || c.path().contains(io.github.remoteclusters.core.EckNames.remoteSettingPrefix(p.link.alias())))
              .map(Problem::message)
              .findFirst()
              .orElse("alias [" + p.link.alias() + "] conflicts with a setting it does not own"));
    }
    EckLinkStatus s;
    if (!p.pending.isEmpty()) {
      s = status(p.link, LinkPhase.PENDING, "waiting for " + String.join("; ", p.pending), null);
    } else if (p.eckManaged && local != null) {
      String eck = local.object.path("metadata").path("annotations")
          .path(K8sNames.ECK_MANAGED_REMOTE_CLUSTERS).asText(null);
      if (K8sNames.splitAliases(eck).contains(p.link.alias())) {
        s = status(p.link, LinkPhase.CONFIGURED, "ECK manages cluster.remote." + p.link.alias(), null);
      } else {
        s = status(p.link, LinkPhase.PENDING,
            "waiting for ECK to configure cluster.remote." + p.link.alias()
                + " (it is not yet in " + K8sNames.ECK_MANAGED_REMOTE_CLUSTERS + ")", null);
      }
    } else {
      s = status(p.link, LinkPhase.CONFIGURED, inEnv(p.local)
          ? "resources applied"
          : "resources of [" + p.link.remote() + "] applied; the side of [" + p.link.local()
              + "] is not in ECK environment [" + environment + "] (see the core's plan)", null);
    }
    if (inEnv(p.local) && local != null) {
      s = s.withConnected(probe.connected(p.localCluster, p.link.alias()).orElse(null));
    }
    return s;
  }

  private void removed(
      Translator.Translation t,
      Map<EsKey, EsMerger.Merge> merges,
      List<EckLinkStatus> statuses,
      Set<String> reported) {
    Map<String, Link> absent = new HashMap<>();
    for (Link l : t.absent) {
      absent.put(l.local() + "/" + l.alias(), l);
    }
    for (Map.Entry<EsKey, EsMerger.Merge> e : merges.entrySet()) {
      String localName = t.clusters.containsKey(e.getKey()) && t.clusters.get(e.getKey()).cluster != null
          ? t.clusters.get(e.getKey()).cluster.name() : e.getKey().name();
      for (String alias : e.getValue().removedAliases) {
        if (reported.add(localName + "/" + alias)) {
          Link l = absent.get(localName + "/" + alias);
          statuses.add(new EckLinkStatus(localName, alias, l == null ? "" : l.remote(),
              LinkPhase.REMOVED, null, "removed from Elasticsearch " + e.getKey(), null));
        }
      }
    }
  }

  private static EckLinkStatus status(Link l, LinkPhase phase, String message, String error) {
    return new EckLinkStatus(l.local(), l.alias(), l.remote(), phase, null, message, error);
  }

  private static EckLinkStatus status(LinkPlan p, LinkPhase phase, String message, String error) {
    return status(p.link, phase, message, error);
  }
}
