package io.github.remoteclusters.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.Topology;
import io.github.remoteclusters.core.plan.RemoteClusterPlanner;
import io.github.remoteclusters.core.plan.TopologyPlan;
import io.github.remoteclusters.k8s.internal.BaseManifests;
import io.github.remoteclusters.k8s.internal.EsDesired;
import io.github.remoteclusters.k8s.internal.EsMerger;
import io.github.remoteclusters.k8s.internal.LinkPlan;
import io.github.remoteclusters.k8s.internal.OwnedResources;
import io.github.remoteclusters.k8s.internal.Serialization;
import io.github.remoteclusters.k8s.internal.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the links of a topology into ECK resources: render them for review or GitOps, or get a
 * {@link EckReconciler} that applies them to one ECK environment.
 *
 * <pre>{@code
 * EckAdapter adapter = EckAdapter.of(EckOptions.defaults());
 * TopologyPlan plan = RemoteClusterPlanner.create().plan(topology);
 * RenderResult r = adapter.render(topology, plan);
 * if (r instanceof RenderResult.Rendered) {
 *   System.out.print(EckAdapter.toYaml(((RenderResult.Rendered) r).resources()));
 * }
 * ReconcileOutcome o = adapter.reconciler(client, "default", ConnectionProbe.unknown())
 *     .reconcile(topology, plan);
 * }</pre>
 *
 * <p>What ECK automates (both clusters in one ECK environment) becomes {@code spec.remoteClusters}
 * entries and {@code spec.remoteClusterServer.enabled}; everything else becomes nodeSet settings in
 * proxy mode, a credentials Secret in {@code spec.secureSettings}, CA ConfigMaps and exposed
 * Services. Experimental API.
 *
 * @since 0.1.0
 */
public final class EckAdapter {

  private final EckOptions options;

  private EckAdapter(EckOptions options) {
    this.options = options;
  }

  /**
   * An adapter with the given options.
   *
   * @param options the options
   * @return the adapter
   */
  public static EckAdapter of(EckOptions options) {
    return new EckAdapter(Objects.requireNonNull(options, "options"));
  }

  /** {@return the options} */
  public EckOptions options() {
    return options;
  }

  /**
   * Renders the resources of every ECK cluster of a topology, planning it first with the planner
   * the caller passes (so its access validator and settings apply).
   *
   * @param topology the topology
   * @param planner the planner
   * @return the resources, or the problems that keep the topology from being expressed
   * @see #render(Topology, TopologyPlan)
   */
  public RenderResult render(Topology topology, RemoteClusterPlanner planner) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(planner, "planner");
    return render(topology, planner.plan(topology));
  }

  /**
   * Renders into the user's own {@code Elasticsearch} manifests: every ECK cluster of the topology
   * whose manifest is among {@code base} (same name, and same namespace or none) comes out
   * complete, with this adapter's changes merged into the user's nodeSets, lists and fields, ready
   * to apply; clusters without a manifest come out partial as from {@link #render(Topology,
   * TopologyPlan)}.
   *
   * @param topology the topology
   * @param plan the core's plan of the same topology
   * @param base the user's manifests (other kinds are ignored); see {@link #readManifests(Path)}
   * @return the resources, or the problems (also conflicts with fields or aliases the user set)
   */
  public RenderResult render(
      Topology topology, TopologyPlan plan, List<? extends HasMetadata> base) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(base, "base");
    return render(Translator.translate(topology, plan, options), BaseManifests.of(base));
  }

  /**
   * Reads {@code Elasticsearch} manifests from a YAML or JSON file (several documents or a {@code
   * v1 List} allowed) or from every {@code .yaml}, {@code .yml} and {@code .json} file of a folder.
   *
   * @param fileOrFolder the file or folder
   * @return the {@code Elasticsearch} resources found (other kinds are left out)
   * @throws IllegalArgumentException when a file cannot be read or is not YAML or JSON; the message
   *     names the file and the reason
   */
  public static List<GenericKubernetesResource> readManifests(Path fileOrFolder) {
    return BaseManifests.read(Objects.requireNonNull(fileOrFolder, "fileOrFolder"));
  }

  /**
   * Renders the resources of every ECK cluster of a topology from the core's plan of it, without
   * a Kubernetes API server: the plan's problems come first, and its typed steps (ECK patches,
   * remote settings, exposed Services, trusted CAs) are the source of the resources; a link the
   * plan rejects is not rendered. A plan step the adapter cannot express rejects the render,
   * naming the step.
   *
   * <p>{@code Elasticsearch} resources are partial (only the fields this adapter sets), for
   * merging into the full manifests. Secrets carry {@code ::redacted::} placeholders unless {@link
   * EckOptions#renderSecretData()} is set.
   *
   * @param topology the topology
   * @param plan the core's plan of the same topology
   * @return the resources, or the problems that keep the topology from being expressed
   */
  public RenderResult render(Topology topology, TopologyPlan plan) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(plan, "plan");
    return render(Translator.translate(topology, plan, options), null);
  }

  private RenderResult render(Translator.Translation t, BaseManifests base) {
    if (t.hasErrors()) {
      return new RenderResult.Rejected(t.problems);
    }
    List<Problem> problems = new ArrayList<>(t.problems);
    List<RenderedResource> out = new ArrayList<>();
    OwnedResources.SecretData data =
        options.renderSecretData()
            ? OwnedResources.SecretData.REAL_TEXT
            : OwnedResources.SecretData.PLACEHOLDER;
    for (EsDesired d : t.clusters.values()) {
      List<HasMetadata> owned = OwnedResources.build(d, Map.of(), data);
      ObjectNode user = base == null ? null : base.find(d.key).orElse(null);
      EsMerger.Merge m =
          EsMerger.merge(user, d, options.renderNodeSets(), OwnedResources.hasSecret(owned));
      problems.addAll(m.conflicts);
      owned.forEach(r -> out.add(new RenderedResource(d.key.environment(), r, false)));
      if (user != null) {
        out.add(new RenderedResource(d.key.environment(), Serialization.generic(m.object), false));
      } else if (!m.object.path("spec").isEmpty()) {
        out.add(new RenderedResource(d.key.environment(), Serialization.generic(m.object), true));
      }
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return new RenderResult.Rejected(problems);
    }
    List<String> pending = new ArrayList<>();
    for (LinkPlan p : t.links) {
      for (String what : p.pending) {
        pending.add("link [" + p.link.local() + " -> " + p.link.alias() + "] needs " + what);
      }
    }
    return new RenderResult.Rendered(out, problems, pending);
  }

  /**
   * A reconciler for one ECK environment.
   *
   * @param client the client of the Kubernetes cluster the environment runs in
   * @param environment the environment name used in the topology
   * @param probe tells whether aliases are connected; {@link ConnectionProbe#unknown()} when the
   *     operator cannot ask Elasticsearch
   * @return the reconciler
   */
  public EckReconciler reconciler(
      KubernetesClient client, String environment, ConnectionProbe probe) {
    return new EckReconciler(client, environment, options, probe);
  }

  /**
   * Multi-document YAML of rendered resources, each document starting with {@code ---}. A partial
   * {@code Elasticsearch} (no base manifest) is preceded by a comment line starting with {@link
   * #PATCH_COMMENT}: it is a patch to merge, not a manifest to apply.
   *
   * @param resources the resources
   * @return the YAML text
   */
  public static String toYaml(List<RenderedResource> resources) {
    StringBuilder out = new StringBuilder();
    for (RenderedResource r : resources) {
      String doc = Serialization.yaml(List.of(r.resource()));
      if (r.partial()) {
        out.append("---\n")
            .append(PATCH_COMMENT)
            .append(" only the fields remote-clusters sets on ")
            .append(r.describe())
            .append("; merge it into your manifest, or render with --base to get the whole"
                + " manifest\n")
            .append(doc.substring("---\n".length()));
      } else {
        out.append(doc);
      }
    }
    return out.toString();
  }

  /** The start of the comment that marks a partial {@code Elasticsearch} in YAML output. */
  public static final String PATCH_COMMENT = "# PATCH, not a complete manifest:";

  /**
   * One JSON document (a Kubernetes {@code v1 List}) of rendered resources.
   *
   * @param resources the resources
   * @return the JSON text
   */
  public static String toJson(List<RenderedResource> resources) {
    return Serialization.json(resources.stream().map(RenderedResource::resource).toList());
  }
}
